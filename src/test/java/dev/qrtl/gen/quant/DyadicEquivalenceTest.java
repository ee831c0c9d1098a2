package dev.qrtl.gen.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.eval.IrSimulator;
import dev.qrtl.golden.DyadicModel;
import dev.qrtl.golden.OutputRange;
import dev.qrtl.golden.ShiftRoundModel;
import dev.qrtl.golden.TfliteModel;
import dev.qrtl.spec.DyadicSpec;
import dev.qrtl.spec.OutputSpec;
import dev.qrtl.spec.Rounding;
import dev.qrtl.spec.TfliteSpec;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The dyadic generator against its golden model: exhaustive at 12 bits (every accumulator, every
 * m <= 4, or <= 6 with {@code -Dqrtl.full=true}, every multiplier and every shift value the input
 * can carry, all four rounding rules),
 * 10^6 seeded random vectors per m in {4, 8, 16, 31} at 32 -> 8, and m = 31 with half-up rounding
 * against TFLite's single rounding, model and hardware; plus the derivation from a real scale.
 */
class DyadicEquivalenceTest {
  private static final long SEED = 20261201L;
  private static final int VECTORS = Integer.getInteger("qrtl.equiv.vectors", 1_000_000);
  /**
   * The largest multiplier width checked exhaustively: 4 in the CI size (16.8 M vectors, about 25
   * s), 6 with {@code -Dqrtl.full=true} (66.1 M vectors, 112 s on 2 cores).
   */
  private static final int EXHAUSTIVE_M = Boolean.getBoolean("qrtl.full") ? 6 : 4;
  private static final OutputSpec S8 = new OutputSpec(8, true, false, true);
  private static final OutputRange R8 = new OutputRange(8, true, false, true);

  static DyadicSpec runtime(int acc, OutputSpec out, int m, Rounding r, boolean bias, OptionalLong zp) {
    return new DyadicSpec(acc, out, m, r, OptionalLong.empty(), OptionalInt.empty(), zp, bias, 0, List.of());
  }

  @Test
  void exhaustiveAtTwelveBits() {
    long vectors = 0;
    OutputSpec out = new OutputSpec(6, true, false, true);
    OutputRange range = new OutputRange(6, true, false, true);
    for (int m = 1; m <= EXHAUSTIVE_M; m++) {
      for (Rounding r : Rounding.values()) {
        DyadicSpec spec = runtime(12, out, m, r, false, OptionalLong.of(0));
        IrSimulator sim = new IrSimulator(DyadicGenerator.generate(spec));
        int shifts = 1 << spec.shiftBits(); // every value of the input, also beyond the largest useful shift
        for (long mul = 0; mul < (1L << m); mul++) {
          sim.poke("multiplier", mul);
          for (int s = 0; s < shifts; s++) {
            sim.poke("shift", s);
            for (long acc = -2048; acc <= 2047; acc++) {
              sim.poke("acc", acc);
              long want = DyadicModel.requantize(acc, 0, mul, s, r, 0, range);
              long got = sim.peekLong("q");
              if (want != got) {
                assertEquals(want, got, "m=" + m + " M=" + mul + " s=" + s + " acc=" + acc + " " + r);
              }
              vectors++;
            }
          }
        }
      }
    }
    System.out.printf("dyadic, 12-bit accumulators: %d vectors (every acc x every M x every shift value x 4 rules, m = 1..%d),"
        + " exhaustive%n", vectors, EXHAUSTIVE_M);
  }

  @Test
  void millionRandomVectorsPerWidthAt32To8() {
    for (int m : new int[] {4, 8, 16, 31}) {
      SplittableRandom rnd = new SplittableRandom(SEED + m);
      Rounding[] rules = Rounding.values();
      IrSimulator[] sims = new IrSimulator[rules.length];
      for (int i = 0; i < rules.length; i++) {
        sims[i] = new IrSimulator(DyadicGenerator.generate(runtime(32, S8, m, rules[i], true, OptionalLong.empty())));
      }
      int shiftValues = 1 << runtime(32, S8, m, Rounding.FLOOR, true, OptionalLong.empty()).shiftBits();
      for (int v = 0; v < VECTORS; v++) {
        int r = v % rules.length;
        long a = rnd.nextInt() >> rnd.nextInt(32);
        long b = rnd.nextInt(1 << 16) - (1 << 15);
        long mul = (1L << (m - 1)) + rnd.nextLong(1L << (m - 1));
        int s = rnd.nextInt(4) == 0 ? rnd.nextInt(shiftValues) : Math.min(shiftValues - 1, m + rnd.nextInt(24));
        long zp = rnd.nextInt(256) - 128;
        sims[r].poke("acc", a).poke("bias", b).poke("multiplier", mul).poke("shift", s).poke("zero_point", zp);
        long want = DyadicModel.requantize(a, b, mul, s, rules[r], zp, R8);
        long got = sims[r].peekLong("q");
        if (want != got) {
          assertEquals(want, got, "m=" + m + " acc=" + a + " bias=" + b + " M=" + mul + " s=" + s + " zp=" + zp + " " + rules[r]);
        }
      }
      System.out.printf("dyadic m=%d 32->8 (bias, run-time M, s, zero point, 4 rules): %d random vectors, seed %d%n", m, VECTORS, SEED + m);
    }
  }

  /** On the range both define (int32 accumulators, M0 in [2^30, 2^31) or 0, shift -31..30), m = 31 half-up is TFLite single rounding. */
  @Test
  void thirtyOneBitHalfUpIsTfliteSingleRounding() {
    SplittableRandom rnd = new SplittableRandom(SEED);
    for (int v = 0; v < VECTORS; v++) {
      long a = rnd.nextInt() >> rnd.nextInt(32);
      int m0 = rnd.nextInt(100) == 0 ? 0 : (1 << 30) + rnd.nextInt(1 << 30);
      int shift = rnd.nextInt(-31, 31);
      long zp = rnd.nextInt(256) - 128;
      assertEquals(TfliteModel.requantize(a, 0, m0, shift, zp, true, R8), DyadicModel.requantize(a, 0, m0, 31 - shift, Rounding.HALF_UP, zp, R8),
          "acc=" + a + " M0=" + m0 + " shift=" + shift);
    }
    IrSimulator tflite = new IrSimulator(TfliteGenerator.generate(new TfliteSpec(32, S8, true, OptionalInt.empty(), OptionalInt.empty(),
        OptionalLong.empty(), false, 0)));
    IrSimulator dyadic = new IrSimulator(DyadicGenerator.generate(runtime(32, S8, 31, Rounding.HALF_UP, false, OptionalLong.empty())));
    int hardware = VECTORS / 10;
    for (int v = 0; v < hardware; v++) {
      long a = rnd.nextInt() >> rnd.nextInt(32);
      int m0 = (1 << 30) + rnd.nextInt(1 << 30);
      int shift = rnd.nextInt(-31, 31);
      long zp = rnd.nextInt(256) - 128;
      tflite.poke("acc", a).poke("m0", m0).poke("shift", shift).poke("zero_point", zp);
      dyadic.poke("acc", a).poke("multiplier", m0).poke("shift", 31 - shift).poke("zero_point", zp);
      assertEquals(tflite.peekLong("q"), dyadic.peekLong("q"), "acc=" + a + " M0=" + m0 + " shift=" + shift);
    }
    System.out.printf("dyadic m=31 half-up = tflite-single: %d vectors golden against golden, %d hardware against hardware, seed %d%n",
        VECTORS, hardware, SEED);
  }

  @Test
  void scaleFromARealScale() {
    // 1/300 = 1.70667 x 2^-9: m = 8 -> s = 7 + 9 = 16, M = round(1.70667 x 128) = round(218.45) = 218 (218 / 2^16 = 0.0033264)
    assertEquals(new DyadicModel.Scale(218, 16), DyadicModel.scaleFor(1.0 / 300, 8, 41));
    // a tie rounds up: 1.5 x 2^-3 with m = 2: f 2^(m-1) = 3.0 exactly -> M = 3, s = 1 + 3 = 4 (3/16 = 0.1875)
    assertEquals(new DyadicModel.Scale(3, 4), DyadicModel.scaleFor(0.1875, 2, 41));
    // rounding reaches 2^m: 1.999 x 2^-4, m = 4: round(15.99) = 16 -> M = 8, s = 3 + 4 - 1 = 6 (8/64 = 0.125)
    assertEquals(new DyadicModel.Scale(8, 6), DyadicModel.scaleFor(1.999 * 0x1p-4, 4, 41));
    // m = 31 reproduces QuantizeMultiplier: M0 and 31 - shift
    for (double s : new double[] {1.0 / 300, 0.0001234, 0.5, 0.7071, 1.0 / 3}) {
      TfliteModel.Multiplier q = TfliteModel.quantizeMultiplier(s);
      assertEquals(new DyadicModel.Scale(q.m0(), 31 - q.shift()), DyadicModel.scaleFor(s, 31, 64), "scale " + s);
    }
    // m = 1 decides in the linear domain, shift-round in the log domain: they differ for S 2^s in [sqrt 2, 1.5)
    for (double f : new double[] {1.0, 1.2, 1.41, 1.42, 1.45, 1.49, 1.5, 1.7}) {
      double scale = f * 0x1p-6;
      int dyadicShift = DyadicModel.scaleFor(scale, 1, 64).shift();
      int logShift = ShiftRoundModel.shiftForScale(scale);
      boolean between = f >= Math.sqrt(2) && f < 1.5;
      assertEquals(between, dyadicShift != logShift, "f = " + f + ": dyadic s = " + dyadicShift + ", shift-round k = " + logShift);
    }
    assertTrue(assertThrows(IllegalArgumentException.class, () -> DyadicModel.scaleFor(5.0, 2, 41)).getMessage().contains("left shift"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> DyadicModel.scaleFor(1e-30, 8, 41)).getMessage().contains("beyond"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> DyadicModel.scaleFor(-1, 8, 41)).getMessage().contains("not a positive"));
  }
}
