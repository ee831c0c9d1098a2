package dev.qrtl.accuracy;

import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.stimulus.ValueSampler;

/**
 * Accumulators drawn once from a stimulus, and the scale calibration would give them: the one
 * rule every accuracy study and benchmark uses (three spreads of the data onto the output's
 * largest value).
 */
public record Accumulators(long[] values, double spread) {
  public static Accumulators draw(Stimulus stimulus, int accBits, long seed, int count) {
    ValueSampler sampler = stimulus.sampler(accBits, seed);
    long[] values = new long[count];
    for (int i = 0; i < count; i++) {
      values[i] = sampler.next();
    }
    return new Accumulators(values, sampler.spread());
  }

  /** The calibrated real scale for an output whose largest value is {@code outMax}. */
  public double calibratedScale(long outMax) {
    return outMax / (3 * Math.max(1, spread));
  }
}
