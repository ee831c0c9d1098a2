package dev.qrtl.gen.quant;

import dev.qrtl.spec.OutputSpec;
import dev.qrtl.core.Expr;
import dev.qrtl.core.HwType;
import dev.qrtl.core.Lit;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.core.Signal;
import java.math.BigInteger;

/**
 * What every requantizer ends with: the pipeline registers (placed just before the clamp), then
 * ReLU and saturation (or wrapping) into the b-bit output {@code q}.
 */
final class OutputStage {
  private OutputStage() {}

  /** Registers {@code value} {@code stages} times; sets the module latency. */
  static Expr pipeline(ModuleBuilder m, Expr value, int stages) {
    m.latency(stages);
    Expr v = value;
    for (int i = 0; i < stages; i++) {
      Signal r = m.reg("stage" + i + "_q", v.type());
      m.next(r, v);
      v = r;
    }
    return v;
  }

  /** Drives output {@code q} from the signed exact {@code value}. */
  static void finish(ModuleBuilder m, Expr value, OutputSpec out, int stages) {
    Expr v = pipeline(m, value, stages);
    Expr q = out.saturate() ? saturate(v, out) : wrap(v, out);
    m.assign(m.output("q", new HwType(out.bits(), out.signed())), q);
  }

  /** Drives {@code q} from a signed value that is always in the output range: no clamp. */
  static void finishInRange(ModuleBuilder m, Expr value, OutputSpec out, int stages) {
    Expr v = pipeline(m, value, stages);
    m.assign(m.output("q", new HwType(out.bits(), out.signed())), inRange(v, out));
  }

  private static Expr saturate(Expr v, OutputSpec out) {
    BigInteger lo = out.relu() ? out.min().max(BigInteger.ZERO) : out.min();
    Lit loLit = Expr.lit(lo, HwType.fitting(lo, lo, true));
    Lit hiLit = Expr.lit(out.max(), HwType.fitting(out.max(), out.max(), true));
    Expr clamped = v.lt(loLit).select(loLit, v.gt(hiLit).select(hiLit, v));
    return inRange(clamped, out);
  }

  private static Expr wrap(Expr v, OutputSpec out) {
    Expr x = out.relu() ? v.lt(Expr.lit(0, HwType.s(1))).select(Expr.lit(0, HwType.s(1)), v) : v;
    Expr bits = x.width() >= out.bits() ? x.truncate(out.bits()) : x.extend(out.bits());
    return out.signed() ? bits : bits.asUnsigned();
  }

  /** A signed value known to lie in the output range, as the output type. */
  private static Expr inRange(Expr v, OutputSpec out) {
    int w = out.signed() ? out.bits() : out.bits() + 1;
    Expr sized = v.width() >= w ? v.truncate(w) : v.extend(w);
    return out.signed() ? sized : sized.asUnsigned().truncate(out.bits());
  }
}
