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
    m.stage(out.saturate() ? "saturation" : "wrap to the output width");
    Expr v = pipeline(m, value, stages);
    Expr q = out.saturate() ? saturate(v, out) : wrap(v, out);
    m.assign(m.output("q", new HwType(out.bits(), out.signed())), q);
  }

  /**
   * Drives {@code q} from {@code quotient + offset} (offset may be null), deciding saturation on a
   * window: with w the narrowest width for which a floor outside the w-bit range is out of the
   * output range on the same side whatever the small addends are, the unit adds the increment and
   * the offset to the floor's low w bits only, clamps that narrow sum, and takes the bound given
   * by the sign when the floor does not fit. Exact for every input (docs/schemes.md); the pipeline
   * registers hold the window (sum, fits, sign), not the wide value.
   */
  static void finishQuotient(Structure structure, ModuleBuilder m, Quotient quotient, Expr offset, OutputSpec out, int stages) {
    Expr floor = quotient.floor();
    BigInteger lo = lowBound(out);
    BigInteger hi = out.max();
    Expr increment = quotient.increment();
    BigInteger addLo = increment.type().min().add(offset == null ? BigInteger.ZERO : offset.type().min());
    BigInteger addHi = increment.type().max().add(offset == null ? BigInteger.ZERO : offset.type().max());
    int w = windowBits(lo, hi, addLo, addHi);
    if (structure == Structure.PLAIN || !out.saturate() || w >= floor.width()) {
      Expr whole = quotient.value();
      finish(m, m.wire(offset == null ? "rounded" : "with_zp", offset == null ? whole : whole.add(offset)), out, stages);
      return;
    }
    m.stage("saturation on a " + w + "-bit window");
    Expr window = floor.slice(w - 1, 0).asSigned().add(increment.toSigned());
    Expr sum = m.wire("window_sum", offset == null ? window : window.add(offset));
    Expr fits = m.wire("fits_window", quotient.fitsIn().apply(w));
    Expr sign = quotient.sign();
    m.latency(stages);
    for (int i = 0; i < stages; i++) {
      sum = registered(m, "stage" + i + "_sum", sum);
      fits = registered(m, "stage" + i + "_fits", fits);
      sign = registered(m, "stage" + i + "_sign", sign);
    }
    Lit loLit = Expr.lit(lo, HwType.fitting(lo, lo, true));
    Lit hiLit = Expr.lit(hi, HwType.fitting(hi, hi, true));
    // The narrow sum lies in [-2^(w-1) + addLo, 2^(w-1) - 1 + addHi]: compare only a bound it can cross.
    BigInteger sumLo = BigInteger.ONE.shiftLeft(w - 1).negate().add(addLo);
    BigInteger sumHi = BigInteger.ONE.shiftLeft(w - 1).subtract(BigInteger.ONE).add(addHi);
    Expr clamped = sum;
    if (hi.compareTo(sumHi) < 0) {
      clamped = sum.gt(hiLit).select(hiLit, clamped);
    }
    if (lo.compareTo(sumLo) > 0) {
      clamped = sum.lt(loLit).select(loLit, clamped);
    }
    Expr outside = m.wire("bound", sign.select(loLit, hiLit)); // where a floor outside the window saturates
    Expr saturated = m.wire("saturated", fits.select(clamped, outside));
    m.assign(m.output("q", new HwType(out.bits(), out.signed())), inRange(saturated, out));
  }

  /**
   * The narrowest w such that a floor f >= 2^(w-1) gives f + d >= hi and a floor f < -2^(w-1)
   * gives f + d <= lo for every addend d in [addLo, addHi]: outside the window the clamped result
   * is the bound on the floor's side, as the full-width clamp would give.
   */
  static int windowBits(BigInteger lo, BigInteger hi, BigInteger addLo, BigInteger addHi) {
    for (int w = 2; ; w++) {
      BigInteger half = BigInteger.ONE.shiftLeft(w - 1);
      boolean above = half.add(addLo).compareTo(hi) >= 0;
      boolean below = half.negate().subtract(BigInteger.ONE).add(addHi).compareTo(lo) <= 0;
      if (above && below) {
        return w;
      }
    }
  }

  private static Expr registered(ModuleBuilder m, String name, Expr value) {
    Signal r = m.reg(name, value.type());
    m.next(r, value);
    return r;
  }

  private static BigInteger lowBound(OutputSpec out) {
    return out.relu() ? out.min().max(BigInteger.ZERO) : out.min();
  }

  /** Drives {@code q} from a signed value that is always in the output range: no clamp. */
  static void finishInRange(ModuleBuilder m, Expr value, OutputSpec out, int stages) {
    Expr v = pipeline(m, value, stages);
    m.assign(m.output("q", new HwType(out.bits(), out.signed())), inRange(v, out));
  }

  private static Expr saturate(Expr v, OutputSpec out) {
    BigInteger lo = lowBound(out);
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
