package dev.qrtl.gen.quant;

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
 */
public record ShiftRoundSpec(int accBits, OutputSpec out, Rounding rounding, OptionalInt shift, boolean bias, int pipeline, boolean floorScheme)
    implements QuantizerSpec {
  public ShiftRoundSpec {
    QuantizerSpec.checkCommon(floorScheme ? "floor" : "shift-round", accBits, out, pipeline);
    if (floorScheme && rounding != Rounding.FLOOR) {
      throw new IllegalArgumentException("floor: the floor scheme is shift-round with floor rounding, not " + rounding.cliName());
    }
    if (shift.isPresent() && (shift.getAsInt() < 0 || shift.getAsInt() >= accBits)) {
      throw new IllegalArgumentException("shift-round: shift " + shift.getAsInt() + " is outside 0.." + (accBits - 1)
          + " (k must be below the accumulator width " + accBits + ")");
    }
  }

  /** Bits of the run-time shift input: enough for every k below the accumulator width. */
  public int shiftBits() {
    return Math.max(1, 32 - Integer.numberOfLeadingZeros(accBits - 1));
  }

  @Override
  public String scheme() {
    return floorScheme ? "floor" : "shift-round";
  }

  @Override
  public String moduleName() {
    String k = shift.isPresent() ? "k" + shift.getAsInt() : "krt";
    String r = floorScheme ? "" : "_" + rounding.cliName().replace('-', '_');
    return "requant_" + scheme().replace('-', '_') + "_a" + accBits + "_" + out.tag() + r + "_" + k
        + (bias ? "_bias" : "") + QuantizerSpec.pipeTag(pipeline);
  }
}
