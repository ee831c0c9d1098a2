package dev.qrtl.scheme;

import dev.qrtl.golden.OutputRange;
import dev.qrtl.golden.RealScaleModel;

/**
 * What a scheme is given to choose its parameters from a real scale: the unit's widths and output
 * range, the ideal requantizer (scale and zero point), the power-of-two rule and the data (for
 * {@link KRule#BEST_FOR_DATA}; read, never changed).
 */
public record RealScale(int accBits, RealScaleModel ideal, KRule kRule, long[] data) {
  public double scale() {
    return ideal.scale();
  }

  public long zeroPoint() {
    return ideal.zeroPoint();
  }

  public OutputRange out() {
    return ideal.out();
  }
}
