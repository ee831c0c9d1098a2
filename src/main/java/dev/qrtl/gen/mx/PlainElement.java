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
 * The straightforward element conversion the lean one replaced, kept for {@code qrtl prove}: per
 * element its own leading one (a priority chain) gives its exponent against the shared one, the
 * magnitude is shifted by its own amount to the mantissa, and the rounding compares the full
 * remainder with half a step.
 */
final class PlainElement {
  private PlainElement() {}

  /**
   * @param r the right shift that counts {@code mag} in quanta (signed, within rMin..rMax where it matters)
   */
  static Expr encode(ModuleBuilder m, String name, BlockQuantizerSpec s, Expr sign, Expr mag, Expr r, int rMin, int rMax) {
    MxFormat f = s.format();
    boolean even = s.rounding() == Rounding.HALF_EVEN;
    int w = mag.width();
    if (f.integer()) {
      Expr[] q = divide(m, name, mag, r, rMin, rMax, even);
      Expr k = q[0];
      Expr over = q[1];
      Expr kw = k.extend(Math.max(k.width(), 9));
      Expr pos = over.or(kw.gt(Expr.lit(127, kw.type()))).select(Expr.lit(127, HwType.u(8)), kw.truncate(8));
      long negLimit = s.int8MinusTwo() ? 128 : 127;
      Expr negMag = over.or(kw.gt(Expr.lit(negLimit, kw.type()))).select(Expr.lit(negLimit, HwType.u(9)), kw.truncate(9));
      Expr neg = Expr.lit(0, HwType.u(9)).sub(negMag).asUnsigned().truncate(8);
      return sign.select(neg, pos);
    }
    NumberFormat.SmallFloat sf = f.smallFloat();
    int mb = sf.mantBits();
    int top = f.magnitudeBits() - 1;
    Expr p = m.wire(name + "_lead", Arith.leadingOneChain(mag));
    Expr any = mag.orR();
    int eb = 14;
    // e: the element's leading one counted in quanta (its binary exponent minus the quantum's)
    Expr e = p.extend(eb - 1).toSigned().truncate(eb).asSigned().sub(r.asSigned()).truncate(eb).asSigned();
    e = m.wire(name + "_pos", e);
    Expr normal = any.and(e.ge(Expr.lit(mb, HwType.s(eb))));
    Expr tooBig = any.and(e.gt(Expr.lit(top, HwType.s(eb))));
    // the right shift to the mantissa: to the leading one for a normal, to the quantum for a subnormal
    Expr own = p.extend(eb - 1).toSigned().truncate(eb).asSigned().sub(Expr.lit(mb, HwType.s(eb))).truncate(eb).asSigned();
    Expr d = normal.select(own, r.asSigned().extend(Math.max(eb, r.width())).truncate(eb).asSigned());
    int dMin = Math.min(rMin, -mb);
    int dMax = Math.max(rMax, w - 1 - mb);
    Expr[] q = divide(m, name, mag, d, dMin, dMax, even);
    Expr sig = q[0];
    int eBits = Arith.bitsFor(top - mb + 2);
    Expr expField = normal.select(e.sub(Expr.lit(mb - 1, HwType.s(eb))).asUnsigned().truncate(eBits), Expr.lit(0, HwType.u(eBits)));
    Expr mantissa = sig.extend(Math.max(sig.width(), mb + 1)).slice(mb - 1, 0);
    // sig may have carried to 2^(mb+1) (a normal rounding up) or to 2^mb (a subnormal rounding up): add {exponent, mantissa} + carry
    Expr carry = normal.select(sig.extend(Math.max(sig.width(), mb + 2)).bit(mb + 1), sig.extend(Math.max(sig.width(), mb + 1)).bit(mb));
    Expr code = Expr.cat(expField, mantissa).add(carry.extend(mb + 1).shl(mb).truncate(mb + 1)).truncate(eBits + mb);
    long maxCode = sf.encode(sf.maxFinite(), true);
    Expr over = tooBig.or(code.gt(Expr.lit(maxCode, code.type())));
    Expr magOut = over.select(Expr.lit(maxCode, HwType.u(f.bits() - 1)), code.truncate(f.bits() - 1));
    return Expr.cat(sign, magOut);
  }

  /**
   * {@code mag / 2^amount} rounded to nearest (ties even or away) at full width: the quotient, and
   * whether it is wider than any element (a flag the caller saturates on). Also a left shift for a
   * negative amount.
   */
  private static Expr[] divide(ModuleBuilder m, String name, Expr mag, Expr amount, int aMin, int aMax, boolean even) {
    int pad = Math.max(0, -aMin);
    Expr padded = pad == 0 ? mag : mag.shl(pad);
    int w = padded.width();
    int maxA = Math.min(Math.max(0, aMax + pad), w + 1);
    int bits = Arith.bitsFor(maxA);
    Expr full = amount.asSigned().add(Expr.lit(pad, HwType.s(Arith.bitsFor(pad) + 1)));
    Expr over = full.gt(Expr.lit(maxA, full.type()));
    Expr under = full.lt(Expr.lit(0, full.type())); // only where nothing depends on it (a zero block's shift)
    Expr a = m.wire(name + "_amount", over.select(Expr.lit(maxA, HwType.u(bits)),
        under.select(Expr.lit(0, HwType.u(bits)), full.asUnsigned().truncate(bits))));
    Expr q = m.wire(name + "_quot", padded.shr(a));
    Expr rem = padded.and(Arith.lowOnes(w + 1, a).truncate(w));
    Expr zero = a.eq(Expr.lit(0, a.type()));
    Expr half = Arith.lowOnes(w + 2, a).add(Expr.lit(1, HwType.u(1))).shr(1); // 2^(a-1); a reaches w + 1 at most
    Expr remW = rem.extend(w + 2);
    Expr inc = even ? remW.gt(half).or(remW.eq(half).and(q.bit(0))) : remW.ge(half);
    inc = zero.not().and(rem.orR()).and(inc);
    Expr rounded = q.add(inc.extend(1));
    return new Expr[] {m.wire(name + "_rounded", rounded), Expr.lit(0, HwType.u(1))};
  }
}
