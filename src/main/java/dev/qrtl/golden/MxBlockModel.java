package dev.qrtl.golden;

import dev.qrtl.spec.BlockQuantizerSpec;
import dev.qrtl.spec.BlockQuantizerSpec.ScaleOverflow;
import dev.qrtl.spec.BlockQuantizerSpec.ScaleRule;
import dev.qrtl.spec.BlockQuantizerSpec.ZeroBlock;
import dev.qrtl.spec.MxFormat;
import dev.qrtl.spec.Rounding;
import java.util.Arrays;

/**
 * The block quantizer's golden model, written from {@code docs/reference/microscaling.md}
 * ("Converting a block to MX") in exact arithmetic: every value of a block is an integer times a
 * power of two, so a double holds it, its maximum and its quotient by 2^E exactly. It knows
 * nothing of how the hardware finds the exponent (a leading one of an OR, a tree of comparisons):
 * it takes the true maximum magnitude and its binary logarithm.
 */
public final class MxBlockModel {
  private MxBlockModel() {}

  /** One block: the E8M0 scale code and the element codes (unsigned, in the element's own layout). */
  public record Block(int scale, int[] elements) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Block b && b.scale == scale && Arrays.equals(b.elements, elements);
    }

    @Override
    public int hashCode() {
      return 31 * scale + Arrays.hashCode(elements);
    }

    @Override
    public String toString() {
      return "scale " + scale + ", elements " + Arrays.toString(elements);
    }
  }

  /** The NaN scale code. */
  public static final int NAN_SCALE = MxFormat.SCALE.nanCode();

  /** A block of integer inputs {@code acc[i] * 2^x}. */
  public static Block ofIntegers(BlockQuantizerSpec s, long[] acc, int x) {
    double[] v = new double[acc.length];
    for (int i = 0; i < acc.length; i++) {
      v[i] = Math.scalb((double) acc[i], x); // exact: |acc| < 2^48
    }
    return of(s, v);
  }

  /** A block of IEEE binary32 inputs (bit patterns); a NaN or an infinity makes the scale NaN. */
  public static Block ofFloats(BlockQuantizerSpec s, int[] bits) {
    double[] v = new double[bits.length];
    for (int i = 0; i < bits.length; i++) {
      float f = Float.intBitsToFloat(bits[i]);
      if (Float.isNaN(f) || Float.isInfinite(f)) {
        return nanBlock(bits.length);
      }
      v[i] = f;
    }
    return of(s, v);
  }

  /** Steps 1 to 4 of the reference on exact values. */
  static Block of(BlockQuantizerSpec s, double[] v) {
    MxFormat f = s.format();
    double amax = 0;
    for (double x : v) {
      amax = Math.max(amax, Math.abs(x));
    }
    int e;
    if (amax == 0) {
      e = s.zeroBlock() == ZeroBlock.MIN ? MxFormat.SCALE.minExponent() : 0;
    } else {
      e = Math.getExponent(amax) - f.emax(); // floor(log2(amax)) - emax: amax is a normal double
      if (s.scaleRule() == ScaleRule.CEIL && amax > Math.scalb(f.maxValue(), e)) {
        e++; // the smallest E with amax <= largest * 2^E: one more than the floor rule's at most
      }
    }
    if (e < MxFormat.SCALE.minExponent()) {
      e = MxFormat.SCALE.minExponent(); // the elements underflow towards zero
    }
    if (e > MxFormat.SCALE.maxExponent()) {
      if (s.overflow() == ScaleOverflow.NAN) {
        return nanBlock(v.length);
      }
      e = MxFormat.SCALE.maxExponent();
    }
    int[] codes = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      codes[i] = element(s, Math.scalb(v[i], -e)); // exact: a power-of-two divisor
    }
    return new Block(MxFormat.SCALE.encode(e), codes);
  }

  private static Block nanBlock(int k) {
    return new Block(NAN_SCALE, new int[k]); // the elements of a NaN block are written as 0
  }

  /** One element: {@code p} rounded to nearest in the element format, saturated to its largest magnitude. */
  public static int element(BlockQuantizerSpec s, double p) {
    MxFormat f = s.format();
    boolean even = s.rounding() == Rounding.HALF_EVEN;
    if (!f.integer()) {
      return f.smallFloat().encode(p, even); // -0 for a negative value that rounds to zero
    }
    // MXINT8: k / 64, two's complement; -0 is 0
    double scaled = p * 64; // exact
    double a = Math.abs(scaled);
    double n = Math.floor(a);
    double frac = a - n;
    if (frac > 0.5 || frac == 0.5 && (!even || n % 2 == 1)) {
      n += 1;
    }
    long k = (long) Math.min(n, 128);
    long lo = s.int8MinusTwo() ? -128 : -127;
    long signed = scaled < 0 ? Math.max(-k, lo) : Math.min(k, 127);
    return (int) (signed & 0xFF);
  }

  /** The value of an element code under a scale code (NaN for the NaN scale), as the reference defines X * P. */
  public static double value(MxFormat f, int scale, int code) {
    double x = MxFormat.SCALE.decode(scale);
    double p = f.integer() ? f.fixed().value((byte) code) : f.smallFloat().decode(code);
    return x * p;
  }
}
