"""OCP MX units (the case registry's cocotb cases): a block quantizer, and a block dot product; corner blocks first, then seeded random ones."""

import pytest

from conftest import cases, run_case

CASES = cases("block-quantizer", "block-dot")
assert CASES, "testbench/cases.json holds no MX cases"


@pytest.mark.parametrize("name", list(CASES))
def test_mx(name):
    run_case(CASES[name])
