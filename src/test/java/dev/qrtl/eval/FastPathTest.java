package dev.qrtl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.core.HwType;
import dev.qrtl.core.Module;
import dev.qrtl.core.Signal;
import dev.qrtl.testing.RandomCircuits;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The evaluator's fast path (longs, for designs whose every type is at most 62 bits) against its
 * BigInteger path on random circuits (the differential fuzz test's generator, whose widths reach
 * 70 bits): every circuit the fast path takes gives the same outputs, cycle by cycle, as the
 * BigInteger path; a circuit with a wider node stays on BigIntegers.
 */
class FastPathTest {
  private static final long SEED = 20261207L;
  private static final int CIRCUITS = 3000;
  private static final int CYCLES = 40;

  @Test
  void theFastPathEqualsTheBigIntegerPathOnRandomCircuits() {
    RandomCircuits gen = new RandomCircuits(SEED);
    Random stim = new Random(SEED ^ 0x5eed);
    int compared = 0;
    int wide = 0;
    long values = 0;
    for (int c = 0; c < CIRCUITS; c++) {
      Module m = gen.next("fast_c" + c);
      IrSimulator fast = new IrSimulator(m);
      IrSimulator slow = new IrSimulator(m, false);
      assertFalse(slow.fast());
      boolean anyWide = m.ports().stream().anyMatch(p -> p.type().width() > LongCompiler.MAX_WIDTH);
      if (!fast.fast()) {
        wide++;
        continue;
      }
      assertFalse(anyWide, m.name() + ": a port wider than the fast path, yet on it");
      compared++;
      for (int cycle = 0; cycle < CYCLES; cycle++) {
        for (Signal p : m.ports()) {
          if (m.outputs().contains(p) || m.clock().map(p::equals).orElse(false)) {
            continue;
          }
          HwType t = p.type();
          BigInteger v = t.wrap(RandomCircuits.randomPattern(stim, t));
          fast.poke(p.name(), v);
          slow.poke(p.name(), v);
        }
        for (Signal o : m.outputs()) {
          assertEquals(slow.peek(o.name()), fast.peek(o.name()), m.name() + " cycle " + cycle + " output " + o.name());
          values++;
        }
        fast.step();
        slow.step();
      }
    }
    assertTrue(compared > CIRCUITS / 4, "fast-path circuits: " + compared);
    System.out.println("IR fast path: " + compared + " random circuits (seed " + SEED + ") equal to the BigInteger path over " + CYCLES
        + " cycles, " + values + " output values; " + wide + " wider circuits stayed on BigIntegers");
  }
}
