package dev.qrtl.golden;

import dev.qrtl.spec.ResidualAddSpec;
import dev.qrtl.spec.ResidualAddSpec.AddScheme;

/**
 * The residual add of every scheme, from its arithmetic specification
 * (docs/reference/residual-add.md), and each scheme's parameters for real scale ratios
 * {@code ra = s_a / s_y}, {@code rb = s_b / s_y}. Parameters are in the spec's port order: the zero
 * points {@code za, zb, zy}, then the scheme's own.
 */
public final class ResidualAddModel {
  private ResidualAddModel() {}

  /** The output for inputs {@code a}, {@code b} and parameters {@code p}. */
  public static long apply(ResidualAddSpec s, long a, long b, long[] p) {
    OutputRange out = new OutputRange(s.bits(), s.signed(), false, true);
    long da = a - p[0];
    long db = b - p[1];
    long zy = p[2];
    return switch (s.scheme()) {
      case SHIFT_ROUND -> out.apply(ShiftRoundModel.divide((da << p[3]) + (db << p[4]), (int) p[5], s.rounding()) + zy);
      case TFLITE -> {
        int left = ResidualAddSpec.TFLITE_LEFT_SHIFT;
        int sa = TfliteModel.rdbpot(TfliteModel.srdhm((int) (da << left), (int) p[3]), (int) p[4]);
        int sb = TfliteModel.rdbpot(TfliteModel.srdhm((int) (db << left), (int) p[5]), (int) p[6]);
        int raw = sa + sb; // |sa|, |sb| < 2^29: no int32 overflow
        yield out.apply((long) TfliteModel.rdbpot(TfliteModel.srdhm(raw, (int) p[7]), (int) p[8]) + zy);
      }
      case DYADIC -> out.apply(ShiftRoundModel.divide(p[3] * da + p[4] * db, (int) p[5], s.rounding()) + zy);
      case FP32_SCALE -> {
        float fa = Float.intBitsToFloat((int) p[3]);
        float fb = Float.intBitsToFloat((int) p[4]);
        if (!Float.isFinite(fa) || !Float.isFinite(fb)) {
          throw new IllegalArgumentException("fp32 add scales must be finite, not " + fa + " and " + fb);
        }
        float sum = (float) da * fa + (float) db * fb; // each product and the sum rounded to binary32, ties to even
        double r = Math.rint(sum);
        yield r >= 0x1p40 ? out.max() : r <= -0x1p40 ? out.min() : out.apply((long) r + zy);
      }
    };
  }

  /**
   * The scheme's scale parameters (after the three zero points) for the scales of a, b and the
   * output, as a deployment computes them from the ratios {@code ra = sa / sy} and
   * {@code rb = sb / sy}:
   *
   * <ul>
   *   <li>shift-round: each ratio to its nearest power of two 2^ea, 2^eb (in the log domain); the
   *       right shift k = -min(ea, eb) (at least 0), the left shifts ea + k and eb + k (at most 15);
   *   <li>tflite: TFLite's Prepare, in double from the three scales: with t = 2 max(sa, sb), the
   *       input multipliers sa / t and sb / t and the output multiplier t / (2^20 sy), each by
   *       QuantizeMultiplier (all below 1, so shifts <= 0);
   *   <li>dyadic: the largest shared k that keeps round(max(ra, rb) 2^k) within m bits, and the two
   *       multipliers round(r 2^k);
   *   <li>fp32-scale: each ratio rounded to binary32.
   * </ul>
   */
  public static long[] scaleParams(ResidualAddSpec s, double sa, double sb, double sy) {
    for (double v : new double[] {sa, sb, sy}) {
      if (!(v > 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException("scales must be positive and finite, not " + sa + ", " + sb + " and " + sy);
      }
    }
    double ra = sa / sy;
    double rb = sb / sy;
    return switch (s.scheme()) {
      case SHIFT_ROUND -> {
        int ea = -ShiftRoundModel.shiftForScale(ra);
        int eb = -ShiftRoundModel.shiftForScale(rb);
        int k = Math.min(31, Math.max(0, -Math.min(ea, eb)));
        int max = (1 << ResidualAddSpec.ALIGN_BITS) - 1;
        yield new long[] {Math.min(max, Math.max(0, ea + k)), Math.min(max, Math.max(0, eb + k)), k};
      }
      case TFLITE -> {
        double t = 2 * Math.max(sa, sb);
        TfliteModel.Multiplier a = smallerThanOne(sa / t);
        TfliteModel.Multiplier b = smallerThanOne(sb / t);
        TfliteModel.Multiplier y = smallerThanOne(t / ((1 << ResidualAddSpec.TFLITE_LEFT_SHIFT) * sy));
        yield new long[] {a.m0(), -a.shift(), b.m0(), -b.shift(), y.m0(), -y.shift()};
      }
      case DYADIC -> {
        long limit = (1L << s.mBits()) - 1;
        double max = Math.max(ra, rb);
        int k = 63;
        while (k > 0 && Math.round(Math.scalb(max, k)) > limit) {
          k--;
        }
        yield new long[] {Math.min(limit, Math.round(Math.scalb(ra, k))), Math.min(limit, Math.round(Math.scalb(rb, k))), k};
      }
      case FP32_SCALE -> new long[] {Float.floatToRawIntBits((float) ra) & 0xFFFFFFFFL, Float.floatToRawIntBits((float) rb) & 0xFFFFFFFFL};
    };
  }

  /** TFLite's QuantizeMultiplierSmallerThanOneExp: a multiplier below 1 with shift <= 0 (and at least -31: smaller is 0). */
  private static TfliteModel.Multiplier smallerThanOne(double m) {
    TfliteModel.Multiplier q = TfliteModel.quantizeMultiplier(m);
    if (q.shift() > 0) {
      throw new IllegalArgumentException("multiplier " + m + " is not below 1");
    }
    return q.shift() < -31 ? new TfliteModel.Multiplier(0, 0) : q;
  }

}
