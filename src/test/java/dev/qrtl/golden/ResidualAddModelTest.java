package dev.qrtl.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.spec.ResidualAddSpec;
import dev.qrtl.spec.ResidualAddSpec.AddScheme;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The residual-add golden models against what they model. The tflite one against TFLite's
 * reference int8 Add written out here on its own (tensorflow/lite/kernels/internal/reference/
 * integer_ops/add.h with its Prepare from kernels/add.cc: QuantizeMultiplier by frexp and round,
 * gemmlowp's SaturatingRoundingDoublingHighMul and RoundingDivideByPOT), on 10^6 random int8
 * inputs, zero points and float scales (seed below); every scheme against the exact real result
 * where its arithmetic is exact or nearly so.
 */
class ResidualAddModelTest {
  private static final long SEED = 20261207L;

  // ---- TFLite's reference Add, independently -------------------------------------------------

  /** QuantizeMultiplier: {q, shift} with q in [2^30, 2^31) and m = q 2^(shift - 31). */
  private static int[] quantizeMultiplier(double m) {
    if (m == 0) {
      return new int[] {0, 0};
    }
    int shift = Math.getExponent(m) + 1; // frexp's exponent
    double fraction = m / Math.pow(2, shift); // in [0.5, 1)
    long q = Math.round(fraction * 2147483648.0); // std::round: half away from zero (positive here)
    if (q == 2147483648L) {
      q /= 2;
      shift++;
    }
    if (shift < -31) {
      return new int[] {0, 0};
    }
    return new int[] {(int) q, shift};
  }

  private static int saturatingRoundingDoublingHighMul(int a, int b) {
    boolean overflow = a == b && a == Integer.MIN_VALUE;
    long ab = (long) a * b;
    int nudge = ab >= 0 ? 1 << 30 : 1 - (1 << 30);
    int high = (int) ((ab + nudge) / (1L << 31));
    return overflow ? Integer.MAX_VALUE : high;
  }

  private static int roundingDivideByPot(int x, int exponent) {
    int mask = (int) ((1L << exponent) - 1);
    int remainder = x & mask;
    int threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return (x >> exponent) + (remainder > threshold ? 1 : 0);
  }

  private static int multiplySmallerThanOne(int x, int multiplier, int shift) {
    return roundingDivideByPot(saturatingRoundingDoublingHighMul(x, multiplier), -shift);
  }

  /** AddFunc for int8 with TFLite's Prepare (left_shift 20; multipliers from the float scales in double). */
  private static int tfliteAdd(int x, int y, int za, int zb, int zy, float sa, float sb, float sy) {
    int leftShift = 20;
    double twiceMax = 2 * Math.max((double) sa, (double) sb);
    int[] m1 = quantizeMultiplier(sa / twiceMax);
    int[] m2 = quantizeMultiplier(sb / twiceMax);
    int[] mo = quantizeMultiplier(twiceMax / ((1 << leftShift) * (double) sy));
    int in1 = -za + x;
    int in2 = -zb + y;
    int s1 = multiplySmallerThanOne(in1 * (1 << leftShift), m1[0], m1[1]);
    int s2 = multiplySmallerThanOne(in2 * (1 << leftShift), m2[0], m2[1]);
    int raw = multiplySmallerThanOne(s1 + s2, mo[0], mo[1]) + zy;
    return Math.min(127, Math.max(-128, raw));
  }

  @Test
  void tfliteSchemeIsTfliteReferenceAddOnAMillionRandomVectors() {
    ResidualAddSpec spec = ResidualAddSpec.of(AddScheme.TFLITE, 8);
    SplittableRandom r = new SplittableRandom(SEED);
    int vectors = 1_000_000;
    int clamped = 0;
    for (int i = 0; i < vectors; i++) {
      if (i % 100 == 0 || i == 0) {
        // new scales every 100 vectors: one magnitude between 2^-12 and 2^2, as activations' are, each scale within 4x of it
        int e = r.nextInt(-12, 2);
        sa = (float) Math.scalb(1 + r.nextDouble(), e + r.nextInt(-1, 2));
        sb = (float) Math.scalb(1 + r.nextDouble(), e + r.nextInt(-1, 2));
        sy = (float) Math.scalb(1 + r.nextDouble(), e + r.nextInt(0, 2));
      }
      int x = r.nextInt(-128, 128);
      int y = r.nextInt(-128, 128);
      int za = r.nextInt(-128, 128);
      int zb = r.nextInt(-128, 128);
      int zy = r.nextInt(-128, 128);
      long[] scale = ResidualAddModel.scaleParams(spec, sa, sb, sy);
      long[] p = new long[3 + scale.length];
      p[0] = za;
      p[1] = zb;
      p[2] = zy;
      System.arraycopy(scale, 0, p, 3, scale.length);
      int want = tfliteAdd(x, y, za, zb, zy, sa, sb, sy);
      clamped += want == 127 || want == -128 ? 1 : 0;
      assertEquals(want, ResidualAddModel.apply(spec, x, y, p), "vector " + i + ": " + x + " + " + y + " scales " + sa + ", " + sb + ", " + sy);
    }
    System.out.printf("tflite residual add = TFLite's reference Add on %,d random int8 vectors (seed %d; %,d at a clamp)%n", vectors, SEED,
        clamped);
    assertTrue(clamped < vectors / 2, "most vectors inside the range: " + clamped);
  }

  private float sa;
  private float sb;
  private float sy;

  /**
   * Each scheme against the exact real result round((sa (a - za) + sb (b - zb)) / sy) + zy (ties
   * either way): exact for shift-round and dyadic at power-of-two ratios, within one step for every
   * scheme at ratios between 1/4 and 4 (tflite and fp32-scale round twice; dyadic's 8-bit
   * multipliers are within 2^-8 of the ratio; shift-round against the add at its ratios' nearest
   * powers of two, which is what it computes).
   */
  @Test
  void everySchemeIsTheRealAddWithinItsRounding() {
    SplittableRandom r = new SplittableRandom(SEED + 1);
    for (AddScheme scheme : AddScheme.values()) {
      ResidualAddSpec spec = ResidualAddSpec.of(scheme, 8);
      int exact = 0;
      int vectors = 200_000;
      for (int i = 0; i < vectors; i++) {
        boolean powers = i % 2 == 0;
        double ra = powers ? Math.scalb(1.0, r.nextInt(-2, 3)) : Math.exp((r.nextDouble() * 2 - 1) * Math.log(4));
        double rb = powers ? Math.scalb(1.0, r.nextInt(-2, 3)) : Math.exp((r.nextDouble() * 2 - 1) * Math.log(4));
        int a = r.nextInt(-128, 128);
        int b = r.nextInt(-128, 128);
        int za = r.nextInt(-20, 21);
        int zb = r.nextInt(-20, 21);
        int zy = r.nextInt(-20, 21);
        long[] scale = ResidualAddModel.scaleParams(spec, ra, rb, 1);
        long[] p = new long[3 + scale.length];
        p[0] = za;
        p[1] = zb;
        p[2] = zy;
        System.arraycopy(scale, 0, p, 3, scale.length);
        // shift-round applies each ratio's nearest power of two: the real add it approximates is at those
        double qa = scheme == AddScheme.SHIFT_ROUND ? Math.scalb(1.0, -ShiftRoundModel.shiftForScale(ra)) : ra;
        double qb = scheme == AddScheme.SHIFT_ROUND ? Math.scalb(1.0, -ShiftRoundModel.shiftForScale(rb)) : rb;
        double real = qa * (a - za) + qb * (b - zb);
        long lo = Math.max(-128, Math.min(127, (long) Math.floor(real) + zy));
        long hi = Math.max(-128, Math.min(127, (long) Math.ceil(real) + zy));
        long got = ResidualAddModel.apply(spec, a, b, p);
        boolean within = got >= lo - 1 && got <= hi + 1;
        assertTrue(within, scheme + ": " + got + " for real " + real + " + " + zy + " (ratios " + ra + ", " + rb + ")");
        long nearest = Math.max(-128, Math.min(127, Math.round(real) + zy));
        if (powers && (scheme == AddScheme.SHIFT_ROUND || scheme == AddScheme.DYADIC)) {
          assertTrue(got == lo || got == hi, scheme + " is exact at power-of-two ratios: " + got + " for " + real);
        }
        exact += got == nearest ? 1 : 0;
      }
      System.out.printf("%s residual add: %,d of %,d vectors equal to the nearest real result%n", scheme.cliName(), exact, vectors);
      assertTrue(exact > vectors * 0.6, scheme + ": " + exact);
    }
  }
}
