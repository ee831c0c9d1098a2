package dev.qrtl.gen;

import dev.qrtl.core.Expr;
import dev.qrtl.core.HwType;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.core.Module;
import dev.qrtl.core.Signal;

/** Small example generators that show the DSL; the benchmarks use them too. */
public final class Examples {
  private Examples() {}

  /** A signed multiply-accumulate cell with clear and enable: the heart of a MAC array. */
  public static Module macCell(int aBits, int wBits, int accBits) {
    ModuleBuilder m = new ModuleBuilder("mac_cell_a" + aBits + "_w" + wBits + "_acc" + accBits)
        .description("signed multiply-accumulate with clear")
        .param("a_bits", aBits).param("w_bits", wBits).param("acc_bits", accBits)
        .latency(1);
    Signal a = m.input("a", HwType.s(aBits));
    Signal w = m.input("w", HwType.s(wBits));
    Signal clear = m.input("clear", HwType.u(1));
    Signal en = m.input("en", HwType.u(1));
    Signal acc = m.reg("acc_q", HwType.s(accBits), 0);
    Signal product = m.wire("product", a.mul(w));
    Signal base = m.wire("base", clear.select(Expr.lit(0, HwType.s(accBits)), acc));
    m.next(acc, base.add(product).truncate(accBits), en);
    m.assign(m.output("acc", HwType.s(accBits)), acc);
    return m.build();
  }

  /**
   * A wide, deep combinational design of about {@code nodes} IR nodes for the generation
   * benchmark: rows of multiply-add chains over a few inputs.
   */
  public static Module benchmarkDesign(int nodes) {
    ModuleBuilder m = new ModuleBuilder("bench_" + nodes).description("generation benchmark design");
    Signal a = m.input("a", HwType.s(16));
    Signal b = m.input("b", HwType.s(16));
    int perRow = 50;
    int rows = Math.max(1, nodes / (perRow * 4));
    for (int r = 0; r < rows; r++) {
      Expr acc = a;
      for (int i = 0; i < perRow; i++) {
        // 4 nodes per step: mul, add, truncate, xor
        acc = acc.mul(b).add(a.extend(32)).truncate(16).xor(b);
      }
      m.assign(m.output("y" + r, HwType.s(16)), acc);
    }
    return m.build();
  }
}
