package dev.qrtl.gen.mx;

import dev.qrtl.core.Expr;
import dev.qrtl.core.HwType;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.gen.Arith;

/**
 * {@code RNE_binary32(acc + sum * 2^exp)}: a binary32 accumulator plus an exact block result, with
 * one rounding. Both operands are normalised (leading one on top), placed in a window of N bits
 * whose top is the larger operand's top, the smaller shifted right with its lost bits jammed into
 * the window's last bit (N has room for 24 bits, a round bit and three more, so the jam never
 * reaches the rounding of a result that lost at most one leading bit; a result that cancels more
 * came from operands within one bit of each other, which lose nothing). The signed sum's leading
 * one sets the exponent; the rounding position is 24 bits below it or the subnormal quantum 2^-149,
 * whichever is higher; overflow gives infinity. An exactly zero result is +0, every NaN 0x7FC00000.
 */
public final class Fp32Add {
  private Fp32Add() {}

  private static final int EB = 13;

  private static Expr s(long v) {
    return Expr.lit(v, HwType.s(EB));
  }

  private static Expr signedE(Expr x) {
    return x.signed() ? x.extend(EB) : x.extend(EB - 1).toSigned().truncate(EB).asSigned();
  }

  private static Expr max(Expr a, Expr b) {
    return a.ge(b).select(a, b);
  }

  public static Expr add(ModuleBuilder m, Expr acc, Expr sum, Expr exp, Expr dotNan, Expr dotPosInf, Expr dotNegInf) {
    m.stage("binary32 accumulation: align, add, normalise, round once");
    int w = sum.width();
    int n = Math.max(w, 24) + 4;
    Expr sA = acc.bit(31);
    Expr fA = acc.slice(30, 23);
    Expr mA = acc.slice(22, 0);
    Expr accNan = m.wire("acc_nan", fA.andR().and(mA.orR()));
    Expr accInf = m.wire("acc_inf", fA.andR().and(mA.orR().not()));
    Expr sigA = m.wire("acc_sig", Expr.cat(fA.orR(), mA));
    Expr eA = signedE(fA.orR().select(fA, Expr.lit(1, HwType.u(8)))).add(s(-150)).truncate(EB).asSigned();
    Expr sD = sum.bit(w - 1);
    Expr magD = m.wire("dot_mag", BlockQuantizerGenerator.magnitude(sum));
    Expr[] leadD = Arith.leadingOneTree(m, "dot_lead", magD);
    Expr[] leadA = Arith.leadingOneTree(m, "acc_lead", sigA);
    Expr tD = m.wire("dot_top", signedE(exp).add(signedE(leadD[0])).add(s(1)).truncate(EB).asSigned());
    Expr tA = m.wire("acc_top", eA.add(signedE(leadA[0])).add(s(1)).truncate(EB).asSigned());
    Expr top = m.wire("sum_top", leadA[1].not().select(tD, leadD[1].not().select(tA, max(tA, tD))));
    // each operand normalised, then placed on top of the window
    int bD = Arith.bitsFor(w - 1);
    Expr nD = Arith.shiftLeftWithin(magD, Expr.lit(w - 1, HwType.u(bD + 1)).sub(leadD[0].extend(bD + 1)).asUnsigned().truncate(bD));
    Expr nA = Arith.shiftLeftWithin(sigA, Expr.lit(23, HwType.u(6)).sub(leadA[0].extend(6)).asUnsigned().truncate(5));
    Expr pD = Expr.cat(nD, Expr.lit(0, HwType.u(n - w)));
    Expr pA = Expr.cat(nA, Expr.lit(0, HwType.u(n - 24)));
    Expr alD = jammed(m, "dot_al", pD, top.sub(tD).truncate(EB).asSigned(), n);
    Expr alA = jammed(m, "acc_al", pA, top.sub(tA).truncate(EB).asSigned(), n);
    Expr x = m.wire("sum_exact", signedOf(alA, sA, n).add(signedOf(alD, sD, n)));
    Expr rs = x.bit(x.width() - 1);
    Expr r = m.wire("sum_mag", BlockQuantizerGenerator.magnitude(x).truncate(n + 1));
    Expr[] leadR = Arith.leadingOneTree(m, "sum_lead", r);
    // bits dropped: to 24 below the leading one, or to the subnormal quantum 2^-149 (window bit i is 2^(top - n + i))
    Expr drop = m.wire("round_drop", max(signedE(leadR[0]).add(s(-23)).truncate(EB).asSigned(),
        s(n - 149).sub(top).truncate(EB).asSigned()));
    Align rounded = Align.of(m, "round", r, drop, -23, 4 * n, 25);
    Expr inc = rounded.round.and(rounded.sticky.or(rounded.integer.bit(0)));
    Expr sig = m.wire("round_sig", rounded.integer.add(inc).truncate(25));
    Expr q = top.add(s(-n)).add(drop).truncate(EB).asSigned(); // the exponent of sig's last bit
    Expr carried = sig.bit(24);
    Expr normal = carried.or(sig.bit(23));
    Expr field = m.wire("round_field", q.add(s(150)).add(carried.extend(2).asUnsigned().toSigned()).truncate(EB).asSigned());
    Expr overflow = normal.and(field.ge(s(255)));
    Expr mant = carried.select(Expr.lit(0, HwType.u(23)), sig.slice(22, 0));
    Expr fieldBits = normal.select(field.asUnsigned().truncate(8), Expr.lit(0, HwType.u(8)));
    Expr finite = overflow.select(Expr.cat(rs, Expr.lit(0xFF, HwType.u(8)), Expr.lit(0, HwType.u(23))),
        leadR[1].select(Expr.cat(rs, fieldBits, mant), Expr.lit(0, HwType.u(32))));
    m.stage("binary32 accumulation: NaN and infinities");
    Expr nan = accNan.or(dotNan).or(accInf.and(dotPosInf.and(sA).or(dotNegInf.and(sA.not()))));
    Expr y = nan.select(Expr.lit(0x7FC00000L, HwType.u(32)), accInf.select(acc, dotPosInf.select(Expr.lit(0x7F800000L, HwType.u(32)),
        dotNegInf.select(Expr.lit(0xFF800000L, HwType.u(32)), finite))));
    return m.wire("acc_next", y);
  }

  /** {@code p >> d} (n bits) with every bit shifted out ORed into its last bit. */
  private static Expr jammed(ModuleBuilder m, String name, Expr p, Expr d, int n) {
    Align a = Align.of(m, name, p, d, 0, 4 * n, n);
    return m.wire(name + "_jam", a.integer.or(a.round.or(a.sticky).extend(n)));
  }

  private static Expr signedOf(Expr mag, Expr negative, int n) {
    Expr v = mag.extend(n + 1).asSigned();
    return negative.select(v.neg().truncate(n + 2).asSigned(), v.extend(n + 2));
  }
}
