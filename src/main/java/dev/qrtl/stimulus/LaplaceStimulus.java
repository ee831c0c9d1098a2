package dev.qrtl.stimulus;

import org.apache.commons.math3.distribution.LaplaceDistribution;
import org.apache.commons.math3.random.Well19937c;

/** {@code laplace:b=B}: values from a Laplace distribution of scale B, rounded and clamped (Commons Math, seeded). */
public record LaplaceStimulus(double b) implements Stimulus {
  public LaplaceStimulus {
    if (!(b > 0) || Double.isInfinite(b)) {
      throw new IllegalArgumentException("stimulus parameter b must be positive and finite, not " + b);
    }
  }

  @Override
  public ValueSampler sampler(int bits, long seed) {
    LaplaceDistribution laplace = new LaplaceDistribution(new Well19937c(seed), 0, b);
    return new ValueSampler(bits, seed) {
      @Override
      public long next() {
        return clamp(Math.round(laplace.sample()));
      }

      @Override
      public double spread() {
        return b * Math.sqrt(2);
      }
    };
  }

  @Override
  public boolean realistic() {
    return true;
  }

  @Override
  public String text() {
    return "laplace:b=" + Stimulus.number(b);
  }
}
