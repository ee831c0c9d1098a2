package dev.qrtl.compare;

import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.spec.Fp32ScaleSpec;
import dev.qrtl.spec.OutputSpec;
import dev.qrtl.spec.QuantizerSpec;
import dev.qrtl.spec.ShiftRoundSpec;
import dev.qrtl.spec.ThresholdSpec;
import dev.qrtl.spec.TfliteSpec;
import dev.qrtl.spec.Rounding;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The schemes a comparison can name, each as the requantizer it means: signed saturating output,
 * every scale parameter a run-time input (the configurable, per-channel-capable unit), except
 * {@code shift-round-const}, whose shift is a constant fitted to the stimulus (the cheapest,
 * per-layer unit).
 */
public final class Schemes {
  /** The baseline every ratio is taken against. */
  public static final String BASELINE = "tflite-double";

  public static final List<String> ALL =
      List.of("shift-round", "shift-round-const", "floor", "tflite-double", "tflite-single", "fp32-scale", "threshold");

  private Schemes() {}

  /** Checks a list of scheme names, naming the unknown one. */
  public static void check(List<String> schemes) {
    for (String s : schemes) {
      if (!ALL.contains(s)) {
        throw new IllegalArgumentException("unknown scheme '" + s + "'; use some of: " + String.join(", ", ALL));
      }
    }
  }

  /** Why a scheme cannot be built at these widths, or empty. */
  public static Optional<String> unsupported(String scheme, int accBits, int outBits) {
    if (scheme.equals("threshold") && outBits > 8) {
      return Optional.of("threshold needs 2^b - 1 comparators; qrtl builds it up to 8 output bits");
    }
    if (scheme.startsWith("tflite") && accBits > 32) {
      return Optional.of("TFLite requantizes 32-bit accumulators");
    }
    return Optional.empty();
  }

  /** The requantizer a scheme name means at these widths. */
  public static QuantizerSpec spec(String scheme, int accBits, int outBits, Stimulus stimulus) {
    return spec(scheme, accBits, outBits, stimulus, 0);
  }

  /** The same, with {@code pipeline} register stages (placed before the clamp, as the generators do). */
  public static QuantizerSpec spec(String scheme, int accBits, int outBits, Stimulus stimulus, int pipeline) {
    OutputSpec o = new OutputSpec(outBits, true, false, true);
    int p = pipeline;
    return switch (scheme) {
      case "shift-round" -> new ShiftRoundSpec(accBits, o, Rounding.HALF_UP, OptionalInt.empty(), false, p, false);
      case "shift-round-const" -> new ShiftRoundSpec(accBits, o, Rounding.HALF_UP,
          OptionalInt.of(stimulus.fittedShift(accBits, (1L << (outBits - 1)) - 1)), false, p, false);
      case "floor" -> new ShiftRoundSpec(accBits, o, Rounding.FLOOR, OptionalInt.empty(), false, p, true);
      case "tflite-double" -> new TfliteSpec(accBits, o, false, OptionalInt.empty(), OptionalInt.empty(), OptionalLong.empty(), false, p);
      case "tflite-single" -> new TfliteSpec(accBits, o, true, OptionalInt.empty(), OptionalInt.empty(), OptionalLong.empty(), false, p);
      case "fp32-scale" -> new Fp32ScaleSpec(accBits, o, Optional.empty(), OptionalLong.empty(), false, p);
      case "threshold" -> new ThresholdSpec(accBits, o, Optional.empty(), p);
      default -> throw new IllegalArgumentException("unknown scheme '" + scheme + "'; use some of: " + String.join(", ", ALL));
    };
  }
}
