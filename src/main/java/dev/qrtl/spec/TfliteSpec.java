package dev.qrtl.spec;

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
 * @param channelMultipliers per-output-channel constant (M0, shift) pairs selected by a
 *     {@code channel} input (empty: per-tensor); an index past the table selects its last entry
 */
public record TfliteSpec(int accBits, OutputSpec out, boolean single, OptionalInt m0, OptionalInt shift, OptionalLong zeroPoint, boolean bias, int pipeline,
    java.util.List<ChannelPair> channelMultipliers)
    implements QuantizerSpec {
  public static final int SHIFT_BITS = 6;

  public TfliteSpec(int accBits, OutputSpec out, boolean single, OptionalInt m0, OptionalInt shift, OptionalLong zeroPoint, boolean bias, int pipeline) {
    this(accBits, out, single, m0, shift, zeroPoint, bias, pipeline, java.util.List.of());
  }

  public TfliteSpec {
    channelMultipliers = java.util.List.copyOf(channelMultipliers);
    if (!channelMultipliers.isEmpty() && (m0.isPresent() || shift.isPresent())) {
      throw new IllegalArgumentException((single ? "tflite-single" : "tflite-double")
          + ": give a per-tensor M0/shift or per-channel multipliers, not both");
    }
    for (ChannelPair c : channelMultipliers) {
      if (c.multiplier() != (int) c.multiplier()) {
        throw new IllegalArgumentException((single ? "tflite-single" : "tflite-double") + ": M0 " + c.multiplier() + " is not an int32");
      }
      checkMultiplier(single, (int) c.multiplier(), c.shift());
    }
    String name = single ? "tflite-single" : "tflite-double";
    QuantizerSpec.checkCommon(name, accBits, out, pipeline);
    if (accBits > 32) {
      throw new IllegalArgumentException(name + ": accumulator width " + accBits + " is over 32 bits (the scheme is defined on int32)");
    }
    if (m0.isPresent() || shift.isPresent()) {
      checkMultiplier(single, m0.orElse(1 << 30), shift.orElse(0));
    }
    if (zeroPoint.isPresent()
        && (zeroPoint.getAsLong() < out.min().longValue() || zeroPoint.getAsLong() > out.max().longValue())) {
      throw new IllegalArgumentException(name + ": zero point " + zeroPoint.getAsLong() + " is outside the output range "
          + out.min() + ".." + out.max());
    }
  }

  private static void checkMultiplier(boolean single, int m0, int shift) {
    String name = single ? "tflite-single" : "tflite-double";
    if (m0 != 0 && m0 < (1 << 30)) {
      throw new IllegalArgumentException(name + ": M0 " + m0 + " is out of range: it must be 0 or in [2^30, 2^31)");
    }
    if (shift < -31 || shift > 30) {
      throw new IllegalArgumentException(name + ": shift " + shift + " is outside -31..30");
    }
  }

  /** Bits of the {@code channel} input of a per-channel table. */
  public int channelBits() {
    return Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, channelMultipliers.size() - 1)));
  }

  /** Width of the run-time zero-point input: one more than the output, so int and uint ranges fit. */
  public int zeroPointBits() {
    return out.bits() + 1;
  }

  /** M0 and the shift (constants, run-time inputs or per-channel tables), the zero point, the int32 bias. */
  @Override
  public java.util.List<Param> params() {
    Param m = !channelMultipliers.isEmpty()
        ? Param.table("m0", Param.Role.MULTIPLIER, 32, true, "m", channelMultipliers.stream().map(ChannelPair::multiplier).toList())
        : Param.of("m0", Param.Role.MULTIPLIER, 32, true, "m", m0.isPresent() ? OptionalLong.of(m0.getAsInt()) : OptionalLong.empty());
    Param s = !channelMultipliers.isEmpty()
        ? Param.table("shift", Param.Role.SHIFT, SHIFT_BITS, true, "s", channelMultipliers.stream().map(c -> (long) c.shift()).toList())
        : Param.of("shift", Param.Role.SHIFT, SHIFT_BITS, true, "s", shift.isPresent() ? OptionalLong.of(shift.getAsInt())
            : OptionalLong.empty());
    Param z = Param.of("zero_point", Param.Role.ZERO_POINT, zeroPointBits(), true, "z", zeroPoint);
    return QuantizerSpec.withBias(java.util.List.of(m, s, z), bias, 32);
  }

  @Override
  public String scheme() {
    return single ? "tflite-single" : "tflite-double";
  }

  @Override
  public String moduleName() {
    java.util.List<Param> p = params();
    String ms;
    if (!channelMultipliers.isEmpty()) {
      int h = 1;
      for (ChannelPair c : channelMultipliers) {
        h = 31 * h + java.util.Arrays.hashCode(new int[] {(int) c.multiplier(), c.shift()}); // the name's hash as ever
      }
      ms = "_mc" + channelMultipliers.size() + "_" + Integer.toHexString(h); // one tag for the table of pairs
    } else {
      ms = p.get(0).nameTag() + p.get(1).nameTag();
    }
    return "requant_" + (single ? "tflite_single" : "tflite_double") + "_a" + accBits + "_" + out.tag() + ms + p.get(2).nameTag()
        + (bias ? "_bias" : "") + QuantizerSpec.pipeTag(pipeline);
  }
}
