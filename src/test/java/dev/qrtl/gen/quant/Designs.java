package dev.qrtl.gen.quant;

import dev.qrtl.spec.OutputSpec;
import dev.qrtl.spec.ShiftRoundSpec;
import dev.qrtl.spec.TfliteSpec;
import dev.qrtl.spec.Fp32ScaleSpec;
import dev.qrtl.spec.ThresholdSpec;
import dev.qrtl.spec.Rounding;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Short constructors of quantizer specs for tests. */
final class Designs {
  private Designs() {}

  static OutputSpec s(int bits) {
    return new OutputSpec(bits, true, false, true);
  }

  static ShiftRoundSpec shiftRound(int acc, OutputSpec out, Rounding r, Integer k, boolean bias) {
    return new ShiftRoundSpec(acc, out, r, k == null ? OptionalInt.empty() : OptionalInt.of(k), bias, 0, false);
  }

  static TfliteSpec tflite(int acc, OutputSpec out, boolean single, boolean bias) {
    return new TfliteSpec(acc, out, single, OptionalInt.empty(), OptionalInt.empty(), OptionalLong.empty(), bias, 0);
  }

  static Fp32ScaleSpec fp32(int acc, OutputSpec out, boolean bias) {
    return new Fp32ScaleSpec(acc, out, Optional.empty(), OptionalLong.empty(), bias, 0);
  }

  static ThresholdSpec threshold(int acc, OutputSpec out) {
    return new ThresholdSpec(acc, out, Optional.empty(), 0);
  }
}
