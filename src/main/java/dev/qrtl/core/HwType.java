package dev.qrtl.core;

import java.math.BigInteger;

/**
 * The type of a hardware value: a two's-complement integer of {@code width} bits, signed or
 * unsigned. Signed range is [-2^(w-1), 2^(w-1)-1]; unsigned [0, 2^w-1].
 */
public record HwType(int width, boolean signed) {
  /** Narrowest supported width. */
  public static final int MIN_WIDTH = 1;
  /** Widest supported width (the issue asks for at least 1024). */
  public static final int MAX_WIDTH = 4096;

  public HwType {
    if (width < MIN_WIDTH || width > MAX_WIDTH) {
      throw new HdlException(
          "width " + width + " is outside " + MIN_WIDTH + ".." + MAX_WIDTH + " bits");
    }
  }

  public static HwType u(int width) {
    return new HwType(width, false);
  }

  public static HwType s(int width) {
    return new HwType(width, true);
  }

  /** Smallest representable value. */
  public BigInteger min() {
    return signed ? BigInteger.ONE.shiftLeft(width - 1).negate() : BigInteger.ZERO;
  }

  /** Largest representable value. */
  public BigInteger max() {
    return signed
        ? BigInteger.ONE.shiftLeft(width - 1).subtract(BigInteger.ONE)
        : BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
  }

  /** Whether {@code v} is representable without loss. */
  public boolean fits(BigInteger v) {
    if (signed) {
      return v.bitLength() <= width - 1;
    }
    return v.signum() >= 0 && v.bitLength() <= width;
  }

  /** The low {@code width} bits of {@code v} as a non-negative bit pattern. */
  public BigInteger pattern(BigInteger v) {
    return v.and(mask());
  }

  /** The value of bit pattern (or any integer) {@code v} reduced to this type: wraps around. */
  public BigInteger wrap(BigInteger v) {
    BigInteger p = pattern(v);
    if (signed && p.testBit(width - 1)) {
      return p.subtract(BigInteger.ONE.shiftLeft(width));
    }
    return p;
  }

  /** 2^width - 1. */
  public BigInteger mask() {
    return BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
  }

  /** The same width with the other signedness. */
  public HwType withSigned(boolean newSigned) {
    return new HwType(width, newSigned);
  }

  /** The same signedness with another width. */
  public HwType withWidth(int newWidth) {
    return new HwType(newWidth, signed);
  }

  /** Smallest type of the given signedness holding every value of {@code lo..hi}. */
  public static HwType fitting(BigInteger lo, BigInteger hi, boolean signed) {
    int w = 1;
    while (!new HwType(w, signed).fits(lo) || !new HwType(w, signed).fits(hi)) {
      w++;
    }
    return new HwType(w, signed);
  }

  /** Short form used in messages and IR dumps: {@code u8}, {@code s33}. */
  @Override
  public String toString() {
    return (signed ? "s" : "u") + width;
  }
}
