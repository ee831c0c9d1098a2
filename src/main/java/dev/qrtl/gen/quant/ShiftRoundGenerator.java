package dev.qrtl.gen.quant;

import dev.qrtl.spec.ShiftRoundSpec;
import dev.qrtl.core.Expr;
import dev.qrtl.core.HwType;
import dev.qrtl.core.Module;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.core.Signal;

/**
 * The power-of-two requantizer: an optional bias adder, an arithmetic shifter (wired for a
 * constant k, a barrel shifter for a run-time k), a few gates for the rounding increment, one
 * incrementer, and the clamp. No multiplier.
 */
public final class ShiftRoundGenerator {
  private ShiftRoundGenerator() {}

  public static Module generate(ShiftRoundSpec spec) {
    return generate(spec, Structure.LEAN);
  }

  /** The design in the given structure (the plain one only for equivalence proofs). */
  public static Module generate(ShiftRoundSpec spec, Structure structure) {
    ModuleBuilder m = new ModuleBuilder(structure.moduleName(spec.moduleName()))
        .description((spec.floorScheme() ? "floor (truncating) " : "") + "power-of-two requantizer: q = clamp(R((acc"
            + (spec.bias() ? " + bias" : "") + ") / 2^k))");
    m.param("scheme", spec.scheme())
        .param("acc_bits", spec.accBits())
        .param("out_bits", spec.out().bits())
        .param("out_signed", spec.out().signed())
        .param("rounding", spec.rounding().cliName())
        .param("shift", spec.shift().isPresent() ? Integer.toString(spec.shift().getAsInt())
            : spec.channelShifts().isEmpty() ? "runtime" : "per-channel " + spec.channelShifts())
        .param("bias", spec.bias())
        .param("relu", spec.out().relu())
        .param("saturate", spec.out().saturate())
        .param("pipeline", spec.pipeline());
    Signal acc = m.input("acc", HwType.s(spec.accBits()));
    Expr x = acc;
    if (spec.bias()) {
      m.stage("bias");
      x = m.wire("sum", acc.add(m.input("bias", HwType.s(spec.accBits()))));
    }
    Quotient rounded;
    if (spec.shift().isPresent()) {
      rounded = RoundingShift.divideConstant(structure, x, spec.shift().getAsInt(), spec.rounding());
    } else if (!spec.channelShifts().isEmpty()) {
      Signal channel = m.input("channel", HwType.u(spec.channelBits()));
      Expr k = m.wire("channel_shift", ChannelTable.lookup(channel,
          spec.channelShifts().stream().map(Integer::longValue).toList(), HwType.u(spec.shiftBits())));
      rounded = RoundingShift.divideVariable(structure, x, k, spec.rounding());
    } else {
      rounded = RoundingShift.divideVariable(structure, x, m.input("shift", HwType.u(spec.shiftBits())), spec.rounding());
    }
    OutputStage.finishQuotient(structure, m, rounded, null, spec.out(), spec.pipeline());
    return m.build();
  }
}
