package dev.qrtl.gen.quant;

import dev.qrtl.spec.TfliteSpec;
import dev.qrtl.core.Expr;
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
    ModuleBuilder m = new ModuleBuilder(spec.moduleName())
        .description("TFLite fixed-point requantizer (" + (spec.single() ? "single" : "double")
            + " rounding): q = clamp(MBQM(acc" + (spec.bias() ? " + bias" : "") + ", M0, shift) + zp)");
    m.param("scheme", spec.scheme())
        .param("acc_bits", spec.accBits())
        .param("out_bits", spec.out().bits())
        .param("out_signed", spec.out().signed())
        .param("m0", spec.m0().isPresent() ? Integer.toString(spec.m0().getAsInt())
            : spec.channelMultipliers().isEmpty() ? "runtime"
            : "per-channel " + spec.channelMultipliers().stream().map(c -> Integer.toString(c[0])).toList())
        .param("shift", spec.shift().isPresent() ? Integer.toString(spec.shift().getAsInt())
            : spec.channelMultipliers().isEmpty() ? "runtime"
            : "per-channel " + spec.channelMultipliers().stream().map(c -> Integer.toString(c[1])).toList())
        .param("zero_point", spec.zeroPoint().isPresent() ? Long.toString(spec.zeroPoint().getAsLong()) : "runtime")
        .param("bias", spec.bias())
        .param("relu", spec.out().relu())
        .param("saturate", spec.out().saturate())
        .param("pipeline", spec.pipeline());
    Signal acc = m.input("acc", HwType.s(spec.accBits()));
    Expr x = acc.extend(32);
    if (spec.bias()) {
      x = m.wire("sum", x.add(m.input("bias", S32)).truncate(32)); // int32 wraps
    }
    Expr m0;
    Expr shift;
    if (!spec.channelMultipliers().isEmpty()) {
      // Per-channel constants: a small table, then the run-time datapath.
      Signal channel = m.input("channel", HwType.u(spec.channelBits()));
      m0 = m.wire("channel_m0", ChannelTable.lookup(channel,
          spec.channelMultipliers().stream().map(c -> (long) c[0]).toList(), S32));
      shift = m.wire("channel_shift", ChannelTable.lookup(channel,
          spec.channelMultipliers().stream().map(c -> (long) c[1]).toList(), HwType.s(TfliteSpec.SHIFT_BITS)));
    } else {
      m0 = spec.m0().isPresent() ? Expr.lit(spec.m0().getAsInt(), S32) : m.input("m0", S32);
      shift = spec.shift().isPresent()
          ? Expr.lit(spec.shift().getAsInt(), HwType.s(TfliteSpec.SHIFT_BITS))
          : m.input("shift", HwType.s(TfliteSpec.SHIFT_BITS));
    }
    Expr scaled = spec.single() ? single(m, x, m0, shift, spec) : doubleRounding(m, x, m0, shift, spec);
    Expr zp = spec.zeroPoint().isPresent()
        ? Expr.lit(spec.zeroPoint().getAsLong(), HwType.s(spec.zeroPointBits()))
        : m.input("zero_point", HwType.s(spec.zeroPointBits()));
    OutputStage.finish(m, m.wire("with_zp", scaled.add(zp)), spec.out(), spec.pipeline());
    return m.build();
  }

  private static Expr doubleRounding(ModuleBuilder m, Expr x, Expr m0, Expr shift, TfliteSpec spec) {
    Expr zero6 = Expr.lit(0, HwType.s(TfliteSpec.SHIFT_BITS));
    Expr left;
    Expr right;
    if (spec.shift().isPresent()) {
      int s = spec.shift().getAsInt();
      left = Expr.lit(Math.max(s, 0), HwType.u(5));
      right = Expr.lit(Math.max(-s, 0), HwType.u(6));
    } else {
      Expr negative = shift.lt(zero6);
      left = m.wire("left_shift", negative.select(zero6, shift).asUnsigned().truncate(5));
      right = m.wire("right_shift", negative.select(shift.neg(), Expr.lit(0, HwType.s(7))).asUnsigned().truncate(6));
    }
    Expr shifted = spec.shift().isPresent()
        ? x.shl(Math.max(spec.shift().getAsInt(), 0)).truncate(32)
        : x.shl(left).truncate(32);
    Expr xl = m.wire("x_shifted", shifted);
    Expr product = m.wire("product", xl.mul(m0));
    Expr high = product.add(Expr.lit(1L << 30, HwType.s(32))).shr(31).truncate(32);
    Expr intMin = Expr.lit(Integer.MIN_VALUE, S32);
    Expr saturates = xl.eq(intMin).and(m0.eq(intMin));
    Expr srdhm = m.wire("srdhm", saturates.select(Expr.lit(Integer.MAX_VALUE, S32), high));
    Expr rdbpot = spec.shift().isPresent()
        ? RoundingShift.constant(srdhm, Math.max(-spec.shift().getAsInt(), 0), Rounding.HALF_AWAY)
        : RoundingShift.variable(srdhm, right, Rounding.HALF_AWAY);
    return m.wire("scaled", rdbpot);
  }

  private static Expr single(ModuleBuilder m, Expr x, Expr m0, Expr shift, TfliteSpec spec) {
    Expr product = m.wire("product", x.mul(m0));
    if (spec.shift().isPresent()) {
      return m.wire("scaled", RoundingShift.constant(product, 31 - spec.shift().getAsInt(), Rounding.HALF_UP));
    }
    // t = 31 - shift, in 1..62 for the valid shifts -31..30.
    Expr t = m.wire("total_shift", Expr.lit(31, HwType.s(6)).sub(shift).asUnsigned().truncate(6));
    return m.wire("scaled", RoundingShift.variable(product, t, Rounding.HALF_UP));
  }
}
