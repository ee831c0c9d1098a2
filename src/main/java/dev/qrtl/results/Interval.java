package dev.qrtl.results;

/** A 95 % confidence interval. */
public record Interval(double low, double high) {
  /** z for a two-sided 95 % interval. */
  public static final double Z95 = 1.959963984540054;

  /** The normal-approximation interval of a mean from n samples of a sum and a sum of squares. */
  public static Interval ofMean(long n, double sum, double sumSquares) {
    if (n < 2) {
      return new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }
    double mean = sum / n;
    double variance = Math.max(0, (sumSquares - n * mean * mean) / (n - 1));
    double half = Z95 * Math.sqrt(variance / n);
    return new Interval(mean - half, mean + half);
  }

  /** The Wilson score interval of a fraction (good at 0 and 1, where the normal one fails). */
  public static Interval ofFraction(long hits, long n) {
    if (n == 0) {
      return new Interval(0, 1);
    }
    double p = (double) hits / n;
    double z2 = Z95 * Z95;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
    return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
  }

  /** The interval of sqrt(x) from one of x (x >= 0): sqrt is monotone. */
  public Interval sqrt() {
    return new Interval(Math.sqrt(Math.max(0, low)), Math.sqrt(Math.max(0, high)));
  }

  boolean contains(double v) {
    return v >= low && v <= high;
  }
}
