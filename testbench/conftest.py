"""Shared set-up of qrtl's cocotb test benches.

Each parameter point gets its own folder under sim_build/<simulator>/<point>/ holding the
generated Verilog, the vectors and the simulator build (cocotb's runner would otherwise overwrite
the builds and waves of different parameters). qrtl generates the design and, from its Java
golden model, the vectors; the bench only drives and compares.
"""

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BUILD = HERE / "sim_build"
JAR = ROOT / "target" / "qrtl.jar"
VERILATOR_FOR_COCOTB = (5, 36)


def simulator() -> str:
    """QRTL_COCOTB_SIM selects the simulator: icarus (default) or verilator (needs >= 5.036)."""
    sim = os.environ.get("QRTL_COCOTB_SIM", "icarus")
    if sim not in ("icarus", "verilator"):
        raise pytest.UsageError(f"QRTL_COCOTB_SIM={sim!r}: use icarus or verilator")
    if sim == "verilator":
        out = subprocess.run(["verilator", "--version"], capture_output=True, text=True, check=True).stdout
        m = re.search(r"Verilator (\d+)\.(\d+)", out)
        if not m or (int(m.group(1)), int(m.group(2))) < VERILATOR_FOR_COCOTB:
            raise pytest.UsageError(f"cocotb 2.x needs Verilator >= 5.036; this machine has: {out.strip()}")
    return sim


def qrtl(*args: str) -> str:
    """Runs the qrtl CLI (the jar bin/test builds); returns its standard output."""
    if not JAR.exists():
        subprocess.run(["mvn", "-q", "-B", "-DskipTests", "package"], cwd=ROOT, check=True)
    r = subprocess.run(["java", "-jar", str(JAR), *args], capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"qrtl {' '.join(args)} failed: {r.stderr.strip()}")
    return r.stdout


CASES = HERE / "cases.json"


def cases(*kinds: str) -> dict:
    """The case registry's cocotb cases of these kinds (testbench/cases.json, written by the Java tests), by name."""
    return {c["name"]: c for c in json.loads(CASES.read_text()) if c["kind"] in kinds}


def run_case(case: dict):
    """Generates a registry case from its typed spec with `qrtl generate spec` and runs the vector bench on it."""
    folder = BUILD / simulator() / case["name"]
    folder.mkdir(parents=True, exist_ok=True)
    spec_file = folder / "spec.json"
    spec_file.write_text(json.dumps({"kind": case["kind"], "spec": case["spec"]}, indent=2))
    return run_bench(case["name"], ["spec", str(spec_file)], case["vectors"], case["seed"], case["stimulus"])


def prepare(point: str, generate: list, vectors: int, seed: int = 1, stimulus: str = "auto"):
    """Generates a design and its golden vectors into the point's own folder."""
    folder = BUILD / simulator() / point
    rtl = folder / "rtl"
    rtl.mkdir(parents=True, exist_ok=True)
    out = qrtl("generate", *generate, "--out", str(rtl))
    manifest_path = Path(out.split()[1])
    manifest = json.loads(manifest_path.read_text())
    vec = folder / "vectors.json"
    qrtl("vectors", "--manifest", str(manifest_path), "--out", str(vec), "--vectors", str(vectors),
         "--seed", str(seed), "--stimulus", stimulus)
    return folder, manifest, vec


def run_bench(point: str, generate: list, vectors: int, seed: int = 1, stimulus: str = "auto"):
    """Builds the point's design in its own folder and runs the generic vector bench on it."""
    from cocotb_tools.runner import get_runner

    sim = simulator()
    folder, manifest, vec = prepare(point, generate, vectors, seed, stimulus)
    runner = get_runner(sim)
    build_dir = folder / "build"
    runner.build(
        sources=[folder / "rtl" / f for f in manifest["files"]],
        hdl_toplevel=manifest["top"],
        build_dir=build_dir,
        timescale=("1ns", "1ps"),
        always=True,
    )
    results = runner.test(
        hdl_toplevel=manifest["top"],
        test_module="tb_vectors",
        test_dir=HERE,
        build_dir=build_dir,
        extra_env={"QRTL_VECTORS": str(vec)},
        results_xml=str(folder / "results.xml"),
    )
    return results


def pytest_report_header(config):
    return f"qrtl cocotb simulator: {simulator()} (QRTL_COCOTB_SIM selects icarus or verilator)"
