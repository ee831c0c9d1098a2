package dev.qrtl.gen.mx;

import dev.qrtl.core.Expr;
import dev.qrtl.core.HwType;
import dev.qrtl.core.Module;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.core.Signal;
import dev.qrtl.gen.AdderTree;
import dev.qrtl.gen.Arith;
import dev.qrtl.spec.BlockDotSpec;
import dev.qrtl.spec.BlockDotSpec.Accumulation;
import dev.qrtl.spec.MxFormat;
import dev.qrtl.spec.NumberFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * The block dot product: element codes {@code a0.., b0..}, the scales {@code sa}, {@code sb}; per
 * element pair a product of the significands (a small multiplier: 4 x 4 bits for E4M3) shifted by
 * the sum of the two exponents onto the grid of the product quantum, an adder tree, and the scales'
 * exponents added (no multiplier for a scale). MXINT8 multiplies its 8-bit codes. The exact form
 * outputs the sum, the exponent of its last bit and a special code (0 finite, 1 +infinity,
 * 2 -infinity, 3 NaN; sum and exponent 0 unless finite); the binary32 form adds the block result to
 * the input {@code acc} with one rounding to nearest even ({@link Fp32Add}). The plain int8 dot
 * product has no scales and outputs the sum only.
 */
public final class BlockDotGenerator {
  private BlockDotGenerator() {}

  public static Module generate(BlockDotSpec s) {
    MxFormat f = s.format();
    int k = s.block();
    ModuleBuilder m = new ModuleBuilder(s.moduleName())
        .description((s.scaled() ? "MX block dot product: two " + f.cliName() + " blocks of " + k : "int8 dot product of " + k)
            + (s.accumulation() == Accumulation.FP32 ? " elements added into a binary32 accumulator (one rounding, to nearest even)"
                : " elements, exact"));
    m.param("format", s.scaled() ? f.cliName() : "int8").param("block", k).param("accumulation", s.accumulation().cliName())
        .param("pipeline", s.pipeline());
    int elemBits = s.scaled() ? f.bits() : 8;
    List<Signal> as = new ArrayList<>();
    List<Signal> bs = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      as.add(m.input("a" + i, HwType.u(elemBits)));
    }
    for (int i = 0; i < k; i++) {
      bs.add(m.input("b" + i, HwType.u(elemBits)));
    }
    Signal sa = s.scaled() ? m.input("sa", HwType.u(8)) : null;
    Signal sb = s.scaled() ? m.input("sb", HwType.u(8)) : null;
    Signal acc = s.accumulation() == Accumulation.FP32 ? m.input("acc", HwType.u(32)) : null;
    m.stage("element products on the product quantum's grid");
    List<Expr> products = new ArrayList<>();
    Specials sp = new Specials();
    for (int i = 0; i < k; i++) {
      products.add(m.wire("prod" + i, product(m, s, "p" + i, as.get(i), bs.get(i), sp)));
    }
    m.stage("adder tree");
    Expr sum = m.wire("dot_sum", AdderTree.sum(products).truncate(s.sumBits()).asSigned());
    List<Expr> outs = new ArrayList<>();
    if (!s.scaled()) {
      outs.add(sum);
      outs = pipeline(m, outs, s.pipeline());
      m.assign(m.output("sum", HwType.s(s.sumBits())), outs.get(0));
      return m.build();
    }
    m.stage("scales and specials");
    // the exponent of the sum's last bit: (sa - 127) + (sb - 127) + 2 * quantum exponent
    Expr exp = m.wire("dot_exp", sa.extend(10).toSigned().add(sb.extend(10).toSigned())
        .add(Expr.lit(-254 + 2L * f.quantumExponent(), HwType.s(12))).truncate(12).asSigned());
    Expr nan = sa.andR().or(sb.andR()).or(sp.nan).or(sp.posInf.and(sp.negInf));
    nan = m.wire("dot_nan", nan);
    Expr posInf = m.wire("dot_pos_inf", nan.not().and(sp.posInf));
    Expr negInf = m.wire("dot_neg_inf", nan.not().and(sp.negInf));
    if (s.accumulation() == Accumulation.EXACT) {
      Expr finite = nan.or(posInf).or(negInf).not();
      Expr special = nan.select(Expr.lit(3, HwType.u(2)), negInf.select(Expr.lit(2, HwType.u(2)), posInf.select(Expr.lit(1, HwType.u(2)),
          Expr.lit(0, HwType.u(2)))));
      outs.add(finite.select(sum, Expr.lit(0, sum.type())));
      outs.add(finite.select(exp, Expr.lit(0, exp.type())));
      outs.add(special);
      outs = pipeline(m, outs, s.pipeline());
      m.assign(m.output("sum", HwType.s(s.sumBits())), outs.get(0));
      m.assign(m.output("exp", HwType.s(12)), outs.get(1));
      m.assign(m.output("special", HwType.u(2)), outs.get(2));
      return m.build();
    }
    Expr y = Fp32Add.add(m, acc, sum, exp, nan, posInf, negInf);
    outs.add(y);
    outs = pipeline(m, outs, s.pipeline());
    m.assign(m.output("y", HwType.u(32)), outs.get(0));
    return m.build();
  }

  /** NaN and infinity flags gathered over the element pairs. */
  private static final class Specials {
    Expr nan = Expr.lit(0, HwType.u(1));
    Expr posInf = Expr.lit(0, HwType.u(1));
    Expr negInf = Expr.lit(0, HwType.u(1));
  }

  /** One element pair's signed product, in product quanta. */
  private static Expr product(ModuleBuilder m, BlockDotSpec s, String name, Expr a, Expr b, Specials sp) {
    int w = 2 * s.magnitudeBits() + 1;
    if (!s.scaled() || s.format().integer()) {
      return a.asSigned().mul(b.asSigned()).extend(w);
    }
    NumberFormat.SmallFloat f = s.format().smallFloat();
    int mb = f.mantBits();
    int eb = f.expBits();
    Expr[] x = decode(a, f);
    Expr[] y = decode(b, f);
    // value / quantum = sig << (max(field, 1) - 1): the product's shift is the sum of both
    Expr sig = m.wire(name + "_sig", x[1].mul(y[1]));
    Expr shift = m.wire(name + "_shift", x[2].add(y[2]).asUnsigned().truncate(eb + 1));
    Expr mag = Arith.shiftLeftWithin(sig.extend(2 * s.magnitudeBits()), shift);
    Expr negative = x[0].xor(y[0]);
    Expr signed = negative.select(mag.extend(w).asSigned().neg().truncate(w).asSigned(), mag.extend(w).asSigned());
    if (f.specials() != NumberFormat.SmallFloat.Specials.NONE) {
      Expr nanA = x[3];
      Expr nanB = y[3];
      Expr infA = x[4];
      Expr infB = y[4];
      Expr zeroA = x[1].orR().not().and(infA.not()).and(nanA.not());
      Expr zeroB = y[1].orR().not().and(infB.not()).and(nanB.not());
      Expr inf = infA.or(infB).and(nanA.or(nanB).not());
      Expr invalid = infA.and(zeroB).or(infB.and(zeroA));
      sp.nan = sp.nan.or(nanA).or(nanB).or(invalid);
      Expr real = inf.and(invalid.not());
      sp.posInf = sp.posInf.or(real.and(negative.not()));
      sp.negInf = sp.negInf.or(real.and(negative));
      // a special's own product is not summed
      signed = nanA.or(nanB).or(inf).select(Expr.lit(0, HwType.s(w)), signed);
    }
    return signed;
  }

  /** {sign, significand (hidden bit included), max(field, 1) - 1, NaN, infinity} of an element code. */
  private static Expr[] decode(Expr code, NumberFormat.SmallFloat f) {
    int mb = f.mantBits();
    int eb = f.expBits();
    Expr sign = code.bit(f.bits() - 1);
    Expr field = code.slice(mb + eb - 1, mb);
    Expr mant = code.slice(mb - 1, 0);
    Expr normal = field.orR();
    Expr sig = Expr.cat(normal, mant);
    Expr shift = normal.select(field.extend(eb).sub(Expr.lit(1, HwType.u(eb))).asUnsigned().truncate(eb), Expr.lit(0, HwType.u(eb)));
    Expr nan = Expr.lit(0, HwType.u(1));
    Expr inf = Expr.lit(0, HwType.u(1));
    if (f.specials() == NumberFormat.SmallFloat.Specials.NAN_ALL_ONES) {
      nan = field.andR().and(mant.andR());
    } else if (f.specials() == NumberFormat.SmallFloat.Specials.IEEE) {
      nan = field.andR().and(mant.orR());
      inf = field.andR().and(mant.orR().not());
    }
    return new Expr[] {sign, sig, shift, nan, inf};
  }

  private static List<Expr> pipeline(ModuleBuilder m, List<Expr> values, int stages) {
    m.latency(stages);
    List<Expr> v = values;
    for (int st = 0; st < stages; st++) {
      List<Expr> next = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) {
        Signal reg = m.reg("out" + i + "_stage" + st + "_q", v.get(i).type());
        m.next(reg, v.get(i));
        next.add(reg);
      }
      v = next;
    }
    return v;
  }
}
