package dev.qrtl.gen.quant;

import dev.qrtl.core.Expr;
import dev.qrtl.core.HwType;
import dev.qrtl.core.Module;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.core.Signal;
import dev.qrtl.spec.OutputSpec;
import dev.qrtl.spec.Param;
import dev.qrtl.spec.ResidualAddSpec;
import dev.qrtl.spec.Rounding;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Residual-add units, one datapath per scheme, from the same parts as the requantizers: each
 * input less its zero point (a subtractor), then
 *
 * <ul>
 *   <li>shift-round: two left shifters (4-bit amounts), one adder, one rounding right shift;
 *   <li>tflite: each difference moved up 20 bits (wiring), through a 32 x 32 SRDHM and a rounding
 *       right shift (RDBPOT), the sum through a third SRDHM and RDBPOT: three multipliers, as
 *       TFLite's int8 Add;
 *   <li>dyadic: two (bits + 1) x m multipliers, one adder, one rounding right shift;
 *   <li>fp32-scale: two int-times-binary32 products rounded to binary32, a binary32 adder, and
 *       float to integer (ties to even);
 * </ul>
 *
 * then the output zero point and saturation to the output type ({@code q}).
 */
public final class ResidualAddGenerator {
  private ResidualAddGenerator() {}

  public static Module generate(ResidualAddSpec spec) {
    ModuleBuilder m = new ModuleBuilder(spec.moduleName())
        .description(spec.scheme().cliName() + " residual add: q = clamp(round((s_a (a - za) + s_b (b - zb)) / s_y) + zy)");
    m.param("scheme", spec.scheme().cliName())
        .param("bits", spec.bits())
        .param("signed", spec.signed())
        .param("rounding", spec.rounding().cliName());
    if (spec.scheme() == ResidualAddSpec.AddScheme.DYADIC) {
      m.param("m_bits", spec.mBits());
    }
    HwType data = new HwType(spec.bits(), spec.signed());
    Signal a = m.input("a", data);
    Signal b = m.input("b", data);
    Map<String, Signal> p = new LinkedHashMap<>();
    for (Param q : spec.params()) {
      p.put(q.name(), m.input(q.name(), new HwType(q.bits(), q.signed())));
    }
    m.stage("inputs less their zero points");
    Expr da = m.wire("da", a.sub(p.get("za")));
    Expr db = m.wire("db", b.sub(p.get("zb")));
    Expr zy = p.get("zy").toSigned();
    OutputSpec out = new OutputSpec(spec.bits(), spec.signed(), false, true);
    switch (spec.scheme()) {
      case SHIFT_ROUND -> {
        m.stage("aligning shifts and the sum");
        Expr sum = m.wire("sum", da.shl(p.get("la")).add(db.shl(p.get("lb"))));
        OutputStage.finishQuotient(Structure.LEAN, m, RoundingShift.divideVariable(Structure.LEAN, sum, p.get("k"), spec.rounding()), zy,
            out, 0);
      }
      case DYADIC -> {
        m.stage("two multipliers and the sum");
        Expr sum = m.wire("sum", da.mul(p.get("ma").toSigned()).add(db.mul(p.get("mb").toSigned())));
        OutputStage.finishQuotient(Structure.LEAN, m, RoundingShift.divideVariable(Structure.LEAN, sum, p.get("k"), spec.rounding()), zy,
            out, 0);
      }
      case TFLITE -> {
        int left = ResidualAddSpec.TFLITE_LEFT_SHIFT;
        Expr sa = m.wire("scaled_a", scale(m, "a", da.shl(left), p.get("ma"), p.get("ra")).value());
        Expr sb = m.wire("scaled_b", scale(m, "b", db.shl(left), p.get("mb"), p.get("rb")).value());
        Expr raw = m.wire("raw_sum", sa.add(sb));
        OutputStage.finishQuotient(Structure.LEAN, m, scale(m, "y", raw, p.get("my"), p.get("ry")), zy, out, 0);
      }
      case FP32_SCALE -> ResidualAddFp32.finish(m, da, db, p.get("fa"), p.get("fb"), zy, out);
      default -> throw new AssertionError(spec.scheme());
    }
    return m.build();
  }

  /**
   * MultiplyByQuantizedMultiplierSmallerThanOneExp: {@code RDBPOT(SRDHM(x, m), r)}. SRDHM's one
   * saturating case needs x = -2^31, which no input here reaches (|x| < 2^30), so it is the product's
   * high half rounded as {@code (x m + 2^30) >> 31} (docs/schemes.md shows it equal to SRDHM's
   * nudge-and-truncate form).
   */
  private static Quotient scale(ModuleBuilder m, String name, Expr x, Expr multiplier, Expr right) {
    m.stage("SRDHM and RDBPOT of " + name);
    Expr product = m.wire("product_" + name, x.mul(multiplier));
    Expr rounded = RoundingShift.constant(product, 31, Rounding.HALF_UP); // |value| < 2^30: 32 bits hold it
    Expr high = m.wire("srdhm_" + name, rounded.width() > 32 ? rounded.truncate(32) : rounded.extend(32));
    return RoundingShift.divideVariable(Structure.LEAN, high, right, Rounding.HALF_AWAY);
  }
}
