package dev.qrtl.accuracy;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Real-valued data of the MX accuracy study, as a rows x channels matrix (channels along the
 * reduction axis, where MX blocks lie): Gaussian, Laplace and Student-t with 3 degrees of freedom
 * (unit variance where it exists), and Gaussian data with a few outlier channels 50 times larger,
 * as LLM activations have.
 */
public enum RealDistribution {
  GAUSSIAN("gaussian"),
  LAPLACE("laplace"),
  STUDENT_T3("student-t3"),
  OUTLIER_CHANNELS("outlier-channels");

  /** The outlier channels' scale, and one channel in this many is an outlier. */
  public static final double OUTLIER_SCALE = 50;
  public static final int OUTLIER_EVERY = 97;

  private final String cliName;

  RealDistribution(String cliName) {
    this.cliName = cliName;
  }

  public String cliName() {
    return cliName;
  }

  public static RealDistribution parse(String s) {
    for (RealDistribution d : values()) {
      if (d.cliName.equals(s.toLowerCase(Locale.ROOT))) {
        return d;
      }
    }
    throw new IllegalArgumentException("unknown distribution '" + dev.qrtl.util.Printable.of(s) + "'; use gaussian, laplace, student-t3 or"
        + " outlier-channels");
  }

  /** Whether channel {@code c} is one of the outlier channels. */
  public static boolean outlier(int c) {
    return c % OUTLIER_EVERY == OUTLIER_EVERY / 2;
  }

  /** A rows x channels matrix, row-major, from {@code seed}. */
  public double[] sample(int rows, int channels, long seed) {
    SplittableRandom r = new SplittableRandom(seed ^ ordinal() * 0x9E3779B97F4A7C15L);
    double[] x = new double[Math.multiplyExact(rows, channels)];
    for (int i = 0; i < x.length; i++) {
      x[i] = switch (this) {
        case GAUSSIAN -> gaussian(r);
        case LAPLACE -> (r.nextBoolean() ? 1 : -1) * -Math.log(1 - r.nextDouble()) / Math.sqrt(2);
        case STUDENT_T3 -> {
          double chi = 0;
          for (int k = 0; k < 3; k++) {
            double g = gaussian(r);
            chi += g * g;
          }
          yield gaussian(r) / Math.sqrt(chi / 3);
        }
        case OUTLIER_CHANNELS -> gaussian(r) * (outlier(i % channels) ? OUTLIER_SCALE : 1);
      };
    }
    return x;
  }

  private static double gaussian(SplittableRandom r) {
    double u = 1 - r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
  }
}
