package dev.qrtl.golden;

/**
 * The integer range of a b-bit output and the final clamp or wrap every scheme applies.
 *
 * @param bits output width
 * @param signed signed output
 * @param relu ReLU folded into the lower bound (lower bound 0)
 * @param saturate clamp to the range (true) or keep the low bits (false, wrapping)
 */
public record OutputRange(int bits, boolean signed, boolean relu, boolean saturate) {
  public OutputRange {
    if (bits < 1 || bits > 32) {
      throw new IllegalArgumentException("output width " + bits + " is outside 1..32");
    }
  }

  public long min() {
    return signed ? -(1L << (bits - 1)) : 0;
  }

  public long max() {
    return signed ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
  }

  /** The lower clamp bound: 0 with ReLU, else the type's minimum. */
  public long lower() {
    return relu ? Math.max(0, min()) : min();
  }

  /** Applies ReLU and saturation (or wrapping) to an exact value. */
  public long apply(long v) {
    if (saturate) {
      return Math.min(Math.max(v, lower()), max());
    }
    long x = relu ? Math.max(v, 0) : v;
    long mask = (1L << bits) - 1;
    long p = x & mask;
    return signed && (p >>> (bits - 1)) != 0 ? p - (1L << bits) : p;
  }

  /** {@link #apply} for values that may not fit a long. */
  public long apply(java.math.BigInteger v) {
    if (v.bitLength() < 63) {
      return apply(v.longValue());
    }
    if (saturate) {
      return v.signum() < 0 ? lower() : max();
    }
    java.math.BigInteger x = relu && v.signum() < 0 ? java.math.BigInteger.ZERO : v;
    return apply(x.and(java.math.BigInteger.valueOf((1L << bits) - 1)).longValue());
  }
}
