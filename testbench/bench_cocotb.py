"""Cocotb throughput on the shift-round 32 -> 8 requantizer, for docs/benchmarks.md.

Run: ~/.cache/qrtl/venv/bin/python testbench/bench_cocotb.py [VECTORS]
Builds once, then times the vector bench alone (simulator start included).
"""

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conftest import HERE, prepare, simulator  # noqa: E402


def main():
    from cocotb_tools.runner import get_runner

    vectors = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    point = "bench_shift_round_a32_q8"
    folder, manifest, vec = prepare(point, ["quantizer", "--scheme", "shift-round", "--acc-bits", "32", "--out-bits", "8",
                                            "--rounding", "half-up", "--runtime-shift"], vectors, 1, "uniform")
    runner = get_runner(simulator())
    build = folder / "build"
    runner.build(sources=[folder / "rtl" / f for f in manifest["files"]], hdl_toplevel=manifest["top"],
                 build_dir=build, timescale=("1ns", "1ps"), always=True)
    start = time.time()
    runner.test(hdl_toplevel=manifest["top"], test_module="tb_vectors", test_dir=HERE, build_dir=build,
                extra_env={"QRTL_VECTORS": str(vec)})
    seconds = time.time() - start
    checked = sum(1 for r in json.loads(vec.read_text())["records"] if r[0])
    print(f"cocotb ({simulator()}): {checked} vectors of {manifest['top']} in {seconds:.2f} s: {checked / seconds:,.0f} vectors/s")


if __name__ == "__main__":
    main()
