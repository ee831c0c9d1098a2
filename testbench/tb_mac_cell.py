"""cocotb bench for the default MAC cell: a Python model written from the cell's spec."""

import os
import random

import cocotb
from cocotb.clock import Clock
from cocotb.triggers import FallingEdge, ReadOnly, RisingEdge


def wrap(value: int, bits: int) -> int:
    value &= (1 << bits) - 1
    return value - (1 << bits) if value >> (bits - 1) else value


@cocotb.test()
async def accumulates_clears_and_holds(dut):
    a_bits, w_bits, acc_bits = int(os.environ["A_BITS"]), int(os.environ["W_BITS"]), int(os.environ["ACC_BITS"])
    seed = int(os.environ.get("QRTL_SEED", "1"))
    rng = random.Random(seed)
    cocotb.start_soon(Clock(dut.clk, 10, unit="ns").start())
    dut.rst.value = 1
    dut.a.value = 0
    dut.w.value = 0
    dut.clear.value = 0
    dut.en.value = 0
    await RisingEdge(dut.clk)
    dut.rst.value = 0
    expected = 0
    checked = 0
    lo_a, hi_a = -(1 << (a_bits - 1)), (1 << (a_bits - 1)) - 1
    lo_w, hi_w = -(1 << (w_bits - 1)), (1 << (w_bits - 1)) - 1
    for cycle in range(2000):
        # corner operands first, then random ones
        a = [lo_a, hi_a, lo_a, 0][cycle] if cycle < 4 else rng.randint(lo_a, hi_a)
        w = [lo_w, lo_w, hi_w, 0][cycle] if cycle < 4 else rng.randint(lo_w, hi_w)
        clear = 1 if rng.random() < 0.05 else 0
        en = 0 if rng.random() < 0.1 else 1
        await FallingEdge(dut.clk)  # drive between edges, after the last check's read-only phase
        dut.a.value = a
        dut.w.value = w
        dut.clear.value = clear
        dut.en.value = en
        await RisingEdge(dut.clk)
        if en:
            expected = wrap((0 if clear else expected) + a * w, acc_bits)
        await ReadOnly()
        got = dut.acc.value.to_signed()
        assert got == expected, f"cycle {cycle}: a={a} w={w} clear={clear} en={en}: acc {got} != {expected}"
        checked += 1
    dut._log.info("checked %d cycles against the Python model, seed %d", checked, seed)
