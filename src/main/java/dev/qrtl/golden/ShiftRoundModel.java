package dev.qrtl.golden;

import dev.qrtl.spec.Rounding;
import java.math.BigInteger;

/**
 * Power-of-two requantization (reference section 1): {@code q = clamp(R((acc + bias) / 2^k))}.
 * The fast path uses long arithmetic where it cannot overflow; otherwise the same formulas run
 * on BigInteger.
 */
public final class ShiftRoundModel {
  private static final long SAFE = 1L << 61;

  private ShiftRoundModel() {}

  /** {@code R(x / 2^k)} for any k >= 0. */
  public static long divide(long x, int k, Rounding r) {
    if (k == 0) {
      return x;
    }
    if (k >= 62 || x >= SAFE || x <= -SAFE) {
      return divide(BigInteger.valueOf(x), k, r).longValueExact();
    }
    long half = 1L << (k - 1);
    switch (r) {
      case HALF_UP:
        return (x + half) >> k;
      case HALF_AWAY:
        return x >= 0 ? (x + half) >> k : -((-x + half) >> k);
      case HALF_EVEN:
        {
          long q = x >> k; // floor(x / 2^k)
          long rem = x & ((1L << k) - 1); // x - q * 2^k, in [0, 2^k)
          long above = (half - rem) >>> 63; // rem > half (both in [0, 2^61])
          long tie = ((rem ^ half) - 1) >>> 63; // rem == half
          return q + (above | (tie & q & 1)); // a tie goes to the even neighbour
        }
      case FLOOR:
        return x >> k;
      default:
        throw new AssertionError(r);
    }
  }

  /** {@code R(x / 2^k)} on unbounded integers. */
  public static BigInteger divide(BigInteger x, int k, Rounding r) {
    if (k == 0) {
      return x;
    }
    BigInteger half = BigInteger.ONE.shiftLeft(k - 1);
    switch (r) {
      case HALF_UP:
        return x.add(half).shiftRight(k);
      case HALF_AWAY:
        return x.signum() >= 0 ? x.add(half).shiftRight(k) : x.negate().add(half).shiftRight(k).negate();
      case HALF_EVEN:
        {
          BigInteger q = x.shiftRight(k);
          BigInteger rem = x.subtract(q.shiftLeft(k));
          int c = rem.compareTo(half);
          if (c > 0 || (c == 0 && q.testBit(0))) {
            return q.add(BigInteger.ONE);
          }
          return q;
        }
      case FLOOR:
        return x.shiftRight(k);
      default:
        throw new AssertionError(r);
    }
  }

  /** The whole requantizer: bias add, rounding shift, ReLU and clamp (or wrap). */
  public static long requantize(long acc, long bias, int k, Rounding r, OutputRange out) {
    long sum = acc + bias;
    boolean overflow = ((acc ^ sum) & (bias ^ sum)) < 0;
    if (overflow) {
      return out.apply(divide(BigInteger.valueOf(acc).add(BigInteger.valueOf(bias)), k, r));
    }
    return out.apply(divide(sum, k, r));
  }

  /**
   * The power-of-two shift for a real scale {@code s} (q = x * s): {@code k = round(-log2(s))},
   * nearest in the log domain, ties to the larger k (the smaller scale, so no extra saturation).
   */
  public static int shiftForScale(double scale) {
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("scale " + scale + " is not a positive finite number");
    }
    double k = -Math.log(scale) / Math.log(2);
    double nearest = Math.floor(k + 0.5);
    return (int) nearest;
  }
}
