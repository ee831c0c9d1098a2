"""Unified modules (one fused requantization per output) and the conventional pipeline."""

import pytest

from conftest import run_bench

POINTS = {
    "unified_4x4_shift_round_relu": ["mac-array", "--rows", "4", "--cols", "4", "--k", "32", "--epilogue", "shift-round",
                                     "--out-bits", "8", "--runtime-shift", "--bias", "--relu"],
    "unified_2x3_tflite_double": ["mac-array", "--rows", "2", "--cols", "3", "--k", "16", "--epilogue", "tflite-double",
                                  "--out-bits", "8", "--bias"],
    "conventional_2x2_shift_round": ["mac-array", "--rows", "2", "--cols", "2", "--k", "16", "--epilogue", "shift-round",
                                     "--out-bits", "8", "--runtime-shift", "--conventional"],
}


@pytest.mark.parametrize("point", list(POINTS))
def test_unified(point):
    run_bench(point, POINTS[point], vectors=300, seed=9)
