package dev.qrtl.stimulus;

import java.util.OptionalDouble;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * {@code products:k=K,a_bits=8,w_bits=8,sparsity=0.5,a_sigma=S,w_sigma=S}: realistic
 * accumulators, each the sum of K products of ReLU-sparse activations (0 with probability
 * {@code sparsity}, else |N(0, a_sigma^2)| rounded, at most 2^a_bits - 1) and Gaussian weights
 * (N(0, w_sigma^2) rounded and clamped to w_bits signed). For a MAC array, the activations and
 * weights themselves.
 *
 * @param k terms per accumulator, 1..2^20 (default 256)
 * @param aBits activation width, 2..16 (default 8)
 * @param wBits weight width, 2..16 (default 8)
 * @param sparsity fraction of zero activations, in [0, 1) (default 0.5)
 * @param aSigma activation spread (default 2^(a_bits - 2))
 * @param wSigma weight spread (default 2^(w_bits - 3))
 */
public record ProductsStimulus(int k, int aBits, int wBits, double sparsity, OptionalDouble aSigma, OptionalDouble wSigma)
    implements Stimulus {
  public ProductsStimulus {
    if (k < 1 || k > (1 << 20)) {
      throw new IllegalArgumentException("stimulus parameter k must be 1..2^20 terms, not " + k);
    }
    for (int b : new int[] {aBits, wBits}) {
      if (b < 2 || b > 16) {
        throw new IllegalArgumentException("stimulus operand widths a_bits and w_bits must be 2..16, not " + b);
      }
    }
    if (!(sparsity >= 0 && sparsity < 1)) {
      throw new IllegalArgumentException("stimulus parameter sparsity must be in [0, 1) (1 would make every value 0), not " + sparsity);
    }
    for (OptionalDouble s : new OptionalDouble[] {aSigma, wSigma}) {
      if (s.isPresent() && !(s.getAsDouble() > 0 && s.getAsDouble() < 1e12)) {
        throw new IllegalArgumentException("stimulus parameters a_sigma and w_sigma must be positive, not " + s.getAsDouble());
      }
    }
  }

  static ProductsStimulus of(Stimulus.Params p) {
    return new ProductsStimulus(integer(p.number("k", 256), "k"), integer(p.number("a_bits", 8), "a_bits"),
        integer(p.number("w_bits", 8), "w_bits"), p.number("sparsity", 0.5),
        p.has("a_sigma") ? OptionalDouble.of(p.number("a_sigma", 0)) : OptionalDouble.empty(),
        p.has("w_sigma") ? OptionalDouble.of(p.number("w_sigma", 0)) : OptionalDouble.empty());
  }

  private static int integer(double v, String name) {
    if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("stimulus parameter " + name + " must be an integer, not " + v);
    }
    return (int) v;
  }

  public double activationSigma() {
    return aSigma.orElse(1 << (aBits - 2));
  }

  public double weightSigma() {
    return wSigma.orElse(1 << (wBits - 3));
  }

  @Override
  public ValueSampler sampler(int bits, long seed) {
    RandomGenerator gen = new Well19937c(seed);
    long aMax = (1L << aBits) - 1;
    long wLo = -(1L << (wBits - 1));
    long wHi = (1L << (wBits - 1)) - 1;
    double as = activationSigma();
    double ws = weightSigma();
    return new ValueSampler(bits, seed) {
      @Override
      public long next() {
        long sum = 0;
        for (int i = 0; i < k; i++) {
          if (gen.nextDouble() < sparsity) {
            continue; // ReLU zero
          }
          long a = Math.min(aMax, Math.round(Math.abs(gen.nextGaussian()) * as));
          long w = Math.max(wLo, Math.min(wHi, Math.round(gen.nextGaussian() * ws)));
          sum += a * w;
        }
        return clamp(sum);
      }

      @Override
      public double spread() {
        return Math.sqrt(k) * as * ws * 0.6;
      }
    };
  }

  @Override
  public ValueSampler activations(int bits, long seed) {
    RandomGenerator gen = new Well19937c(seed);
    double as = activationSigma();
    return new ValueSampler(bits, seed) {
      @Override
      public long next() {
        return gen.nextDouble() < sparsity ? 0 : clamp(Math.round(Math.abs(gen.nextGaussian()) * as));
      }

      @Override
      public double spread() {
        return as;
      }
    };
  }

  @Override
  public ValueSampler weights(int bits, long seed) {
    RandomGenerator gen = new Well19937c(seed);
    double ws = weightSigma();
    return new ValueSampler(bits, seed) {
      @Override
      public long next() {
        return clamp(Math.round(gen.nextGaussian() * ws));
      }

      @Override
      public double spread() {
        return ws;
      }
    };
  }

  @Override
  public boolean realistic() {
    return true;
  }

  @Override
  public String text() {
    StringBuilder sb = new StringBuilder("products:k=").append(k);
    if (aBits != 8) {
      sb.append(",a_bits=").append(aBits);
    }
    if (wBits != 8) {
      sb.append(",w_bits=").append(wBits);
    }
    if (sparsity != 0.5) {
      sb.append(",sparsity=").append(Stimulus.number(sparsity));
    }
    aSigma.ifPresent(s -> sb.append(",a_sigma=").append(Stimulus.number(s)));
    wSigma.ifPresent(s -> sb.append(",w_sigma=").append(Stimulus.number(s)));
    return sb.toString();
  }
}
