package dev.qrtl.gen.quant;

import dev.qrtl.spec.TfliteSpec;
import dev.qrtl.core.Expr;
import dev.qrtl.gen.ParamSignals;
import dev.qrtl.spec.Param;
import dev.qrtl.core.HwType;
import dev.qrtl.core.Module;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.core.Signal;
import dev.qrtl.spec.Rounding;

/**
 * The TFLite fixed-point multiplier. Double rounding: a left shifter (wrapping at 32 bits), a
 * 32 x 32 signed multiplier, the high half rounded as {@code (ab + 2^30) >> 31} (equal to SRDHM's
 * nudge-and-truncate form, proved in docs/schemes.md) with the one saturating case, then a
 * rounding right shift with ties away from zero (RDBPOT). Single rounding: the 64-bit product
 * shifted right by {@code 31 - shift} with ties toward +infinity. Then zero point and clamp.
 */
public final class TfliteGenerator {
  private static final HwType S32 = HwType.s(32);

  private TfliteGenerator() {}

  public static Module generate(TfliteSpec spec) {
    return generate(spec, Structure.LEAN);
  }

  /** The design in the given structure (the plain one only for equivalence proofs). */
  public static Module generate(TfliteSpec spec, Structure structure) {
    ModuleBuilder m = new ModuleBuilder(structure.moduleName(spec.moduleName()))
        .description("TFLite fixed-point requantizer (" + (spec.single() ? "single" : "double")
            + " rounding): q = clamp(MBQM(acc" + (spec.bias() ? " + bias" : "") + ", M0, shift) + zp)");
    ParamSignals ps = new ParamSignals(m, spec.channelBits());
    java.util.List<Param> params = spec.params();
    m.param("scheme", spec.scheme())
        .param("acc_bits", spec.accBits())
        .param("out_bits", spec.out().bits())
        .param("out_signed", spec.out().signed())
        .param("m0", params.get(0).header())
        .param("shift", params.get(1).header())
        .param("zero_point", params.get(2).header())
        .param("bias", spec.bias())
        .param("relu", spec.out().relu())
        .param("saturate", spec.out().saturate())
        .param("pipeline", spec.pipeline());
    Signal acc = m.input("acc", HwType.s(spec.accBits()));
    Expr x = acc.extend(32);
    if (spec.bias()) {
      x = m.wire("sum", x.add(ps.of(params.get(3))).truncate(32)); // int32 wraps
    }
    // per-channel constants are a small table before the run-time datapath
    Expr m0 = ps.of(params.get(0));
    Expr shift = ps.of(params.get(1));
    Quotient scaled = spec.single() ? single(m, x, m0, shift, spec, structure) : doubleRounding(m, x, m0, shift, spec, structure);
    Expr zp = ps.of(params.get(2));
    OutputStage.finishQuotient(structure, m, scaled, zp, spec.out(), spec.pipeline());
    return m.build();
  }

  private static Quotient doubleRounding(ModuleBuilder m, Expr x, Expr m0, Expr shift, TfliteSpec spec, Structure structure) {
    m.stage("left shift (wraps at 32 bits)");
    Expr zero6 = Expr.lit(0, HwType.s(TfliteSpec.SHIFT_BITS));
    Expr left;
    Expr right;
    if (spec.shift().isPresent()) {
      int s = spec.shift().getAsInt();
      left = Expr.lit(Math.max(s, 0), HwType.u(5));
      right = Expr.lit(Math.max(-s, 0), HwType.u(6));
    } else {
      Expr negative = m.wire("shift_negative", shift.lt(zero6));
      left = m.wire("left_shift", negative.select(zero6, shift).asUnsigned().truncate(5));
      right = m.wire("right_shift", negative.select(shift.neg(), Expr.lit(0, HwType.s(7))).asUnsigned().truncate(6));
    }
    Expr shifted = spec.shift().isPresent()
        ? x.shl(Math.max(spec.shift().getAsInt(), 0)).truncate(32)
        : x.shl(left).truncate(32);
    Expr xl = m.wire("x_shifted", shifted);
    m.stage("SRDHM: rounding doubling high multiply");
    Expr product = m.wire("product", xl.mul(m0));
    // (ab + 2^30) >> 31 is the floor of ab / 2^31 plus bit 30: an incrementer, not a 64-bit adder.
    Expr high = structure == Structure.LEAN
        ? RoundingShift.constant(product, 31, Rounding.HALF_UP).truncate(32)
        : product.add(Expr.lit(1L << 30, HwType.s(32))).shr(31).truncate(32);
    Expr intMin = Expr.lit(Integer.MIN_VALUE, S32);
    Expr saturates = xl.eq(intMin).and(m0.eq(intMin));
    Expr srdhm = m.wire("srdhm", saturates.select(Expr.lit(Integer.MAX_VALUE, S32), high));
    return spec.shift().isPresent()
        ? RoundingShift.divideConstant(structure, srdhm, Math.max(-spec.shift().getAsInt(), 0), Rounding.HALF_AWAY)
        : RoundingShift.divideVariable(structure, srdhm, right, Rounding.HALF_AWAY);
  }

  private static Quotient single(ModuleBuilder m, Expr x, Expr m0, Expr shift, TfliteSpec spec, Structure structure) {
    m.stage("64-bit product");
    Expr product = m.wire("product", x.mul(m0));
    if (spec.shift().isPresent()) {
      return RoundingShift.divideConstant(structure, product, 31 - spec.shift().getAsInt(), Rounding.HALF_UP);
    }
    // t = 31 - shift, in 1..62 for the valid shifts -31..30.
    Expr t = m.wire("total_shift", Expr.lit(31, HwType.s(6)).sub(shift).asUnsigned().truncate(6));
    return RoundingShift.divideVariable(structure, product, t, Rounding.HALF_UP);
  }
}
