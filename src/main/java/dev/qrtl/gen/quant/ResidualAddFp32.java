package dev.qrtl.gen.quant;

import dev.qrtl.core.Expr;
import dev.qrtl.core.HwType;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.gen.Arith;
import dev.qrtl.gen.mx.Fp32Add;
import dev.qrtl.spec.OutputSpec;
import dev.qrtl.spec.Rounding;

/**
 * The fp32-scale residual add's datapath, bit-exact to binary32 with ties to even at every step:
 * {@code q = clamp(rint(fl(fl(da * fa) + fl(db * fb))) + zy)}. Each product of a small integer and
 * a binary32 ratio is exact in integer hardware and rounded once to binary32 (24 significant bits,
 * or the subnormal quantum); the two are added by the binary32 adder of the MX block dot product
 * (one rounding); the sum goes to an integer, ties to even, and saturates. Its domain is ratios
 * below 2^100 in magnitude, where no product or sum reaches infinity (the golden model and the
 * co-simulation keep to it; deployed ratios are near 1).
 */
final class ResidualAddFp32 {
  private ResidualAddFp32() {}

  /** A binary32-rounded product {@code (-1)^sign * mant * 2^exp} (mant up to 2^24 inclusive, after a rounding carry). */
  private record Product(Expr sign, Expr mant, Expr exp) {}

  static void finish(ModuleBuilder m, Expr da, Expr db, Expr fa, Expr fb, Expr zy, OutputSpec out) {
    Product a = product(m, "a", da, fa);
    Product b = product(m, "b", db, fb);
    m.stage("binary32 sum");
    Expr packed = m.wire("pa_bits", pack(a));
    Expr bSigned = m.wire("pb_signed", b.sign().select(b.mant().toSigned().neg(), b.mant().toSigned().extend(b.mant().width() + 2)));
    Expr zero = Expr.lit(0, HwType.u(1));
    Expr sum = Fp32Add.add(m, packed, bSigned, b.exp(), zero, zero, zero);
    m.stage("binary32 to integer, ties to even");
    Expr negative = sum.bit(31);
    Expr field = sum.slice(30, 23);
    Expr normal = field.orR();
    Expr mant = m.wire("sum_mant", Expr.cat(normal, sum.slice(22, 0))); // u24
    Expr exp = m.wire("sum_exp", normal.select(field.toSigned(), Expr.lit(1, HwType.s(9))).sub(Expr.lit(150, HwType.s(9))));
    Expr below = exp.lt(Expr.lit(0, HwType.s(1)));
    Expr right = Fp32ScaleGenerator.clampToUnsigned(exp.neg(), 63, 6);
    Expr down = m.wire("int_down", RoundingShift.divideVariable(Structure.LEAN, mant.toSigned(), right, Rounding.HALF_EVEN).value());
    // at or above 2^0 a non-zero significand is >= 2^23: far beyond any 16-bit output, so it only needs to be known as large
    int room = out.bits() + 2;
    Expr big = Expr.lit(1L << room, HwType.s(room + 2));
    Expr magnitude = m.wire("int_magnitude", below.select(down.extend(Math.max(down.width(), room + 2)),
        mant.orR().select(big, Expr.lit(0, HwType.s(room + 2))).extend(Math.max(down.width(), room + 2))));
    Expr value = m.wire("int_value", negative.select(magnitude.neg(), magnitude.extend(magnitude.width() + 1)));
    OutputStage.finish(m, m.wire("with_zp", value.add(zy)), out, 0);
  }

  /** {@code fl(d * f)}: |d| times f's significand exactly, rounded to 24 significant bits or to 2^-149, ties to even. */
  private static Product product(ModuleBuilder m, String n, Expr d, Expr f) {
    m.stage("product " + n + " rounded to binary32");
    int w = d.width();
    Expr dNeg = d.bit(w - 1);
    Expr mag = m.wire("mag_" + n, dNeg.select(d.neg(), d).asUnsigned().truncate(w));
    Expr fieldS = f.slice(30, 23);
    Expr normalS = fieldS.orR();
    Expr mantS = m.wire("fmant_" + n, Expr.cat(normalS, f.slice(22, 0)));
    Expr expS = m.wire("fexp_" + n, normalS.select(fieldS.toSigned(), Expr.lit(1, HwType.s(9))).sub(Expr.lit(150, HwType.s(9))));
    Expr exact = m.wire("exact_" + n, mag.mul(mantS));
    Expr msb = m.wire("exact_msb_" + n, Arith.leadingOneChain(exact));
    Expr byPrecision = msb.toSigned().sub(Expr.lit(23, HwType.s(6)));
    Expr bySubnormal = Expr.lit(-149, HwType.s(9)).sub(expS);
    Expr drop = m.wire("drop_" + n, Fp32ScaleGenerator.clampToUnsigned(Fp32ScaleGenerator.max(byPrecision, bySubnormal), 63, 6));
    Expr mant = m.wire("pmant_" + n, RoundingShift.divideVariable(Structure.LEAN, exact.toSigned(), drop, Rounding.HALF_EVEN).value()
        .asUnsigned().truncate(25));
    Expr exp = m.wire("pexp_" + n, expS.add(drop.toSigned()));
    return new Product(m.wire("psign_" + n, dNeg.xor(f.bit(31))), mant, exp);
  }

  /** The product as binary32 bits (a carry to 2^24 renormalised; a significand below 2^23 is subnormal, exponent field 0). */
  private static Expr pack(Product p) {
    Expr carried = p.mant().bit(24);
    Expr normal = carried.or(p.mant().bit(23));
    Expr field = p.exp().add(Expr.lit(150, HwType.s(9))).add(carried.extend(2).asUnsigned().toSigned());
    Expr fieldBits = normal.select(field.asUnsigned().truncate(8), Expr.lit(0, HwType.u(8)));
    Expr fraction = carried.select(Expr.lit(0, HwType.u(23)), p.mant().slice(22, 0));
    return Expr.cat(p.sign(), fieldBits, fraction);
  }
}
