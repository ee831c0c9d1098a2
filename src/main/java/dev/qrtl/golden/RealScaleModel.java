package dev.qrtl.golden;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The ideal requantizer every scheme approximates: for a real scale S (a double, taken as the
 * exact rational it denotes) and a zero point, {@code y = acc * S + zp} and its correctly rounded,
 * clamped integer {@code q* = clamp(round_half_even(acc * S) + zp)}.
 *
 * <p>{@link #exact} is the fast path: S is split once into an odd integer mantissa and a power of
 * two, {@code S = m * 2^-sh} with {@code m < 2^53}, so {@code acc * S} is the 128-bit integer
 * product {@code acc * m} ({@link Math#multiplyHigh}, exact for any long acc) divided by
 * {@code 2^sh}; the quotient, its half bit and the bits below it decide round-half-even exactly,
 * as on paper. {@link #bruteForce} is the same number through {@link BigDecimal}, the definition;
 * the test holds the two equal on seeded random cases over every width and scale range the fast
 * path takes, and on the hand-computed corner cases. Scales with {@code sh <= 0} (S an integer)
 * and wrapping outputs take the BigDecimal path.
 */
public final class RealScaleModel {
  private static final long SATURATED = 1L << 62; // beyond every output range and zero point

  private final double scale;
  private final long zeroPoint;
  private final OutputRange out;
  private final long mantissa;
  private final int rightShift;

  private RealScaleModel(double scale, long zeroPoint, OutputRange out) {
    this.scale = scale;
    this.zeroPoint = zeroPoint;
    this.out = out;
    long bits = Double.doubleToRawLongBits(scale);
    int field = (int) ((bits >>> 52) & 0x7ff);
    long fraction = bits & ((1L << 52) - 1);
    long m = field == 0 ? fraction : fraction | (1L << 52);
    int e = field == 0 ? -1074 : field - 1075;
    int zeros = Long.numberOfTrailingZeros(m);
    this.mantissa = m >> zeros;
    this.rightShift = -(e + zeros);
  }

  /**
   * The reference for a real scale; a scale that is zero, negative, NaN or infinite is an
   * {@link IllegalArgumentException} naming it.
   */
  public static RealScaleModel of(double scale, long zeroPoint, OutputRange out) {
    checkScale(scale);
    return new RealScaleModel(scale, zeroPoint, out);
  }

  /** Refuses a scale no requantizer can mean: zero, negative, NaN or infinite. */
  public static void checkScale(double scale) {
    if (Double.isNaN(scale) || Double.isInfinite(scale) || scale <= 0) {
      throw new IllegalArgumentException("scale " + scale + " is not a positive finite number");
    }
  }

  public double scale() {
    return scale;
  }

  public long zeroPoint() {
    return zeroPoint;
  }

  public OutputRange out() {
    return out;
  }

  /** The real-valued ideal output {@code acc * S + zp} (a double: relative error at most 2^-52). */
  public double ideal(long acc) {
    return acc * scale + zeroPoint;
  }

  /** {@link #ideal} clamped to the output range as a real number (what an exact requantizer could at best give). */
  public double idealClamped(long acc) {
    double y = ideal(acc);
    return Math.min(Math.max(y, out.lower()), out.max());
  }

  /** {@code q*}: the correctly rounded (ties to even), clamped integer output. */
  public long exact(long acc) {
    if (rightShift <= 0 || !out.saturate()) { // rare forms: the definition itself
      return bruteForce(acc, scale, zeroPoint, out);
    }
    if (rightShift >= 127) { // |acc * m| < 2^116, so |acc * S| < 2^-10: it rounds to 0
      return out.apply(zeroPoint);
    }
    long hi = Math.multiplyHigh(acc, mantissa);
    long lo = acc * mantissa;
    int sh = rightShift;
    long quotient;
    boolean half;
    boolean below;
    if (sh < 64) {
      quotient = (hi << (64 - sh)) | (lo >>> sh);
      if ((hi >> sh) != (quotient >> 63)) { // the quotient needs more than 64 bits
        return out.apply(hi < 0 ? -SATURATED : SATURATED);
      }
      half = ((lo >>> (sh - 1)) & 1) != 0;
      below = sh > 1 && (lo & ((1L << (sh - 1)) - 1)) != 0;
    } else if (sh == 64) {
      quotient = hi;
      half = lo < 0;
      below = (lo & Long.MAX_VALUE) != 0;
    } else {
      int halfBit = sh - 65;
      quotient = hi >> (sh - 64);
      half = ((hi >>> halfBit) & 1) != 0;
      below = lo != 0 || (halfBit > 0 && (hi & ((1L << halfBit) - 1)) != 0);
    }
    long rounded = quotient + (half && (below || (quotient & 1) != 0) ? 1 : 0);
    if (rounded >= SATURATED || rounded <= -SATURATED) {
      return out.apply(rounded < 0 ? -SATURATED : SATURATED);
    }
    return out.apply(rounded + zeroPoint);
  }

  /** {@code q*} by the definition, on {@link BigDecimal}: the slow reference {@link #exact} is tested against. */
  public static long bruteForce(long acc, double scale, long zeroPoint, OutputRange out) {
    checkScale(scale);
    BigInteger rounded = new BigDecimal(acc).multiply(new BigDecimal(scale)).setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
    return out.apply(rounded.add(BigInteger.valueOf(zeroPoint)));
  }
}
