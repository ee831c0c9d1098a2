package dev.qrtl.gen.quant;

import dev.qrtl.core.Expr;
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
    m.param("scheme", spec.scheme())
        .param("acc_bits", spec.accBits())
        .param("out_bits", spec.out().bits())
        .param("out_signed", spec.out().signed())
        .param("m_bits", spec.mBits())
        .param("rounding", spec.rounding().cliName())
        .param("multiplier", spec.multiplier().isPresent() ? Long.toString(spec.multiplier().getAsLong())
            : spec.channels().isEmpty() ? "runtime" : "per-channel " + spec.channels().stream().map(c -> Long.toString(c[0])).toList())
        .param("shift", spec.shift().isPresent() ? Integer.toString(spec.shift().getAsInt())
            : spec.channels().isEmpty() ? "runtime" : "per-channel " + spec.channels().stream().map(c -> Long.toString(c[1])).toList())
        .param("zero_point", spec.zeroPoint().isPresent() ? Long.toString(spec.zeroPoint().getAsLong()) : "runtime")
        .param("bias", spec.bias())
        .param("relu", spec.out().relu())
        .param("saturate", spec.out().saturate())
        .param("pipeline", spec.pipeline());
    Signal acc = m.input("acc", HwType.s(spec.accBits()));
    Expr x = spec.bias() ? m.wire("sum", acc.add(m.input("bias", HwType.s(spec.accBits())))) : acc;
    HwType mt = HwType.u(spec.mBits());
    HwType st = HwType.u(spec.shiftBits());
    Expr multiplier;
    Expr shift = null;
    if (!spec.channels().isEmpty()) {
      Signal channel = m.input("channel", HwType.u(spec.channelBits()));
      multiplier = m.wire("channel_multiplier", ChannelTable.lookup(channel, spec.channels().stream().map(c -> c[0]).toList(), mt));
      shift = m.wire("channel_shift", ChannelTable.lookup(channel, spec.channels().stream().map(c -> c[1]).toList(), st));
    } else {
      multiplier = spec.multiplier().isPresent() ? Expr.lit(spec.multiplier().getAsLong(), mt) : m.input("multiplier", mt);
      if (spec.shift().isEmpty()) {
        shift = m.input("shift", st);
      }
    }
    Expr product = m.wire("product", x.mul(multiplier.toSigned()));
    Quotient scaled = shift == null
        ? RoundingShift.divideConstant(structure, product, spec.shift().getAsInt(), spec.rounding())
        : RoundingShift.divideVariable(structure, product, shift, spec.rounding());
    Expr zp = spec.zeroPoint().isPresent()
        ? Expr.lit(spec.zeroPoint().getAsLong(), HwType.s(spec.zeroPointBits()))
        : m.input("zero_point", HwType.s(spec.zeroPointBits()));
    OutputStage.finishQuotient(structure, m, scaled, zp, spec.out(), spec.pipeline());
    return m.build();
  }
}
