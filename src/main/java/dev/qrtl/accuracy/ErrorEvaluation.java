package dev.qrtl.accuracy;

import dev.qrtl.results.ErrorMetrics;
import dev.qrtl.golden.RealScaleModel;
import dev.qrtl.scheme.RealScaleUnit;
import java.util.function.LongUnaryOperator;

/** The inner loop: one requantizer at one real scale over every {@code stride}-th accumulator from {@code offset}. */
public final class ErrorEvaluation {
  private ErrorEvaluation() {}

  static ErrorStats measure(RealScaleUnit unit, RealScaleModel ideal, long[] data, int offset, int stride) {
    ErrorStats stats = new ErrorStats();
    LongUnaryOperator q = unit.requantize();
    double lower = ideal.out().lower();
    double upper = ideal.out().max();
    double zp = ideal.zeroPoint();
    for (int i = offset; i < data.length; i += stride) {
      long acc = data[i];
      double y = ideal.ideal(acc);
      double clamped = Math.min(Math.max(y, lower), upper);
      stats.add(q.applyAsLong(acc), ideal.exact(acc), clamped, zp, y < lower || y > upper);
    }
    return stats;
  }

  /** The error figures of one requantizer at one scale over all of {@code data} (for benchmarks and tests). */
  public static ErrorMetrics of(RealScaleUnit unit, RealScaleModel ideal, long[] data) {
    return measure(unit, ideal, data, 0, 1).metrics();
  }
}
