package dev.qrtl.gen.quant;

import dev.qrtl.spec.ShiftRoundSpec;
import dev.qrtl.core.Expr;
import dev.qrtl.gen.ParamSignals;
import dev.qrtl.spec.Param;
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
    ParamSignals ps = new ParamSignals(m, spec.channelBits());
    Param k = Param.withRole(spec.params(), Param.Role.SHIFT).orElseThrow();
    m.param("scheme", spec.scheme())
        .param("acc_bits", spec.accBits())
        .param("out_bits", spec.out().bits())
        .param("out_signed", spec.out().signed())
        .param("rounding", spec.rounding().cliName())
        .param("shift", k.header())
        .param("bias", spec.bias())
        .param("relu", spec.out().relu())
        .param("saturate", spec.out().saturate())
        .param("pipeline", spec.pipeline());
    Signal acc = m.input("acc", HwType.s(spec.accBits()));
    Expr x = acc;
    if (spec.bias()) {
      m.stage("bias");
      x = m.wire("sum", acc.add(ps.of(Param.withRole(spec.params(), Param.Role.BIAS).orElseThrow())));
    }
    Quotient rounded;
    if (k.isConst()) {
      rounded = RoundingShift.divideConstant(structure, x, (int) k.constant(), spec.rounding());
    } else {
      rounded = RoundingShift.divideVariable(structure, x, ps.of(k), spec.rounding());
    }
    OutputStage.finishQuotient(structure, m, rounded, null, spec.out(), spec.pipeline());
    return m.build();
  }
}
