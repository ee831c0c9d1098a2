package dev.qrtl.gen.quant;

import dev.qrtl.core.Expr;
import dev.qrtl.gen.ParamSignals;
import dev.qrtl.spec.Param;
import dev.qrtl.core.HwType;
import dev.qrtl.core.Module;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.core.Signal;
import dev.qrtl.spec.DyadicSpec;

/**
 * The m-bit dyadic requantizer: an optional exact bias adder, an (A + 1) x m multiplier (the
 * multiplier is an unsigned m-bit value, so the product is sized to m bits, not 32), the rounding
 * shift of the exact product by s (wired for a constant s, a barrel shifter for a run-time one),
 * the zero point and the clamp.
 */
public final class DyadicGenerator {
  private DyadicGenerator() {}

  public static Module generate(DyadicSpec spec) {
    return generate(spec, Structure.LEAN);
  }

  /** The design in the given structure (the plain one only for equivalence proofs). */
  public static Module generate(DyadicSpec spec, Structure structure) {
    ModuleBuilder m = new ModuleBuilder(structure.moduleName(spec.moduleName()))
        .description(spec.mBits() + "-bit dyadic requantizer: q = clamp(R((acc" + (spec.bias() ? " + bias" : "") + ") * M / 2^s) + zp)");
    ParamSignals ps = new ParamSignals(m, spec.channelBits());
    java.util.List<Param> params = spec.params();
    m.param("scheme", spec.scheme())
        .param("acc_bits", spec.accBits())
        .param("out_bits", spec.out().bits())
        .param("out_signed", spec.out().signed())
        .param("m_bits", spec.mBits())
        .param("rounding", spec.rounding().cliName())
        .param("multiplier", params.get(0).header())
        .param("shift", params.get(1).header())
        .param("zero_point", params.get(2).header())
        .param("bias", spec.bias())
        .param("relu", spec.out().relu())
        .param("saturate", spec.out().saturate())
        .param("pipeline", spec.pipeline());
    Signal acc = m.input("acc", HwType.s(spec.accBits()));
    Expr x = spec.bias() ? m.wire("sum", acc.add(ps.of(params.get(3)))) : acc;
    Expr multiplier = ps.of(params.get(0));
    Expr shift = params.get(1).isConst() ? null : ps.of(params.get(1));
    Expr product = m.wire("product", x.mul(multiplier.toSigned()));
    Quotient scaled = shift == null
        ? RoundingShift.divideConstant(structure, product, (int) params.get(1).constant(), spec.rounding())
        : RoundingShift.divideVariable(structure, product, shift, spec.rounding());
    Expr zp = ps.of(params.get(2));
    OutputStage.finishQuotient(structure, m, scaled, zp, spec.out(), spec.pipeline());
    return m.build();
  }
}
