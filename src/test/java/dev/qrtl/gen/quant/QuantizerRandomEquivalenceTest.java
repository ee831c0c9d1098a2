package dev.qrtl.gen.quant;

import dev.qrtl.spec.OutputSpec;
import dev.qrtl.spec.ThresholdSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qrtl.eval.IrSimulator;
import dev.qrtl.golden.Fp32ScaleModel;
import dev.qrtl.golden.OutputRange;
import dev.qrtl.golden.ShiftRoundModel;
import dev.qrtl.golden.ThresholdModel;
import dev.qrtl.golden.TfliteModel;
import dev.qrtl.spec.Rounding;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded random equivalence at 32 -> 8 bits, at least 10^6 vectors per scheme, with every
 * run-time parameter drawn afresh for each vector: generator (IR evaluator) against golden model.
 */
class QuantizerRandomEquivalenceTest {
  private static final long SEED = Long.getLong("qrtl.equiv.seed", 1L);
  private static final int VECTORS = Integer.getInteger("qrtl.equiv.vectors", 1_000_000);
  private static final OutputSpec S8 = Designs.s(8);
  private static final OutputRange R8 = new OutputRange(8, true, false, true);

  /** Accumulators spread over all magnitudes: a random 32-bit value shifted right by 0..31. */
  private static long acc(SplittableRandom rnd) {
    return (long) (rnd.nextInt() >> rnd.nextInt(32));
  }

  @Test
  void shiftRound() {
    SplittableRandom rnd = new SplittableRandom(SEED);
    Rounding[] rules = Rounding.values();
    IrSimulator[] sims = new IrSimulator[rules.length];
    for (int i = 0; i < rules.length; i++) {
      sims[i] = new IrSimulator(ShiftRoundGenerator.generate(Designs.shiftRound(32, S8, rules[i], null, true)));
    }
    for (int v = 0; v < VECTORS; v++) {
      int r = v % rules.length;
      long a = acc(rnd);
      long b = rnd.nextInt(1 << 16) - (1 << 15);
      int k = rnd.nextInt(32);
      sims[r].poke("acc", a).poke("bias", b).poke("shift", k);
      assertEquals(ShiftRoundModel.requantize(a, b, k, rules[r], R8), sims[r].peekLong("q"),
          "acc=" + a + " bias=" + b + " k=" + k + " " + rules[r]);
    }
    System.out.printf("shift-round 32->8 (bias, run-time k, 4 rules): %d random vectors, seed %d%n", VECTORS, SEED);
  }

  @Test
  void tfliteDoubleAndSingle() {
    for (boolean single : new boolean[] {false, true}) {
      SplittableRandom rnd = new SplittableRandom(SEED + (single ? 1 : 0));
      IrSimulator sim = new IrSimulator(TfliteGenerator.generate(Designs.tflite(32, S8, single, true)));
      for (int v = 0; v < VECTORS; v++) {
        long a = acc(rnd);
        long b = rnd.nextInt(1 << 16) - (1 << 15);
        int m0 = (1 << 30) + rnd.nextInt(1 << 30);
        int shift = -rnd.nextInt(32) + (rnd.nextInt(8) == 0 ? rnd.nextInt(31) : 0);
        long zp = rnd.nextInt(256) - 128;
        sim.poke("acc", a).poke("bias", b).poke("m0", m0).poke("shift", shift).poke("zero_point", zp);
        assertEquals(TfliteModel.requantize(a, b, m0, shift, zp, single, R8), sim.peekLong("q"),
            "acc=" + a + " bias=" + b + " m0=" + m0 + " shift=" + shift + " zp=" + zp);
      }
      System.out.printf("tflite-%s 32->8 (bias, run-time M0/shift/zp): %d random vectors, seed %d%n",
          single ? "single" : "double", VECTORS, SEED + (single ? 1 : 0));
    }
  }

  @Test
  void fp32Scale() {
    SplittableRandom rnd = new SplittableRandom(SEED + 2);
    IrSimulator sim = new IrSimulator(Fp32ScaleGenerator.generate(Designs.fp32(32, S8, true)));
    for (int v = 0; v < VECTORS; v++) {
      long a = acc(rnd);
      long b = rnd.nextInt(1 << 16) - (1 << 15);
      float scale = (float) (Math.scalb(1.0 + rnd.nextDouble(), -rnd.nextInt(34)) * (rnd.nextBoolean() ? 1 : -1));
      long zp = rnd.nextInt(256) - 128;
      sim.poke("acc", a).poke("bias", b).poke("scale", Integer.toUnsignedLong(Float.floatToRawIntBits(scale))).poke("zero_point", zp);
      assertEquals(Fp32ScaleModel.requantize(a + b, scale, zp, R8), sim.peekLong("q"),
          "acc=" + a + " bias=" + b + " scale=" + scale + " zp=" + zp);
    }
    System.out.printf("fp32-scale 32->8 (bias, run-time scale/zp): %d random vectors, seed %d%n", VECTORS, SEED + 2);
  }

  @Test
  void thresholdFromShiftRound() {
    SplittableRandom rnd = new SplittableRandom(SEED + 3);
    long[] t = ThresholdModel.fromMonotone(a -> ShiftRoundModel.requantize(a, 0, 12, Rounding.HALF_EVEN, R8),
        Integer.MIN_VALUE, Integer.MAX_VALUE, -128, 127);
    IrSimulator sim = new IrSimulator(ThresholdGenerator.generate(new ThresholdSpec(32, S8, ThresholdSpec.constants(t), 0)));
    for (int v = 0; v < VECTORS; v++) {
      long a = acc(rnd);
      sim.poke("acc", a);
      long q = sim.peekLong("q");
      assertEquals(ThresholdModel.requantize(a, t, -128), q, "acc=" + a);
      assertEquals(ShiftRoundModel.requantize(a, 0, 12, Rounding.HALF_EVEN, R8), q, "acc=" + a);
    }
    System.out.printf("threshold 32->8 (255 thresholds derived from shift-round k=12 half-even): %d random vectors, seed %d, thresholds hash %08x%n",
        VECTORS, SEED + 3, Arrays.hashCode(t));
  }
}
