"""Unified modules (one fused requantization per output) and the conventional pipeline (the case registry's cocotb cases)."""

import pytest

from conftest import cases, run_case

CASES = cases("unified", "conventional")
assert CASES, "testbench/cases.json holds no cases of this kind"


@pytest.mark.parametrize("name", list(CASES))
def test_unified(name):
    run_case(CASES[name])
