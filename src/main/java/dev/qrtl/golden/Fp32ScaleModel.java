package dev.qrtl.golden;

/**
 * Float requantization (reference section 3):
 * {@code q = clamp(round_half_even(float32(acc) * scale) + zp)}.
 *
 * <p>Why Java {@code float} is exactly IEEE-754 binary32 here: since Java 17 (JEP 306) every
 * floating-point operation is strict IEEE 754; {@code (float) long} rounds to nearest, ties to
 * even (JLS 5.1.2); {@code float * float} is the binary32 product rounded to nearest even (JLS
 * 15.17.1); widening to double is exact, and {@link Math#rint} rounds half to even. Infinities
 * (a huge product) clamp like any out-of-range value; a NaN scale is refused.
 */
public final class Fp32ScaleModel {
  private Fp32ScaleModel() {}

  public static long requantize(long acc, float scale, long zeroPoint, OutputRange out) {
    if (Float.isNaN(scale) || Float.isInfinite(scale)) {
      throw new IllegalArgumentException("scale " + scale + " is not finite");
    }
    float product = (float) acc * scale;
    double rounded = Math.rint(product);
    if (rounded >= 0x1p62) {
      return out.apply(java.math.BigInteger.ONE.shiftLeft(62));
    }
    if (rounded <= -0x1p62) {
      return out.apply(java.math.BigInteger.ONE.shiftLeft(62).negate());
    }
    return out.apply((long) rounded + zeroPoint);
  }
}
