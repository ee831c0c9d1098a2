package dev.qrtl.golden;

/**
 * The TFLite / gemmlowp fixed-point multiplier (reference section 2), literally as specified:
 * {@code QuantizeMultiplier}, SRDHM with its nudge and truncating division, RDBPOT with its mask
 * and threshold, and the double- and single-rounding forms of MultiplyByQuantizedMultiplier.
 */
public final class TfliteModel {
  private TfliteModel() {}

  /** A quantized multiplier: M ~= m0 * 2^(shift - 31). */
  public record Multiplier(int m0, int shift) {}

  public static Multiplier quantizeMultiplier(double m) {
    if (m == 0) {
      return new Multiplier(0, 0);
    }
    if (!(m > 0) || Double.isInfinite(m)) {
      throw new IllegalArgumentException("multiplier " + m + " is not a finite non-negative number");
    }
    // frexp: m = q * 2^e with q in [0.5, 1). Subnormal doubles are far below 2^-31 (M0 = 0).
    if (m < 0x1p-40) {
      return new Multiplier(0, 0);
    }
    int e = Math.getExponent(m) + 1;
    double q = Math.scalb(m, -e); // exact
    long m0 = roundHalfAway(q * (1L << 31));
    if (m0 == (1L << 31)) {
      m0 = 1L << 30;
      e++;
    }
    if (e < -31) {
      return new Multiplier(0, 0);
    }
    return new Multiplier((int) m0, e);
  }

  private static long roundHalfAway(double v) {
    return v >= 0 ? (long) Math.floor(v + 0.5) : -(long) Math.floor(-v + 0.5);
  }

  /** SaturatingRoundingDoublingHighMul on int32. */
  public static int srdhm(int a, int b) {
    if (a == Integer.MIN_VALUE && b == Integer.MIN_VALUE) {
      return Integer.MAX_VALUE;
    }
    long ab = (long) a * (long) b;
    long nudge = ab >= 0 ? (1L << 30) : 1 - (1L << 30);
    return (int) ((ab + nudge) / (1L << 31)); // Java division truncates toward zero, as C's
  }

  /** RoundingDivideByPOT for 0 <= e <= 31 (e = 32 is accepted too: the mask covers all bits). */
  public static int rdbpot(int x, int e) {
    if (e < 0 || e > 32) {
      throw new IllegalArgumentException("RDBPOT exponent " + e + " is outside 0..32");
    }
    long mask = (1L << e) - 1;
    long rem = x & mask;
    long thr = (mask >> 1) + (x < 0 ? 1 : 0);
    long q = e == 32 ? (x < 0 ? -1 : 0) : (x >> e);
    return (int) (q + (rem > thr ? 1 : 0));
  }

  /** Double rounding (the TFLite default). */
  public static int multiplyDouble(int x, int m0, int shift) {
    int left = Math.max(shift, 0);
    int right = Math.max(-shift, 0);
    int shifted = left >= 32 ? 0 : x << left; // int arithmetic wraps, as specified
    return rdbpot(srdhm(shifted, m0), right);
  }

  /** Single rounding ({@code TFLITE_SINGLE_ROUNDING}); needs m0 >= 0 and -31 <= shift <= 30. */
  public static long multiplySingle(int x, int m0, int shift) {
    if (m0 < 0 || shift < -31 || shift > 30) {
      throw new IllegalArgumentException("single rounding needs m0 >= 0 and -31 <= shift <= 30, not m0="
          + m0 + " shift=" + shift);
    }
    int t = 31 - shift;
    long prod = (long) x * (long) m0;
    // (prod + 2^(t-1)) >> t without overflowing: |prod| < 2^62 and 2^(t-1) <= 2^61.
    return (prod + (1L << (t - 1))) >> t;
  }

  /**
   * The int8-style epilogue: {@code acc += bias} (int32, wrapping), multiply, add the output zero
   * point, then ReLU and clamp.
   */
  public static long requantize(long acc, long bias, int m0, int shift, long zeroPoint, boolean single, OutputRange out) {
    int x = (int) (acc + bias); // int32 wrap
    long y = single ? multiplySingle(x, m0, shift) : multiplyDouble(x, m0, shift);
    return out.apply(y + zeroPoint);
  }
}
