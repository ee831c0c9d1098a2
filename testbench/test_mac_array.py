"""MAC arrays, systolic and broadcast: whole tiles against the golden matrix product."""

import pytest

from conftest import run_bench

POINTS = {
    "systolic_4x3_a8s_w8s_k16": ["mac-array", "--rows", "4", "--cols", "3", "--k", "16"],
    "systolic_3x3_noskew_a4u_w6s_k8": ["mac-array", "--rows", "3", "--cols", "3", "--a-bits", "4", "--a-unsigned",
                                       "--w-bits", "6", "--k", "8", "--no-skew"],
    "broadcast_3x2_lanes2_k12": ["mac-array", "--rows", "3", "--cols", "2", "--k", "12", "--form", "broadcast",
                                 "--lanes", "2", "--product-register"],
}


@pytest.mark.parametrize("point", list(POINTS))
def test_mac_array(point):
    run_bench(point, POINTS[point], vectors=400, seed=5, stimulus="products:k=16,sparsity=0.5")
