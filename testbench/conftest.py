"""Shared set-up of qrtl's cocotb test benches: which simulator, where each build goes."""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RTL = ROOT / "rtl-out"
BUILD = Path(__file__).resolve().parent / "sim_build"
VERILATOR_FOR_COCOTB = (5, 36)


def simulator() -> str:
    """QRTL_COCOTB_SIM selects the simulator: icarus (default) or verilator (>= 5.036)."""
    sim = os.environ.get("QRTL_COCOTB_SIM", "icarus")
    if sim not in ("icarus", "verilator"):
        raise pytest.UsageError(f"QRTL_COCOTB_SIM={sim!r}: use icarus or verilator")
    if sim == "verilator":
        out = subprocess.run(["verilator", "--version"], capture_output=True, text=True, check=True).stdout
        m = re.search(r"Verilator (\d+)\.(\d+)", out)
        if not m or (int(m.group(1)), int(m.group(2))) < VERILATOR_FOR_COCOTB:
            raise pytest.UsageError(f"cocotb 2.x needs Verilator >= 5.036; this machine has: {out.strip()}")
    return sim


def load_manifest(top: str) -> dict:
    path = RTL / f"{top}.json"
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: run `bin/qrtl generate defaults` first")
    return json.loads(path.read_text())


def run_cocotb(top: str, test_module: str, extra_env=None):
    """Builds `top` from rtl-out/ in its own folder (one per simulator and design) and runs the test module."""
    from cocotb_tools.runner import get_runner

    sim = simulator()
    manifest = load_manifest(top)
    build_dir = BUILD / sim / top
    runner = get_runner(sim)
    runner.build(
        sources=[RTL / f for f in manifest["files"]],
        hdl_toplevel=top,
        build_dir=build_dir,
        timescale=("1ns", "1ps"),
        always=True,
    )
    results = runner.test(
        hdl_toplevel=top,
        test_module=test_module,
        test_dir=Path(__file__).resolve().parent,
        build_dir=build_dir,
        extra_env=extra_env or {},
    )
    return results


def pytest_report_header(config):
    return f"qrtl cocotb simulator: {simulator()} (set QRTL_COCOTB_SIM to change)"
