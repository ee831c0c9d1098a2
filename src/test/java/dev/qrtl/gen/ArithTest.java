package dev.qrtl.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qrtl.core.HwType;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.core.Signal;
import dev.qrtl.eval.IrSimulator;
import org.junit.jupiter.api.Test;

/**
 * The number-format helpers against their definitions, exhaustively at widths 1..12 (8,190
 * values in all): the leading-one tree gives the chain's index and whether any bit is set, and
 * normalisation puts the leading one on top.
 */
class ArithTest {
  @Test
  void leadingOneTreeAndChainAgreeAndNormalizePutsTheOneOnTop() {
    long checked = 0;
    for (int w = 1; w <= 12; w++) {
      ModuleBuilder m = new ModuleBuilder("lod_" + w);
      Signal x = m.input("x", HwType.u(w));
      var tree = Arith.leadingOneTree(m, "lead", x);
      var chain = Arith.leadingOneChain(x);
      m.assign(m.output("tree", tree[0].type()), tree[0]);
      m.assign(m.output("any", HwType.u(1)), tree[1]);
      m.assign(m.output("chain", chain.type()), chain);
      m.assign(m.output("norm", HwType.u(w)), Arith.normalize(x, chain));
      IrSimulator sim = new IrSimulator(m.build());
      for (long v = 0; v < 1L << w; v++) {
        sim.poke("x", v);
        int msb = v == 0 ? 0 : 63 - Long.numberOfLeadingZeros(v);
        assertEquals(msb, sim.peekLong("chain"), "chain, w " + w + ", x " + v);
        assertEquals(msb, sim.peekLong("tree"), "tree, w " + w + ", x " + v);
        assertEquals(v == 0 ? 0 : 1, sim.peekLong("any"));
        assertEquals(v == 0 ? 0 : (v << (w - 1 - msb)) & ((1L << w) - 1), sim.peekLong("norm"), "normalised, w " + w + ", x " + v);
        checked++;
      }
    }
    assertEquals(8190, checked);
  }

  /** {@code choose} is {@code sel ? a : b} for every pair of signed 4-bit and 6-bit values, both selects (2,048 cases). */
  @Test
  void chooseIsASelectIncludingSignExtension() {
    ModuleBuilder m = new ModuleBuilder("choose");
    Signal sel = m.input("sel", HwType.u(1));
    Signal a = m.input("a", HwType.s(4));
    Signal b = m.input("b", HwType.s(6));
    m.assign(m.output("y", HwType.s(6)), Arith.choose(sel, a, b));
    IrSimulator sim = new IrSimulator(m.build());
    int checked = 0;
    for (int s = 0; s < 2; s++) {
      for (int av = -8; av < 8; av++) {
        for (int bv = -32; bv < 32; bv++) {
          sim.poke("sel", s);
          sim.poke("a", av);
          sim.poke("b", bv);
          assertEquals((s == 1 ? av : bv) & 0x3F, sim.peekLong("y") & 0x3F, "sel " + s + ", a " + av + ", b " + bv);
          checked++;
        }
      }
    }
    assertEquals(2048, checked);
  }
}
