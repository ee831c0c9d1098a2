package dev.qrtl.spec;

/**
 * A number format as a value: a spec, a golden model and a generator's helpers all read the same
 * record, so a new format is data, not code in five places. Three shapes: fixed point with a
 * binary point ({@code SQ(i, f)}, {@code UQ(i, f)}), small floats with their bias, subnormals and
 * special-value convention, and a power-of-two scale (OCP MX's E8M0).
 */
public sealed interface NumberFormat permits NumberFormat.Fixed, NumberFormat.SmallFloat, NumberFormat.PowerOfTwo {
  /** A short name ({@code E4M3}, {@code SQ(2.6)}). */
  String name();

  /** Width of a code. */
  int bits();

  /**
   * Fixed point: a two's-complement (or unsigned) integer k of {@code intBits + fracBits} bits
   * worth k / 2^fracBits; {@code intBits} counts the sign bit. A symmetric signed format leaves
   * its most negative code unused (OCP MXINT8, as microxcaling reads the spec).
   */
  record Fixed(String name, boolean signed, int intBits, int fracBits, boolean symmetric) implements NumberFormat {
    public Fixed {
      if (intBits < (signed ? 1 : 0) || fracBits < 0 || intBits + fracBits < 1 || intBits + fracBits > 63) {
        throw new IllegalArgumentException("fixed point " + intBits + "." + fracBits + " is not a format");
      }
    }

    /** Signed, {@code i} integer bits (the sign among them), {@code f} fraction bits. */
    public static Fixed sq(int i, int f) {
      return new Fixed("SQ(" + i + "." + f + ")", true, i, f, false);
    }

    public static Fixed uq(int i, int f) {
      return new Fixed("UQ(" + i + "." + f + ")", false, i, f, false);
    }

    @Override
    public int bits() {
      return intBits + fracBits;
    }

    public long minCode() {
      return signed ? -(1L << (bits() - 1)) + (symmetric ? 1 : 0) : 0;
    }

    public long maxCode() {
      return signed ? (1L << (bits() - 1)) - 1 : (1L << bits()) - 1;
    }

    public double value(long k) {
      return Math.scalb((double) k, -fracBits);
    }

    public double maxValue() {
      return value(maxCode());
    }

    /** The exponent of the largest value's leading one (MX's emax: 0 for INT8's 127/64). */
    public int emax() {
      return 63 - Long.numberOfLeadingZeros(maxCode()) - fracBits;
    }
  }

  /**
   * A small binary float: sign, {@code expBits} of biased exponent, {@code mantBits} of mantissa;
   * subnormals at exponent field 0; the largest exponent field per {@link Specials}.
   */
  record SmallFloat(String name, int expBits, int mantBits, int bias, Specials specials) implements NumberFormat {
    /** What the top exponent field holds. */
    public enum Specials {
      /** Nothing special: every code is a finite number (E2M1, E2M3, E3M2). */
      NONE,
      /** Finite numbers, except the all-ones code of each sign, which is NaN; no infinity (E4M3). */
      NAN_ALL_ONES,
      /** As IEEE 754: infinities and NaNs (E5M2). */
      IEEE
    }

    public SmallFloat {
      if (expBits < 1 || mantBits < 0 || 1 + expBits + mantBits > 16) {
        throw new IllegalArgumentException("float E" + expBits + "M" + mantBits + " is not a small float");
      }
    }

    @Override
    public int bits() {
      return 1 + expBits + mantBits;
    }

    /** The exponent of the smallest normal value. */
    public int emin() {
      return 1 - bias;
    }

    /** The exponent of the largest normal value. */
    public int emax() {
      int top = (1 << expBits) - 1;
      return (specials == Specials.IEEE ? top - 1 : top) - bias;
    }

    /** The largest finite value. */
    public double maxFinite() {
      double mantissas = specials == Specials.NAN_ALL_ONES ? (1 << (mantBits + 1)) - 2 : (1 << (mantBits + 1)) - 1;
      return Math.scalb(mantissas, emax() - mantBits);
    }

    /** The smallest positive value (a subnormal). */
    public double minSubnormal() {
      return Math.scalb(1.0, emin() - mantBits);
    }

    /** The value of a code (NaN and infinities as the convention has them). */
    public double decode(int code) {
      int sign = (code >>> (bits() - 1)) & 1;
      int exp = (code >>> mantBits) & ((1 << expBits) - 1);
      int mant = code & ((1 << mantBits) - 1);
      int top = (1 << expBits) - 1;
      double v;
      if (specials == Specials.IEEE && exp == top) {
        v = mant == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
      } else if (specials == Specials.NAN_ALL_ONES && exp == top && mant == (1 << mantBits) - 1) {
        v = Double.NaN;
      } else if (exp == 0) {
        v = Math.scalb((double) mant, emin() - mantBits);
      } else {
        v = Math.scalb((double) ((1 << mantBits) | mant), exp - bias - mantBits);
      }
      return sign == 1 ? -v : v;
    }

    /**
     * The code of {@code v} rounded to nearest (ties to even, or away from zero), subnormals kept,
     * a magnitude above the largest finite value saturated to it with its sign (never infinity or
     * NaN, as MX conversion does), -0 kept as -0; NaN to the NaN code where the format has one.
     */
    public int encode(double v, boolean tiesToEven) {
      int signBit = 1 << (bits() - 1);
      if (Double.isNaN(v)) {
        if (specials == Specials.NONE) {
          throw new IllegalArgumentException(name + " has no NaN");
        }
        return specials == Specials.IEEE ? (((1 << expBits) - 1) << mantBits) | 1 : signBit - 1;
      }
      int sign = (Double.doubleToRawLongBits(v) < 0) ? signBit : 0;
      double a = Math.abs(v);
      if (a == 0) {
        return sign;
      }
      int e = Math.max(Math.getExponent(a), emin());
      double quantum = Math.scalb(1.0, e - mantBits);
      double q = a / quantum; // exact: a power-of-two divisor
      double n = Math.floor(q);
      double frac = q - n;
      if (frac > 0.5 || frac == 0.5 && (tiesToEven ? n % 2 == 1 : true)) {
        n += 1;
      }
      double r = n * quantum;
      if (r > maxFinite()) {
        r = maxFinite();
      }
      if (r == 0) {
        return sign;
      }
      if (r < Math.scalb(1.0, emin())) {
        return sign | (int) (r / minSubnormal());
      }
      int re = Math.getExponent(r);
      int mant = (int) Math.scalb(r, mantBits - re) - (1 << mantBits);
      return sign | ((re + bias) << mantBits) | mant;
    }
  }

  /** A power-of-two scale: an unsigned biased exponent, 2^(code - bias); the all-ones code is NaN (E8M0). */
  record PowerOfTwo(String name, int bits, int bias) implements NumberFormat {
    public int nanCode() {
      return (1 << bits) - 1;
    }

    public int minExponent() {
      return -bias;
    }

    public int maxExponent() {
      return nanCode() - 1 - bias;
    }

    public double decode(int code) {
      return code == nanCode() ? Double.NaN : Math.scalb(1.0, code - bias);
    }

    public int encode(int exponent) {
      if (exponent < minExponent() || exponent > maxExponent()) {
        throw new IllegalArgumentException(name + " holds 2^" + minExponent() + "..2^" + maxExponent() + ", not 2^" + exponent);
      }
      return exponent + bias;
    }
  }

  /** OCP MX element formats and the shared scale. */
  SmallFloat E4M3 = new SmallFloat("E4M3", 4, 3, 7, SmallFloat.Specials.NAN_ALL_ONES);
  SmallFloat E5M2 = new SmallFloat("E5M2", 5, 2, 15, SmallFloat.Specials.IEEE);
  SmallFloat E2M3 = new SmallFloat("E2M3", 2, 3, 1, SmallFloat.Specials.NONE);
  SmallFloat E3M2 = new SmallFloat("E3M2", 3, 2, 3, SmallFloat.Specials.NONE);
  SmallFloat E2M1 = new SmallFloat("E2M1", 2, 1, 1, SmallFloat.Specials.NONE);
  /** MXINT8's element: two's complement k worth k / 64, -128 left unused (symmetric, microxcaling's reading of the spec). */
  Fixed INT8 = new Fixed("INT8", true, 2, 6, true);
  PowerOfTwo E8M0 = new PowerOfTwo("E8M0", 8, 127);
}
