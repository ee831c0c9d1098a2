package dev.qrtl.gen.mx;

import dev.qrtl.core.Expr;
import dev.qrtl.core.HwType;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.gen.Arith;
import dev.qrtl.gen.quant.Structure;
import dev.qrtl.spec.BlockQuantizerSpec;
import dev.qrtl.spec.BlockQuantizerSpec.ScaleOverflow;
import dev.qrtl.spec.BlockQuantizerSpec.ScaleRule;
import dev.qrtl.spec.BlockQuantizerSpec.ZeroBlock;
import dev.qrtl.spec.MxFormat;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The block's shared exponent E, clamped to E8M0's range, and whether the block's scale is NaN.
 *
 * <p>Lean, integer inputs, floor rule: floor(log2(amax)) is the leading one of the OR of the
 * magnitudes (no comparison at all). Lean, fp32 inputs, floor rule: the largest exponent field, a
 * tree of 8-bit comparisons. The ceil rule needs the true maximum (a tree of magnitude
 * comparisons) and one comparison of its normalised significand with the largest element's.
 * Plain: the maximum by a comparison tree for every rule, its leading one by a priority chain, and
 * the ceil rule's test as one full-width comparison per leading-one position.
 */
final class SharedExponent {
  /** Width of E before clamping: enough for every input exponent and leading-one position. */
  static final int E_BITS = 12;

  final Expr exponent;
  final Expr nan;

  private SharedExponent(Expr exponent, Expr nan) {
    this.exponent = exponent;
    this.nan = nan;
  }

  static Expr sLit(long v) {
    return Expr.lit(v, HwType.s(E_BITS));
  }

  /** For integer inputs {@code mag[i] * 2^x}. */
  static SharedExponent ofIntegers(ModuleBuilder m, BlockQuantizerSpec s, Structure st, List<Expr> mags, Expr x) {
    MxFormat f = s.format();
    Expr floorLog;
    Expr any;
    Expr bump = Expr.lit(0, HwType.u(1));
    if (st == Structure.LEAN && s.scaleRule() == ScaleRule.FLOOR) {
      m.stage("shared exponent: the leading one of the OR of the magnitudes");
      Expr[] lead = Arith.leadingOneTree(m, "amax_log2", orTree(m, "mag_or", mags));
      floorLog = lead[0];
      any = lead[1];
    } else {
      m.stage("shared exponent: the largest magnitude");
      Expr amax = maxTree(m, "amax", mags);
      if (st == Structure.LEAN) {
        Expr[] lead = Arith.leadingOneTree(m, "amax_log2", amax);
        floorLog = lead[0];
        any = lead[1];
        bump = leanCeil(m, f, amax, floorLog);
      } else {
        floorLog = m.wire("amax_log2", Arith.leadingOneChain(amax));
        any = amax.orR();
        if (s.scaleRule() == ScaleRule.CEIL) {
          bump = plainCeil(f, amax, floorLog);
        }
      }
    }
    // E = floor(log2(amax * 2^x)) - emax (+1 where the ceil rule needs it)
    Expr e = floorLog.extend(E_BITS - 1).asUnsigned().toSigned().truncate(E_BITS).asSigned()
        .add(x.asSigned()).add(sLit(-f.emax())).truncate(E_BITS).asSigned();
    if (s.scaleRule() == ScaleRule.CEIL) {
      e = e.add(bump.extend(2).asUnsigned().toSigned()).truncate(E_BITS).asSigned();
    }
    return finish(m, s, e, any, Expr.lit(0, HwType.u(1)));
  }

  /**
   * For fp32 inputs, given per element its exponent field and its 31-bit magnitude pattern (which
   * orders magnitudes as unsigned integers).
   */
  static SharedExponent ofFloats(ModuleBuilder m, BlockQuantizerSpec s, Structure st, List<Expr> fields, List<Expr> magnitudes) {
    MxFormat f = s.format();
    List<Expr> specials = new ArrayList<>();
    List<Expr> nonzero = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      specials.add(fields.get(i).andR());
      nonzero.add(magnitudes.get(i).orR());
    }
    Expr special = orTree(m, "any_nan_or_inf", specials);
    Expr any = orTree(m, "any_nonzero", nonzero);
    Expr maxField;
    Expr bump = Expr.lit(0, HwType.u(1));
    if (st == Structure.LEAN && s.scaleRule() == ScaleRule.FLOOR) {
      m.stage("shared exponent: the largest exponent field");
      maxField = maxTree(m, "max_field", fields);
    } else {
      m.stage("shared exponent: the largest magnitude");
      Expr amax = maxTree(m, "amax", magnitudes);
      maxField = m.wire("max_field", amax.slice(30, 23));
      if (s.scaleRule() == ScaleRule.CEIL) {
        // amax > largest * 2^(floor(log2 amax) - emax): its fraction above the largest element's significand's. A subnormal
        // maximum counts as exponent field 1 - 1 = -127 here, which is its floor(log2) only when its top mantissa bit is set:
        // then its fraction is the mantissa shifted up by one (a smaller one has a fraction below 1/2, no MX significand's)
        Expr mant = amax.slice(22, 0);
        Expr fraction = maxField.orR().select(mant, mant.shl(1).truncate(23));
        bump = fraction.gt(Expr.lit(significandBits(f, 23).subtract(BigInteger.ONE.shiftLeft(23)), HwType.u(23)));
      }
    }
    // floor(log2(amax)) = field - 127 for a normal maximum; a subnormal one (field 0) clamps below anyway
    Expr e = maxField.extend(E_BITS - 1).toSigned().truncate(E_BITS).asSigned().add(sLit(-127 - f.emax())).truncate(E_BITS).asSigned();
    if (s.scaleRule() == ScaleRule.CEIL) {
      e = e.add(bump.extend(2).asUnsigned().toSigned()).truncate(E_BITS).asSigned();
    }
    return finish(m, s, e, any, special);
  }

  /** Zero block, clamps, overflow. */
  private static SharedExponent finish(ModuleBuilder m, BlockQuantizerSpec s, Expr e, Expr any, Expr special) {
    m.stage("shared exponent: zero block, clamp to E8M0");
    int min = MxFormat.SCALE.minExponent();
    int max = MxFormat.SCALE.maxExponent();
    Expr raw = m.wire("exp_raw", e);
    Expr zeroE = sLit(s.zeroBlock() == ZeroBlock.MIN ? min : 0);
    Expr low = raw.lt(sLit(min));
    Expr high = raw.gt(sLit(max));
    Expr clamped = any.not().select(zeroE, low.select(sLit(min), high.select(sLit(max), raw)));
    Expr nan = special;
    if (s.overflow() == ScaleOverflow.NAN) {
      nan = nan.or(any.and(high));
    }
    return new SharedExponent(m.wire("exp_shared", clamped), m.wire("scale_nan", nan));
  }

  /** The largest element's significand with {@code frac} fraction bits, as an integer: 1.75 -> 0b111 << (frac - 2). */
  static BigInteger significandBits(MxFormat f, int frac) {
    double sig = Math.scalb(f.maxValue(), -f.emax()); // in [1, 2)
    return java.math.BigDecimal.valueOf(Math.scalb(sig, frac)).toBigIntegerExact();
  }

  /** Lean ceil: the maximum normalised (leading one on top), compared with the largest element's significand. */
  private static Expr leanCeil(ModuleBuilder m, MxFormat f, Expr amax, Expr floorLog) {
    int frac = 8; // every MX element's largest significand has at most 6 fraction bits
    int w = Math.max(amax.width(), frac + 1);
    Expr wide = amax.extend(w);
    int bits = Arith.bitsFor(w - 1);
    Expr toTop = Expr.lit(w - 1, HwType.u(bits + 1)).sub(floorLog.extend(bits + 1)).asUnsigned().truncate(bits);
    Expr norm = m.wire("amax_norm", Arith.shiftLeftWithin(wide, toTop));
    BigInteger sig = significandBits(f, w - 1);
    return m.wire("ceil_up", norm.gt(Expr.lit(sig, HwType.u(w))));
  }

  /** Plain ceil: amax against the largest element's significand placed at every leading-one position. */
  private static Expr plainCeil(MxFormat f, Expr amax, Expr floorLog) {
    int frac = 8;
    Expr shiftedAmax = Expr.cat(amax, Expr.lit(0, HwType.u(frac)));
    Expr bump = Expr.lit(0, HwType.u(1));
    for (int l = 0; l < amax.width(); l++) {
      BigInteger bound = significandBits(f, frac).shiftLeft(l);
      if (bound.bitLength() > shiftedAmax.width()) {
        continue;
      }
      Expr here = floorLog.eq(Expr.lit(l, floorLog.type())).and(shiftedAmax.gt(Expr.lit(bound, shiftedAmax.type())));
      bump = bump.or(here);
    }
    return bump;
  }

  /** The bitwise OR of values, as a balanced tree (log2 K levels, not a chain of K - 1). */
  static Expr orTree(ModuleBuilder m, String name, List<Expr> values) {
    List<Expr> level = new ArrayList<>(values);
    int depth = 0;
    while (level.size() > 1) {
      List<Expr> next = new ArrayList<>();
      for (int i = 0; i + 1 < level.size(); i += 2) {
        next.add(level.size() == 2 ? level.get(i).or(level.get(i + 1)) : m.wire(name + "_l" + depth + "_" + (i / 2),
            level.get(i).or(level.get(i + 1))));
      }
      if (level.size() % 2 == 1) {
        next.add(level.get(level.size() - 1));
      }
      level = next;
      depth++;
    }
    return m.wire(name, level.get(0));
  }

  /** The largest of unsigned values, by a balanced tree of comparisons. */
  static Expr maxTree(ModuleBuilder m, String name, List<Expr> values) {
    List<Expr> level = new ArrayList<>(values);
    int depth = 0;
    while (level.size() > 1) {
      List<Expr> next = new ArrayList<>();
      for (int i = 0; i + 1 < level.size(); i += 2) {
        Expr a = level.get(i);
        Expr b = level.get(i + 1);
        next.add(m.wire(name + "_l" + depth + "_" + (i / 2), a.ge(b).select(a, b)));
      }
      if (level.size() % 2 == 1) {
        next.add(level.get(level.size() - 1));
      }
      level = next;
      depth++;
    }
    return m.wire(name, level.get(0));
  }
}
