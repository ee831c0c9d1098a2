"""MAC arrays, systolic and broadcast: whole tiles against the golden matrix product (the case registry's cocotb cases)."""

import pytest

from conftest import cases, run_case

CASES = cases("mac-array")
assert CASES, "testbench/cases.json holds no cases of this kind"


@pytest.mark.parametrize("name", list(CASES))
def test_mac_array(name):
    run_case(CASES[name])
