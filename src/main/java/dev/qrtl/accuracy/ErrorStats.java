package dev.qrtl.accuracy;

import dev.qrtl.results.ErrorMetrics;
import dev.qrtl.results.Interval;

/** Running sums of one requantizer's errors, merged across scales and channels; {@link #metrics} at the end. */
final class ErrorStats {
  private long n;
  private double sum;
  private double sumSquares;
  private double sumFourth;
  private double signalPower;
  private long maxFromExact;
  private long different;
  private long saturated;

  void add(long q, long exact, double idealClamped, double zeroPoint, boolean saturates) {
    double e = q - idealClamped;
    double e2 = e * e;
    n++;
    sum += e;
    sumSquares += e2;
    sumFourth += e2 * e2;
    double signal = idealClamped - zeroPoint;
    signalPower += signal * signal;
    long d = Math.abs(q - exact);
    if (d != 0) {
      different++;
      maxFromExact = Math.max(maxFromExact, d);
    }
    if (saturates) {
      saturated++;
    }
  }

  void merge(ErrorStats o) {
    n += o.n;
    sum += o.sum;
    sumSquares += o.sumSquares;
    sumFourth += o.sumFourth;
    signalPower += o.signalPower;
    maxFromExact = Math.max(maxFromExact, o.maxFromExact);
    different += o.different;
    saturated += o.saturated;
  }

  double meanSquare() {
    return n == 0 ? 0 : sumSquares / n;
  }

  ErrorMetrics metrics() {
    double bias = n == 0 ? 0 : sum / n;
    Double sqnr = sumSquares == 0 ? null : 10 * Math.log10(signalPower / sumSquares);
    return new ErrorMetrics(n, bias, Interval.ofMean(n, sum, sumSquares), Math.sqrt(meanSquare()),
        Interval.ofMean(n, sumSquares, sumFourth).sqrt(), maxFromExact, n == 0 ? 0 : (double) different / n,
        Interval.ofFraction(different, n), sqnr, n == 0 ? 0 : (double) saturated / n, Interval.ofFraction(saturated, n));
  }
}
