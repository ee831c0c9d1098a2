package dev.qrtl.accuracy;

import dev.qrtl.golden.OutputRange;
import dev.qrtl.scheme.KRule;
import dev.qrtl.scheme.Schemes;
import dev.qrtl.stimulus.Stimulus;
import java.util.List;

/**
 * What {@code qrtl error} measures: the schemes' forms, one accumulator and output width (signed,
 * saturating, as comparisons price them), the data, the scales and the power-of-two rule.
 *
 * @param samples accumulators drawn from the stimulus (every view uses the same ones)
 * @param octavePoints scales of the octave sweep, log-uniform over one octave
 */
public record AccuracyConfig(List<Schemes.Form> forms, int accBits, int outBits, Stimulus stimulus, long seed, int samples, KRule kRule,
    long zeroPoint, ScaleChoice scales, int octavePoints) {
  public AccuracyConfig {
    forms = List.copyOf(forms);
    if (samples < 2) {
      throw new IllegalArgumentException("--samples must be at least 2, not " + samples);
    }
    if (octavePoints < 1 || octavePoints > 4096) {
      throw new IllegalArgumentException("--octave-points must be between 1 and 4096, not " + octavePoints);
    }
    if (accBits < 2 || accBits > 64) {
      throw new IllegalArgumentException("--acc-bits must be between 2 and 64, not " + accBits);
    }
    OutputRange r = new OutputRange(outBits, true, false, true);
    if (zeroPoint < r.min() || zeroPoint > r.max()) {
      throw new IllegalArgumentException("--zero-point " + zeroPoint + " is outside the " + outBits + "-bit output range " + r.min() + ".." + r.max());
    }
  }

  /** The output range every scheme requantizes to. */
  public OutputRange out() {
    return new OutputRange(outBits, true, false, true);
  }
}
