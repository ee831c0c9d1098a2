"""Requantizers of every scheme: corner cases first, then a seeded random set."""

import pytest

from conftest import run_bench

POINTS = {
    "shift_round_a16_q8_half_even_rt": ["quantizer", "--scheme", "shift-round", "--acc-bits", "16", "--out-bits", "8",
                                        "--rounding", "half-even", "--runtime-shift"],
    "shift_round_a32_q4u_relu_k10_bias": ["quantizer", "--scheme", "shift-round", "--acc-bits", "32", "--out-bits", "4",
                                          "--unsigned", "--relu", "--shift", "10", "--bias"],
    "floor_a32_q8_pipelined": ["quantizer", "--scheme", "floor", "--acc-bits", "32", "--out-bits", "8",
                               "--runtime-shift", "--pipeline", "2"],
    "tflite_double_a32_q8": ["quantizer", "--scheme", "tflite-double", "--acc-bits", "32", "--out-bits", "8"],
    "tflite_single_a32_q8": ["quantizer", "--scheme", "tflite-single", "--acc-bits", "32", "--out-bits", "8"],
    "fp32_scale_a32_q8": ["quantizer", "--scheme", "fp32-scale", "--acc-bits", "32", "--out-bits", "8"],
    "threshold_a16_q3": ["quantizer", "--scheme", "threshold", "--acc-bits", "16", "--out-bits", "3"],
}


@pytest.mark.parametrize("point", list(POINTS))
def test_requantizer(point):
    run_bench(point, POINTS[point], vectors=3000, seed=11)
