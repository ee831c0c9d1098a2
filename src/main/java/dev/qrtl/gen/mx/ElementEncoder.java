package dev.qrtl.gen.mx;

import dev.qrtl.core.Expr;
import dev.qrtl.core.HwType;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.gen.Arith;
import dev.qrtl.spec.BlockQuantizerSpec;
import dev.qrtl.spec.MxFormat;
import dev.qrtl.spec.NumberFormat;
import dev.qrtl.spec.Rounding;

/**
 * One element's code from its magnitude already divided by the shared scale and counted in quanta
 * (the element's smallest step): the integer part {@code t}, the first bit below it {@code g} and
 * whether anything further below is set {@code st}. For a float element the leading one of
 * {@code t} sets the exponent: {t, g} is normalised (the shift stops at the subnormal range, so a
 * subnormal keeps its bits where they are), the mantissa, round bit and sticky bit are fixed
 * slices, and the rounding increment is added to {exponent, mantissa} as one integer, so that a
 * carry out of the mantissa moves the exponent up (subnormal to normal included). Saturation
 * compares that integer with the largest finite code. MXINT8 is a rounding of {@code t} and a
 * clamp. Choices after the shifters are masks ({@link Arith#choose}), not multiplexers, so that
 * Yosys's resource sharing has no pair of element shifters to examine.
 */
final class ElementEncoder {
  private ElementEncoder() {}

  /**
   * The code of one element.
   *
   * @param t the magnitude in quanta, {@code format.magnitudeBits()} wide
   * @param tooBig the magnitude does not fit {@code t} (saturate)
   */
  static Expr encode(ModuleBuilder m, String name, BlockQuantizerSpec s, Expr sign, Expr t, Expr g, Expr st, Expr tooBig) {
    MxFormat f = s.format();
    return f.integer() ? integer(m, name, s, sign, t, g, st, tooBig) : smallFloat(m, name, s, sign, t, g, st, tooBig);
  }

  private static Expr increment(Rounding r, Expr round, Expr sticky, Expr lsb) {
    return r == Rounding.HALF_EVEN ? round.and(sticky.or(lsb)) : round;
  }

  private static Expr smallFloat(ModuleBuilder m, String name, BlockQuantizerSpec s, Expr sign, Expr t, Expr g, Expr st, Expr tooBig) {
    NumberFormat.SmallFloat f = s.format().smallFloat();
    int w = t.width();
    int mb = f.mantBits();
    Expr[] lead = Arith.leadingOneTree(m, name + "_lead", t);
    Expr p = lead[0];
    Expr any = lead[1];
    int pBits = p.width();
    // normal: the leading one at or above bit mb (the value is at least 2^emin)
    Expr normal = m.wire(name + "_normal", any.and(p.ge(Expr.lit(mb, HwType.u(pBits)))));
    // the shift that brings the leading one to the top, stopped at the subnormal boundary
    int shBits = Arith.bitsFor(w - 1);
    Expr toTop = Expr.lit(w - 1, HwType.u(pBits + 1)).sub(p).asUnsigned().truncate(shBits);
    Expr sh = Arith.choose(normal, toTop, Expr.lit(w - 1 - mb, HwType.u(shBits)));
    Expr withRound = Expr.cat(t, g);
    Expr norm = m.wire(name + "_norm", Arith.shiftLeftWithin(withRound, sh));
    // {t, g} is w + 1 bits: the leading one of a normal at bit w, the mantissa below it (every MX float has one)
    Expr mant = norm.slice(w - 1, w - mb);
    Expr round = norm.bit(w - mb - 1);
    Expr below = w - mb - 2 >= 0 ? norm.slice(w - mb - 2, 0).orR().or(st) : st;
    Expr lsb = mant.bit(0);
    // exponent field: p - mb + 1 for a normal, 0 for a subnormal
    int eBits = Arith.bitsFor(w - mb + 1);
    int wide = Math.max(eBits, pBits) + 1;
    Expr expField = Arith.choose(normal, p.extend(wide).sub(Expr.lit(mb - 1, HwType.u(wide))).asUnsigned().truncate(eBits),
        Expr.lit(0, HwType.u(eBits)));
    Expr magCode = Expr.cat(expField, mant);
    Expr inc = increment(s.rounding(), round, below, lsb);
    Expr rounded = m.wire(name + "_rounded", magCode.add(inc));
    long maxCode = f.encode(f.maxFinite(), true);
    Expr over = tooBig.or(rounded.gt(Expr.lit(maxCode, rounded.type())));
    Expr magOut = Arith.choose(over, Expr.lit(maxCode, HwType.u(f.bits() - 1)), rounded.truncate(f.bits() - 1));
    return Expr.cat(sign, magOut.truncate(f.bits() - 1));
  }

  private static Expr integer(ModuleBuilder m, String name, BlockQuantizerSpec s, Expr sign, Expr t, Expr g, Expr st, Expr tooBig) {
    int w = t.width(); // 7: 127 quanta of 1/64
    Expr k = m.wire(name + "_rounded", t.add(increment(s.rounding(), g, st, t.bit(0))));
    long limit = 127;
    Expr posOver = tooBig.or(k.gt(Expr.lit(limit, k.type())));
    Expr pos = Arith.choose(posOver, Expr.lit(limit, HwType.u(w)), k.truncate(w));
    long negLimit = s.int8MinusTwo() ? 128 : 127;
    Expr negOver = tooBig.or(k.gt(Expr.lit(negLimit, k.type())));
    Expr negMag = Arith.choose(negOver, Expr.lit(negLimit, HwType.u(w + 1)), k.extend(w + 1).truncate(w + 1));
    Expr neg = Expr.lit(0, HwType.u(8)).sub(negMag.extend(8)).asUnsigned().truncate(8);
    return Arith.choose(sign, neg, pos.extend(8));
  }
}
