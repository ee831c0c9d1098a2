package dev.qrtl.scheme;

import dev.qrtl.golden.RealScaleModel;
import dev.qrtl.golden.ShiftRoundModel;
import dev.qrtl.spec.Rounding;

/** The shift k of a power-of-two scale 2^-k chosen for a real scale S by a {@link KRule}. */
final class PowerOfTwoShift {
  /** Beyond this every accumulator a long holds is shifted to 0 or -1. */
  static final int MAX_SHIFT = 62;

  private PowerOfTwoShift() {}

  static int choose(RealScale s, Rounding rounding) {
    double scale = s.scale();
    int floorLog2 = Math.getExponent(scale) >= Double.MIN_EXPONENT ? Math.getExponent(scale) : floorLog2Subnormal(scale);
    boolean power = scale == Math.scalb(1.0, floorLog2);
    int down = -floorLog2; // 2^-down <= S: the power of two at or below S
    int up = power ? down : down - 1; // 2^-up >= S
    int k = switch (s.kRule()) {
      case NEAREST -> ShiftRoundModel.shiftForScale(scale);
      case FLOOR -> down;
      case CEIL -> up;
      case BEST_FOR_DATA -> squaredError(s, up, rounding) < squaredError(s, down, rounding) ? up : down;
    };
    if (k < 0) {
      throw new IllegalArgumentException("scale " + scale + " needs a left shift (k = " + k + "); a power-of-two requantizer only scales down");
    }
    if (k > MAX_SHIFT) {
      throw new IllegalArgumentException("scale " + scale + " needs a shift of " + k + ", beyond " + MAX_SHIFT + " (every output would be 0)");
    }
    return k;
  }

  /** The output for one accumulator at shift k: rounding, then the zero point, then the clamp. */
  static long apply(long acc, int k, Rounding rounding, RealScale s) {
    return s.out().apply(ShiftRoundModel.divide(acc, k, rounding) + s.zeroPoint());
  }

  private static double squaredError(RealScale s, int k, Rounding rounding) {
    if (k < 0 || k > MAX_SHIFT) {
      return Double.POSITIVE_INFINITY;
    }
    RealScaleModel ideal = s.ideal();
    double sum = 0;
    for (long acc : s.data()) {
      double e = apply(acc, k, rounding, s) - ideal.idealClamped(acc);
      sum += e * e;
    }
    return sum;
  }

  private static int floorLog2Subnormal(double scale) {
    return Math.getExponent(scale * 0x1p64) - 64;
  }
}
