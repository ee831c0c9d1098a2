"""Requantizers of every scheme (the case registry's cocotb cases): corner cases first, then a seeded random set."""

import pytest

from conftest import cases, run_case

CASES = cases("quantizer")
assert CASES, "testbench/cases.json holds no cases of this kind"


@pytest.mark.parametrize("name", list(CASES))
def test_requantizer(name):
    run_case(CASES[name])
