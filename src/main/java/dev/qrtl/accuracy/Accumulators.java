package dev.qrtl.accuracy;

import dev.qrtl.stimulus.NpyReader;
import dev.qrtl.stimulus.NpyStimulus;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.stimulus.ValueSampler;

/**
 * Accumulators drawn once from a stimulus, and the scale calibration would give them: the one
 * rule every accuracy study and benchmark uses (three spreads of the data onto the output's
 * largest value). A {@code .npy} stimulus is not drawn from but read: its values, in the file's
 * (C) order, all of them.
 */
public record Accumulators(long[] values, double spread) {
  public static Accumulators draw(Stimulus stimulus, int accBits, long seed, int count) {
    if (stimulus instanceof NpyStimulus file) {
      Accumulators a = read(file, accBits);
      if (a.values().length != count) {
        throw new IllegalArgumentException(file.file() + " holds " + a.values().length + " accumulators; " + count + " were asked for");
      }
      return a;
    }
    ValueSampler sampler = stimulus.sampler(accBits, seed);
    long[] values = new long[count];
    for (int i = 0; i < count; i++) {
      values[i] = sampler.next();
    }
    return new Accumulators(values, sampler.spread());
  }

  /**
   * Every value of a {@code .npy} file, in order, each checked to fit a signed {@code accBits}-bit
   * accumulator (one line naming the file, the index and the value otherwise); the spread is their
   * standard deviation.
   */
  public static Accumulators read(NpyStimulus file, int accBits) {
    if (accBits < 2 || accBits > 64) {
      throw new IllegalArgumentException("accumulator width " + accBits + " is outside 2..64");
    }
    long[] v = NpyReader.read(file.file()).values();
    long min = accBits >= 64 ? Long.MIN_VALUE : -(1L << (accBits - 1));
    long max = accBits >= 64 ? Long.MAX_VALUE : (1L << (accBits - 1)) - 1;
    double mean = 0;
    for (int i = 0; i < v.length; i++) {
      if (v[i] < min || v[i] > max) {
        throw new IllegalArgumentException(file.file() + ": value " + v[i] + " at index " + i + " does not fit a signed " + accBits
            + "-bit accumulator");
      }
      mean += (v[i] - mean) / (i + 1);
    }
    double sq = 0;
    for (long x : v) {
      sq += (x - mean) * (x - mean);
    }
    return new Accumulators(v, Math.max(1, Math.sqrt(sq / Math.max(1, v.length))));
  }

  /** How many accumulators a study of {@code stimulus} has: all of a {@code .npy} file's, else {@code drawn}. */
  public static int samples(Stimulus stimulus, int accBits, int drawn) {
    return stimulus instanceof NpyStimulus file ? read(file, accBits).values().length : drawn;
  }

  /** The calibrated real scale for an output whose largest value is {@code outMax}. */
  public double calibratedScale(long outMax) {
    return outMax / (3 * Math.max(1, spread));
  }
}
