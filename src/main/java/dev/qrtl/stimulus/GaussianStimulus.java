package dev.qrtl.stimulus;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.Well19937c;

/** {@code gaussian:sigma=S}: values from N(0, S^2), rounded and clamped (Commons Math, seeded). */
public record GaussianStimulus(double sigma) implements Stimulus {
  public GaussianStimulus {
    if (!(sigma > 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("stimulus parameter sigma must be positive and finite, not " + sigma);
    }
  }

  @Override
  public ValueSampler sampler(int bits, long seed) {
    NormalDistribution normal = new NormalDistribution(new Well19937c(seed), 0, sigma, 1e-9);
    return new ValueSampler(bits, seed) {
      @Override
      public long next() {
        return clamp(Math.round(normal.sample()));
      }

      @Override
      public double spread() {
        return sigma;
      }
    };
  }

  @Override
  public boolean realistic() {
    return true;
  }

  @Override
  public String text() {
    return "gaussian:sigma=" + Stimulus.number(sigma);
  }
}
