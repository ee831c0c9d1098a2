package dev.qrtl.cosim;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.LaplaceDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Draws signed integers of a given width from a stimulus: uniform over the whole range, Gaussian
 * or Laplacian (rounded and clamped), or sums of K products of ReLU-sparse activations and
 * Gaussian weights (realistic accumulators). Commons Math provides the distributions, seeded so a
 * run is reproducible.
 */
final class ValueSampler {
  private final Stimulus stimulus;
  private final int bits;
  private final long min;
  private final long max;
  private final SplittableRandom rnd;
  private final NormalDistribution normal;
  private final LaplaceDistribution laplace;
  private final RandomGenerator gen;
  private final int k;
  private final int aBits;
  private final int wBits;
  private final double sparsity;
  private final double aSigma;
  private final double wSigma;

  ValueSampler(Stimulus stimulus, int bits, long seed) {
    this.stimulus = stimulus;
    this.bits = bits;
    this.min = bits >= 64 ? Long.MIN_VALUE : -(1L << (bits - 1));
    this.max = bits >= 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
    this.rnd = new SplittableRandom(seed);
    this.gen = new Well19937c(seed);
    this.normal = stimulus.kind() == Stimulus.Kind.GAUSSIAN
        ? new NormalDistribution(gen, 0, stimulus.positive("sigma", 1000), 1e-9) : null;
    this.laplace = stimulus.kind() == Stimulus.Kind.LAPLACE ? new LaplaceDistribution(gen, 0, stimulus.positive("b", 1000)) : null;
    this.k = (int) stimulus.params().getOrDefault("k", 256.0).doubleValue();
    this.aBits = (int) stimulus.params().getOrDefault("a_bits", 8.0).doubleValue();
    this.wBits = (int) stimulus.params().getOrDefault("w_bits", 8.0).doubleValue();
    this.sparsity = stimulus.params().getOrDefault("sparsity", 0.5);
    this.aSigma = stimulus.params().getOrDefault("a_sigma", (double) (1 << (aBits - 2)));
    this.wSigma = stimulus.params().getOrDefault("w_sigma", (double) (1 << (wBits - 3)));
  }

  /** The spread of the values (one standard deviation, roughly), to fit parameters to. */
  double spread() {
    return switch (stimulus.kind()) {
      case GAUSSIAN -> stimulus.positive("sigma", 1000);
      case LAPLACE -> stimulus.positive("b", 1000) * Math.sqrt(2);
      case PRODUCTS -> Math.sqrt(k) * aSigma * wSigma * 0.6;
      default -> Math.max(1, max / 4.0);
    };
  }

  long next() {
    return switch (stimulus.kind()) {
      case GAUSSIAN -> clamp(Math.round(normal.sample()));
      case LAPLACE -> clamp(Math.round(laplace.sample()));
      case PRODUCTS -> clamp(products());
      default -> uniform();
    };
  }

  long uniform() {
    if (bits >= 64) {
      return rnd.nextLong();
    }
    return min + (rnd.nextLong() & ((1L << bits) - 1));
  }

  private long products() {
    long sum = 0;
    long aMax = (1L << aBits) - 1;
    long wLo = -(1L << (wBits - 1));
    long wHi = (1L << (wBits - 1)) - 1;
    for (int i = 0; i < k; i++) {
      if (gen.nextDouble() < sparsity) {
        continue; // ReLU zero
      }
      long a = Math.min(aMax, Math.round(Math.abs(gen.nextGaussian()) * aSigma));
      long w = Math.max(wLo, Math.min(wHi, Math.round(gen.nextGaussian() * wSigma)));
      sum += a * w;
    }
    return sum;
  }

  private long clamp(long v) {
    return Math.max(min, Math.min(max, v));
  }
}
