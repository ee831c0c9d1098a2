package dev.qrtl.stimulus;

import java.util.SplittableRandom;

/**
 * Draws signed integers of a given width for one stimulus, reproducibly from a seed. Every sampler
 * also draws {@link #uniform} values over the whole range from its own stream (run-time parameters
 * such as a bias are drawn from it), independent of the distribution's stream.
 */
public abstract class ValueSampler {
  private final int bits;
  private final long min;
  private final long max;
  private final SplittableRandom rnd;

  protected ValueSampler(int bits, long seed) {
    if (bits < 1 || bits > 64) {
      throw new IllegalArgumentException("a sampler draws 1..64-bit values, not " + bits);
    }
    this.bits = bits;
    this.min = bits >= 64 ? Long.MIN_VALUE : -(1L << (bits - 1));
    this.max = bits >= 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
    this.rnd = new SplittableRandom(seed);
  }

  /** The next value of the distribution, clamped to the width. */
  public abstract long next();

  /** The spread of the values (about one standard deviation), to fit run-time parameters to. */
  public abstract double spread();

  /** A value drawn uniformly over the whole signed range. */
  public final long uniform() {
    if (bits >= 64) {
      return rnd.nextLong();
    }
    return min + (rnd.nextLong() & ((1L << bits) - 1));
  }

  public final int bits() {
    return bits;
  }

  protected final long clamp(long v) {
    return Math.max(min, Math.min(max, v));
  }

  protected final long max() {
    return max;
  }

  /** The sampler of the uniform-over-the-range kinds (auto, exhaustive, corners, uniform). */
  static final class Uniform extends ValueSampler {
    Uniform(int bits, long seed) {
      super(bits, seed);
    }

    @Override
    public long next() {
      return uniform();
    }

    @Override
    public double spread() {
      return Math.max(1, max() / 4.0);
    }
  }
}
