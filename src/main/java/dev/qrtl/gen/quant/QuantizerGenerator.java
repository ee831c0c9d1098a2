package dev.qrtl.gen.quant;

import dev.qrtl.spec.QuantizerSpec;
import dev.qrtl.spec.ShiftRoundSpec;
import dev.qrtl.spec.TfliteSpec;
import dev.qrtl.spec.Fp32ScaleSpec;
import dev.qrtl.spec.ThresholdSpec;
import dev.qrtl.core.Module;

/** Dispatches a spec to its scheme's generator. */
public final class QuantizerGenerator {
  private QuantizerGenerator() {}

  public static Module generate(QuantizerSpec spec) {
    if (spec instanceof ShiftRoundSpec s) {
      return ShiftRoundGenerator.generate(s);
    } else if (spec instanceof TfliteSpec s) {
      return TfliteGenerator.generate(s);
    } else if (spec instanceof Fp32ScaleSpec s) {
      return Fp32ScaleGenerator.generate(s);
    } else if (spec instanceof ThresholdSpec s) {
      return ThresholdGenerator.generate(s);
    }
    throw new AssertionError(spec);
  }
}
