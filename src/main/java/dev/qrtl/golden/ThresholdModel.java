package dev.qrtl.golden;

import java.util.function.LongUnaryOperator;

/**
 * FINN-style multi-threshold requantization (reference section 3): the output is the number of
 * thresholds {@code T_0 <= T_1 <= ...} that {@code acc} reaches ({@code acc >= T_i}), plus an
 * offset (the output minimum).
 */
public final class ThresholdModel {
  private ThresholdModel() {}

  public static long requantize(long acc, long[] thresholds, long offset) {
    long count = 0;
    for (long t : thresholds) {
      if (acc >= t) {
        count++;
      }
    }
    return offset + count;
  }

  /**
   * The thresholds that make the multi-threshold form equal a monotone non-decreasing requantizer
   * {@code f} over {@code [accMin, accMax]} with outputs in {@code [outMin, outMax]}:
   * {@code T_i} is the least acc with {@code f(acc) >= outMin + i + 1}, or {@code accMax + 1}
   * when none reaches it. Binary search, so any accumulator width is fine.
   */
  public static long[] fromMonotone(LongUnaryOperator f, long accMin, long accMax, long outMin, long outMax) {
    int n = Math.toIntExact(outMax - outMin);
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      long level = outMin + i + 1;
      long lo = accMin;
      long hi = accMax;
      if (f.applyAsLong(accMax) < level) {
        t[i] = accMax + 1;
        continue;
      }
      while (lo < hi) {
        long mid = lo + (hi - lo) / 2;
        if (f.applyAsLong(mid) >= level) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      t[i] = lo;
    }
    return t;
  }
}
