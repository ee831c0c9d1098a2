package dev.qrtl.spec;

import java.math.BigInteger;

/**
 * The output of a requantizer: width, signedness, ReLU (lower bound 0) and saturation (clamp) or
 * wrapping (keep the low bits).
 */
public record OutputSpec(int bits, boolean signed, boolean relu, boolean saturate) {
  public static final int MIN_BITS = 2;
  public static final int MAX_BITS = 16;

  public OutputSpec {
    if (bits < MIN_BITS || bits > MAX_BITS) {
      throw new IllegalArgumentException("output width " + bits + " is outside " + MIN_BITS + ".." + MAX_BITS + " bits");
    }
  }

  public BigInteger min() {
    return signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
  }

  public BigInteger max() {
    return signed ? BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE) : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
  }

  /** Name fragment: {@code q8s}, {@code q4u}, plus {@code _relu} and {@code _wrap}. */
  public String tag() {
    return "q" + bits + (signed ? "s" : "u") + (relu ? "_relu" : "") + (saturate ? "" : "_wrap");
  }
}
