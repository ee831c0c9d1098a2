package dev.qrtl.gen.quant;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The TFLite fixed-point multiplier epilogue: {@code q = clamp(MBQM(acc + bias, M0, shift) + zp)}.
 *
 * @param accBits signed accumulator width, at most 32 (the scheme is defined on int32)
 * @param out output format
 * @param single single rounding instead of the default double rounding
 * @param m0 constant M0 in [2^30, 2^31) or 0, or empty for a run-time {@code m0} input
 * @param shift constant shift in [-31, 30], or empty for a run-time {@code shift} input (s6)
 * @param zeroPoint constant output zero point, or empty for a run-time {@code zero_point} input
 * @param bias whether an int32 {@code bias} input is added first (wrapping, as int32 code does)
 * @param pipeline registered stages
 */
public record TfliteSpec(int accBits, OutputSpec out, boolean single, OptionalInt m0, OptionalInt shift, OptionalLong zeroPoint, boolean bias, int pipeline)
    implements QuantizerSpec {
  public static final int SHIFT_BITS = 6;

  public TfliteSpec {
    String name = single ? "tflite-single" : "tflite-double";
    QuantizerSpec.checkCommon(name, accBits, out, pipeline);
    if (accBits > 32) {
      throw new IllegalArgumentException(name + ": accumulator width " + accBits + " is over 32 bits (the scheme is defined on int32)");
    }
    if (m0.isPresent() && m0.getAsInt() != 0 && m0.getAsInt() < (1 << 30)) {
      throw new IllegalArgumentException(name + ": M0 " + m0.getAsInt() + " is out of range: it must be 0 or in [2^30, 2^31)");
    }
    if (shift.isPresent() && (shift.getAsInt() < -31 || shift.getAsInt() > 30)) {
      throw new IllegalArgumentException(name + ": shift " + shift.getAsInt() + " is outside -31..30");
    }
    if (zeroPoint.isPresent()
        && (zeroPoint.getAsLong() < out.min().longValue() || zeroPoint.getAsLong() > out.max().longValue())) {
      throw new IllegalArgumentException(name + ": zero point " + zeroPoint.getAsLong() + " is outside the output range "
          + out.min() + ".." + out.max());
    }
  }

  /** Width of the run-time zero-point input: one more than the output, so int and uint ranges fit. */
  public int zeroPointBits() {
    return out.bits() + 1;
  }

  @Override
  public String scheme() {
    return single ? "tflite-single" : "tflite-double";
  }

  @Override
  public String moduleName() {
    String m = m0.isPresent() ? "_m" + m0.getAsInt() : "_mrt";
    String s = shift.isPresent() ? "_s" + (shift.getAsInt() < 0 ? "n" + -shift.getAsInt() : shift.getAsInt()) : "_srt";
    String z = zeroPoint.isPresent() ? "_z" + (zeroPoint.getAsLong() < 0 ? "n" + -zeroPoint.getAsLong() : zeroPoint.getAsLong()) : "_zrt";
    return "requant_" + (single ? "tflite_single" : "tflite_double") + "_a" + accBits + "_" + out.tag() + m + s + z
        + (bias ? "_bias" : "") + QuantizerSpec.pipeTag(pipeline);
  }
}
