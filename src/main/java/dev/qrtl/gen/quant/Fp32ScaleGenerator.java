package dev.qrtl.gen.quant;

import dev.qrtl.core.Expr;
import dev.qrtl.gen.ParamSignals;
import dev.qrtl.spec.Param;
import dev.qrtl.core.HwType;
import dev.qrtl.core.Module;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.core.Signal;
import dev.qrtl.spec.Fp32ScaleSpec;
import dev.qrtl.spec.Rounding;

/**
 * Float32 requantization in integer hardware, bit-exact to IEEE-754 binary32 with
 * round-to-nearest-even:
 *
 * <ol>
 *   <li>int to float: |x|, leading-one detection, normalisation, rounding to 24 significant bits
 *       (ties to even): {@code x ~= ma * 2^(ea - 23)};
 *   <li>multiply: {@code ma * ms} (24 x 24 bits) with the scale's significand {@code ms} and
 *       exponent, exactly {@code M * 2^E};
 *   <li>round the product to binary32: to 24 significant bits, or fewer where the result is
 *       subnormal (the last kept bit never below 2^-149), ties to even: {@code Mr * 2^f};
 *   <li>float to int, ties to even: {@code Mr >> -f} rounded, or {@code Mr << f} (large values
 *       only need to be known as large: they saturate);
 *   <li>sign, zero point, clamp.
 * </ol>
 *
 * Infinity needs no special case: it is a huge value and saturates like one. So the scheme
 * supports saturating outputs only.
 */
public final class Fp32ScaleGenerator {
  private Fp32ScaleGenerator() {}

  public static Module generate(Fp32ScaleSpec spec) {
    return generate(spec, Structure.LEAN);
  }

  /** The design in the given structure (the plain one only for equivalence proofs). */
  public static Module generate(Fp32ScaleSpec spec, Structure structure) {
    ModuleBuilder m = new ModuleBuilder(structure.moduleName(spec.moduleName()))
        .description("float32 requantizer: q = clamp(rne(float32(acc" + (spec.bias() ? " + bias" : "") + ") * scale) + zp)");
    ParamSignals ps = new ParamSignals(m, 1);
    java.util.List<Param> params = spec.params();
    m.param("scheme", spec.scheme())
        .param("acc_bits", spec.accBits())
        .param("out_bits", spec.out().bits())
        .param("out_signed", spec.out().signed())
        .param("scale", params.get(0).header())
        .param("zero_point", params.get(1).header())
        .param("bias", spec.bias())
        .param("relu", spec.out().relu())
        .param("saturate", spec.out().saturate())
        .param("pipeline", spec.pipeline());
    Signal acc = m.input("acc", HwType.s(spec.accBits()));
    Expr x = spec.bias() ? m.wire("sum", acc.add(ps.of(params.get(2)))) : acc;

    // 1. int -> float
    int w = x.width();
    Expr negative = m.wire("x_negative", x.bit(w - 1));
    Expr magnitude = m.wire("x_magnitude", negative.select(x.neg(), x).asUnsigned().truncate(w));
    Expr msb = m.wire("x_msb", dev.qrtl.gen.Arith.leadingOneChain(magnitude));
    Expr[] ma = toFloat(m, magnitude, msb, w);
    Expr mantA = ma[0];
    Expr expA = ma[1]; // unbiased exponent of x, u(...)

    // 2. scale fields
    Expr scaleBits = ps.of(params.get(0));
    Expr scaleNegative = scaleBits.bit(31);
    Expr biasedExp = scaleBits.slice(30, 23);
    Expr fraction = scaleBits.slice(22, 0);
    Expr normal = biasedExp.orR();
    Expr mantS = m.wire("scale_mant", Expr.cat(normal, fraction)); // u24: hidden bit only when normal
    // scale = mantS * 2^(expS): expS = biasedExp - 150 (normal) or -149 (subnormal)
    Expr expS = m.wire("scale_exp", normal.select(biasedExp.toSigned(), Expr.lit(1, HwType.s(9)))
        .sub(Expr.lit(150, HwType.s(9))));

    // 3. exact product M * 2^E, E = (expA - 23) + expS
    Expr product = m.wire("product", mantA.mul(mantS)); // u48
    Expr e = m.wire("product_exp", expA.toSigned().sub(Expr.lit(23, HwType.s(6))).add(expS));
    Expr pm = m.wire("product_msb", dev.qrtl.gen.Arith.leadingOneChain(product));
    // Rounding position: keep 24 significant bits, and nothing below 2^-149.
    Expr byPrecision = pm.toSigned().sub(Expr.lit(23, HwType.s(6)));
    Expr bySubnormal = Expr.lit(-149, HwType.s(9)).sub(e);
    Expr rp = max(byPrecision, bySubnormal);
    Expr rpClamped = m.wire("round_pos", clampToUnsigned(rp, 63, 6));
    Expr rounded = m.wire("product_rounded",
        RoundingShift.divideVariable(structure, product.toSigned(), rpClamped, Rounding.HALF_EVEN).value()); // Mr, >= 0
    Expr f = m.wire("rounded_exp", e.add(rpClamped.toSigned())); // value = Mr * 2^f

    // 4. float -> int, ties to even, magnitude only; large values just saturate.
    int outRoom = spec.out().bits() + 2; // any magnitude >= 2^(bits+1) saturates
    Expr fNegative = f.lt(Expr.lit(0, HwType.s(1)));
    Expr rightAmount = clampToUnsigned(f.neg(), 63, 6);
    Expr down = RoundingShift.divideVariable(structure, rounded, rightAmount, Rounding.HALF_EVEN).value();
    Expr leftAmount = clampToUnsigned(f, outRoom, dev.qrtl.gen.Arith.bitsFor(outRoom));
    Expr up = rounded.shl(leftAmount);
    Expr tooLarge = f.gt(Expr.lit(outRoom - 1, HwType.fitting(java.math.BigInteger.valueOf(outRoom - 1), java.math.BigInteger.valueOf(outRoom - 1), true)))
        .and(rounded.ne(Expr.lit(0, HwType.s(1))));
    Expr bigValue = Expr.lit(1L << (outRoom + 1), HwType.s(outRoom + 3));
    Expr magnitudeOut = m.wire("int_magnitude", fNegative.select(
        saturateTo(down, outRoom + 2), tooLarge.select(bigValue, saturateTo(up, outRoom + 2))));

    // 5. sign, zero point, clamp
    Expr resultNegative = negative.xor(scaleNegative);
    Expr signed = m.wire("int_value", resultNegative.select(magnitudeOut.neg(), magnitudeOut));
    Expr zp = ps.of(params.get(1));
    OutputStage.finish(m, m.wire("with_zp", signed.add(zp)), spec.out(), spec.pipeline());
    return m.build();
  }

  /** {mantissa u24, exponent u}: |x| rounded to 24 significant bits, ties to even. */
  private static Expr[] toFloat(ModuleBuilder m, Expr magnitude, Expr msb, int w) {
    int norm = Math.max(w, 25);
    Expr wide = magnitude.extend(norm);
    // Normalise: move the leading one to bit norm-1.
    Expr lz = Expr.lit(norm - 1, HwType.u(dev.qrtl.gen.Arith.bitsFor(norm - 1))).sub(msb).asUnsigned().truncate(dev.qrtl.gen.Arith.bitsFor(norm - 1));
    Expr normalised = m.wire("x_normalised", wide.shl(lz).truncate(norm));
    Expr top = normalised.slice(norm - 1, norm - 24); // 24 bits, leading one on top (or zero)
    Expr round = normalised.bit(norm - 25);
    Expr sticky = norm - 25 > 0 ? normalised.slice(norm - 26, 0).orR() : Expr.lit(0, HwType.u(1));
    Expr up = round.and(sticky.or(top.bit(0)));
    Expr sum = top.add(up); // u25: carries into bit 24 only from all ones
    Expr carry = sum.bit(24);
    Expr mant = m.wire("x_mant", carry.select(Expr.lit(1 << 23, HwType.u(24)), sum.truncate(24)));
    Expr exp = m.wire("x_exp", msb.add(carry));
    return new Expr[] {mant, exp};
  }

  static Expr max(Expr a, Expr b) {
    int w = Math.max(a.width(), b.width());
    return a.ge(b).select(a.extend(w), b.extend(w));
  }

  /** A signed value limited to 0..limit, as an unsigned value of {@code bits} bits. */
  static Expr clampToUnsigned(Expr v, int limit, int bits) {
    HwType lt = HwType.fitting(java.math.BigInteger.valueOf(limit), java.math.BigInteger.valueOf(limit), true);
    Expr zero = Expr.lit(0, HwType.s(1));
    Expr limited = v.lt(zero).select(zero, v.gt(Expr.lit(limit, lt)).select(Expr.lit(limit, lt), v));
    Expr sized = limited.width() >= bits + 1 ? limited.truncate(bits + 1) : limited.extend(bits + 1);
    return sized.asUnsigned().truncate(bits);
  }

  /** A non-negative signed value limited to below 2^(bits-1), as s(bits). */
  private static Expr saturateTo(Expr v, int bits) {
    if (v.width() <= bits) {
      return v.extend(bits);
    }
    Expr cap = Expr.lit((1L << (bits - 1)) - 1, HwType.s(bits));
    return v.gt(cap).select(cap, v).truncate(bits);
  }
}
