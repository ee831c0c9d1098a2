package dev.qrtl.onnx;

import dev.qrtl.results.Activation;
import java.util.Locale;
import java.util.Optional;

/**
 * The activation an output range implies. A quantizer that folds a Relu away (ONNX Runtime's does)
 * leaves its mark in the output's zero point: at the integer type's minimum, no code is left for a
 * negative value, so the clamp to the type is the ReLU. When the range's top is 6 within half a
 * step, the clamp is ReLU6.
 */
final class OutputRanges {
  private OutputRanges() {}

  /** The activation of an output with {@code scale}, {@code zeroPoint} and ONNX data type {@code type}; empty when it keeps negatives. */
  static Optional<Activation> activation(Double scale, long zeroPoint, int type) {
    if (scale == null) {
      return Optional.empty();
    }
    long min;
    long max;
    String name;
    switch (type) {
      case 2 -> { min = 0; max = 255; name = "uint8"; }
      case 3 -> { min = -128; max = 127; name = "int8"; }
      case 4 -> { min = 0; max = 65_535; name = "uint16"; }
      case 5 -> { min = -32_768; max = 32_767; name = "int16"; }
      default -> {
        return Optional.empty();
      }
    }
    if (zeroPoint != min) {
      return Optional.empty();
    }
    double top = (max - zeroPoint) * scale;
    boolean six = Math.abs(top - 6) <= scale / 2;
    String how = String.format(Locale.ROOT, "output range: zero point %d is %s's minimum, real range 0 .. %.4g", zeroPoint, name, top);
    return Optional.of(new Activation(six ? Activation.Kind.RELU6 : Activation.Kind.RELU, how));
  }
}
