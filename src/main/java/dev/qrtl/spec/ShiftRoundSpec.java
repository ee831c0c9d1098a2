package dev.qrtl.spec;

import dev.qrtl.spec.Rounding;
import java.util.OptionalInt;

/**
 * Power-of-two requantizer {@code q = clamp(R((acc + bias) / 2^k))}.
 *
 * @param accBits signed accumulator width
 * @param out output format
 * @param rounding the rounding rule R
 * @param shift the constant k, or empty for a run-time {@code shift} input
 * @param bias whether a {@code bias} input (accumulator-wide) is added first
 * @param pipeline registered stages
 * @param floorScheme name the scheme {@code floor} (the truncation baseline) rather than shift-round
 * @param channelShifts per-output-channel constant shifts, selected by a {@code channel} input
 *     (empty: per-tensor); a channel index past the table selects its last entry
 */
public record ShiftRoundSpec(int accBits, OutputSpec out, Rounding rounding, OptionalInt shift, boolean bias, int pipeline,
    boolean floorScheme, java.util.List<Integer> channelShifts)
    implements QuantizerSpec {
  public ShiftRoundSpec(int accBits, OutputSpec out, Rounding rounding, OptionalInt shift, boolean bias, int pipeline, boolean floorScheme) {
    this(accBits, out, rounding, shift, bias, pipeline, floorScheme, java.util.List.of());
  }

  public ShiftRoundSpec {
    channelShifts = java.util.List.copyOf(channelShifts);
    if (!channelShifts.isEmpty() && shift.isPresent()) {
      throw new IllegalArgumentException("shift-round: give a per-tensor shift or per-channel shifts, not both");
    }
    for (int k : channelShifts) {
      if (k < 0 || k >= accBits) {
        throw new IllegalArgumentException("shift-round: channel shift " + k + " is outside 0.." + (accBits - 1));
      }
    }
    QuantizerSpec.checkCommon(floorScheme ? "floor" : "shift-round", accBits, out, pipeline);
    if (floorScheme && rounding != Rounding.FLOOR) {
      throw new IllegalArgumentException("floor: the floor scheme is shift-round with floor rounding, not " + rounding.cliName());
    }
    if (shift.isPresent() && (shift.getAsInt() < 0 || shift.getAsInt() >= accBits)) {
      throw new IllegalArgumentException("shift-round: shift " + shift.getAsInt() + " is outside 0.." + (accBits - 1)
          + " (k must be below the accumulator width " + accBits + ")");
    }
  }

  /** Bits of the {@code channel} input of a per-channel table. */
  public int channelBits() {
    return Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, channelShifts.size() - 1)));
  }

  /** Bits of the run-time shift input: enough for every k below the accumulator width. */
  public int shiftBits() {
    return Math.max(1, 32 - Integer.numberOfLeadingZeros(accBits - 1));
  }

  /** The shift k: a constant, a run-time input or a per-channel table; the bias. */
  @Override
  public java.util.List<Param> params() {
    Param k = !channelShifts.isEmpty()
        ? Param.table("shift", Param.Role.SHIFT, shiftBits(), false, "k", channelShifts.stream().map(Integer::longValue).toList())
        : Param.of("shift", Param.Role.SHIFT, shiftBits(), false, "k", shift.isPresent() ? java.util.OptionalLong.of(shift.getAsInt())
            : java.util.OptionalLong.empty());
    return QuantizerSpec.withBias(java.util.List.of(k), bias, accBits);
  }

  @Override
  public String scheme() {
    return floorScheme ? "floor" : "shift-round";
  }

  @Override
  public String moduleName() {
    Param k = params().get(0);
    String kTag = k.isTable() ? "_kc" + channelShifts.size() + "_" + Integer.toHexString(channelShifts.hashCode()) : k.nameTag();
    String r = floorScheme ? "" : "_" + rounding.cliName().replace('-', '_');
    return "requant_" + scheme().replace('-', '_') + "_a" + accBits + "_" + out.tag() + r + kTag
        + (bias ? "_bias" : "") + QuantizerSpec.pipeTag(pipeline);
  }
}
