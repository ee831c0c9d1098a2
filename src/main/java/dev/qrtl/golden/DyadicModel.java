package dev.qrtl.golden;

import dev.qrtl.spec.Rounding;
import java.math.BigInteger;

/**
 * Requantization by an m-bit dyadic scale M / 2^s: {@code q = clamp(R((acc + bias) * M / 2^s) + zp)},
 * on exact integers (long where the product cannot overflow, else BigInteger), the division
 * rounded by rule R as in {@link ShiftRoundModel#divide}.
 */
public final class DyadicModel {
  private DyadicModel() {}

  /** A dyadic scale M / 2^s with 2^(m-1) <= M < 2^m. */
  public record Scale(long multiplier, int shift) {}

  public static long requantize(long acc, long bias, long multiplier, int shift, Rounding r, long zeroPoint, OutputRange out) {
    long x = acc + bias;
    boolean xOverflow = ((acc ^ x) & (bias ^ x)) < 0;
    if (!xOverflow && x > -(1L << 31) && x < (1L << 31) && multiplier < (1L << 31)) {
      long y = ShiftRoundModel.divide(x * multiplier, shift, r); // |x * M| < 2^62
      return out.apply(BigInteger.valueOf(y).add(BigInteger.valueOf(zeroPoint)));
    }
    BigInteger p = BigInteger.valueOf(acc).add(BigInteger.valueOf(bias)).multiply(BigInteger.valueOf(multiplier));
    return out.apply(ShiftRoundModel.divide(p, shift, r).add(BigInteger.valueOf(zeroPoint)));
  }

  /**
   * The m-bit scale for a real scale S > 0: the normalized {@code 2^(m-1) <= M < 2^m} nearest to
   * {@code S * 2^s} in the linear domain. With {@code S = f * 2^e}, f in [1, 2), take
   * {@code s = m - 1 - e} and {@code M = round(f * 2^(m-1))}, ties upward (as QuantizeMultiplier
   * rounds); when the rounding reaches 2^m, M = 2^(m-1) and s - 1. A scale that needs a left shift
   * (s < 0) or a shift beyond {@code maxShift} is refused.
   */
  public static Scale scaleFor(double scale, int mBits, int maxShift) {
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("scale " + scale + " is not a positive finite number");
    }
    int e = Math.getExponent(scale);
    double f = Math.scalb(scale, -e); // in [1, 2) for normal doubles
    if (e < Double.MIN_EXPONENT) { // subnormal: normalize by hand
      e = Math.getExponent(scale * 0x1p64) - 64;
      f = Math.scalb(scale, -e);
    }
    long m = (long) Math.floor(f * (1L << (mBits - 1)) + 0.5);
    int s = mBits - 1 - e;
    if (m == 1L << mBits) {
      m = 1L << (mBits - 1);
      s -= 1;
    }
    if (s < 0) {
      throw new IllegalArgumentException("scale " + scale + " needs a left shift with an " + mBits + "-bit multiplier (M / 2^s with s = " + s
          + "); dyadic requantization scales down");
    }
    if (s > maxShift) {
      throw new IllegalArgumentException("scale " + scale + " needs a shift of " + s + ", beyond the largest useful " + maxShift
          + " (every output would be 0)");
    }
    return new Scale(m, s);
  }
}
