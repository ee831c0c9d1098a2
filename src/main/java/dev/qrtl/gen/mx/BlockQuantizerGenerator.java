package dev.qrtl.gen.mx;

import dev.qrtl.core.Expr;
import dev.qrtl.core.HwType;
import dev.qrtl.core.Module;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.core.Signal;
import dev.qrtl.gen.Arith;
import dev.qrtl.gen.ParamSignals;
import dev.qrtl.gen.quant.Structure;
import dev.qrtl.spec.BlockQuantizerSpec;
import dev.qrtl.spec.BlockQuantizerSpec.BlockInput;
import dev.qrtl.spec.BlockQuantizerSpec.ScaleOverflow;
import dev.qrtl.spec.BlockQuantizerSpec.ScaleRule;
import dev.qrtl.spec.MxFormat;
import dev.qrtl.spec.Param;
import java.util.ArrayList;
import java.util.List;

/**
 * The block quantizer: K inputs {@code x0..}, the E8M0 {@code scale} and K element codes
 * {@code q0..}. Lean (what qrtl ships and prices): the shared exponent from the leading one of the
 * OR of the magnitudes (integer inputs) or the largest exponent field (fp32), one shared shift
 * amount (integer inputs) that counts every magnitude in quanta of the element, then per element a
 * rounding to its format with saturation ({@link ElementEncoder}). Plain (for {@code qrtl prove}
 * only): the maximum by a comparison tree, each element converted at full width on its own
 * ({@link PlainElement}). Register stages, if any, hold the outputs (synthesis for a clock retimes
 * them).
 */
public final class BlockQuantizerGenerator {
  private BlockQuantizerGenerator() {}

  public static Module generate(BlockQuantizerSpec s, Structure structure) {
    MxFormat f = s.format();
    int k = s.block();
    ModuleBuilder m = new ModuleBuilder(structure.moduleName(s.moduleName()))
        .description("MX block quantizer: " + k + " values to one " + f.cliName() + " block (an E8M0 scale and " + k + " "
            + f.element().name() + " elements)");
    m.param("format", f.cliName()).param("block", k).param("input", s.input().text()).param("scale_rule", s.scaleRule().cliName())
        .param("rounding", s.rounding().cliName()).param("int8_minus_128", s.int8MinusTwo()).param("scale_overflow", s.overflow().cliName())
        .param("zero_block_scale", s.zeroBlock().cliName()).param("pipeline", s.pipeline());
    List<Expr> signs = new ArrayList<>();
    List<Expr> codes = new ArrayList<>();
    SharedExponent shared;
    int[] range = shiftRange(s);
    if (s.input().type() == BlockInput.Type.INT) {
      Param xp = s.params().get(0);
      m.param("in_exp", xp.header());
      List<Expr> mags = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        Signal x = m.input("x" + i, HwType.s(s.input().bits()));
        signs.add(x.bit(s.input().bits() - 1));
        mags.add(m.wire("mag" + i, magnitude(x)));
      }
      Expr xExp = new ParamSignals(m, 1).of(xp).asSigned();
      shared = SharedExponent.ofIntegers(m, s, structure, mags, xExp);
      m.stage("shared shift: every magnitude counted in quanta of the element");
      Expr r = m.wire("shift_shared", shared.exponent.add(SharedExponent.sLit(f.quantumExponent())).sub(xExp)
          .truncate(SharedExponent.E_BITS).asSigned());
      m.stage("elements: round, saturate, encode");
      for (int i = 0; i < k; i++) {
        codes.add(element(m, s, structure, "el" + i, signs.get(i), mags.get(i), r, range));
      }
    } else {
      List<Expr> fields = new ArrayList<>();
      List<Expr> magnitudes = new ArrayList<>();
      List<Expr> sigs = new ArrayList<>();
      List<Expr> effective = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        Signal x = m.input("x" + i, HwType.u(32));
        signs.add(x.bit(31));
        Expr field = m.wire("field" + i, x.slice(30, 23));
        fields.add(field);
        magnitudes.add(x.slice(30, 0));
        Expr normal = field.orR();
        sigs.add(m.wire("sig" + i, Expr.cat(normal, x.slice(22, 0))));
        // a subnormal's exponent is that of field 1, with no hidden one
        effective.add(normal.select(field, Expr.lit(1, HwType.u(8))));
      }
      shared = SharedExponent.ofFloats(m, s, structure, fields, magnitudes);
      m.stage("elements: align to the shared exponent, round, saturate, encode");
      for (int i = 0; i < k; i++) {
        // value = sig * 2^(field - 150): counted in quanta, a right shift by E + quantum exponent + 150 - field
        Expr r = m.wire("shift" + i, shared.exponent.add(SharedExponent.sLit(f.quantumExponent() + 150))
            .sub(effective.get(i).extend(9).toSigned()).truncate(SharedExponent.E_BITS).asSigned());
        codes.add(element(m, s, structure, "el" + i, signs.get(i), sigs.get(i), r, range));
      }
    }
    m.stage("outputs (a NaN scale writes every element as 0)");
    Expr scale = shared.nan.select(Expr.lit(MxFormat.SCALE.nanCode(), HwType.u(8)),
        shared.exponent.add(SharedExponent.sLit(MxFormat.SCALE.encode(0))).asUnsigned().truncate(8));
    List<Expr> outs = new ArrayList<>();
    outs.add(scale);
    for (Expr c : codes) {
      outs.add(Arith.choose(shared.nan, Expr.lit(0, HwType.u(f.bits())), c));
    }
    outs = pipeline(m, outs, s.pipeline());
    m.assign(m.output("scale", HwType.u(8)), outs.get(0));
    for (int i = 0; i < k; i++) {
      m.assign(m.output("q" + i, HwType.u(f.bits())), outs.get(i + 1));
    }
    return m.build();
  }

  private static Expr element(ModuleBuilder m, BlockQuantizerSpec s, Structure structure, String name, Expr sign, Expr mag, Expr r,
      int[] range) {
    if (structure == Structure.PLAIN) {
      return PlainElement.encode(m, name, s, sign, mag, r, range[0], range[1]);
    }
    Align a = Align.of(m, name, mag, r, range[0], range[1], s.format().magnitudeBits());
    return m.wire(name + "_code", ElementEncoder.encode(m, name, s, sign, a.integer, a.round, a.sticky, a.tooBig));
  }

  /** |x| of a signed value, unsigned and as wide as x (the most negative value's magnitude needs every bit). */
  static Expr magnitude(Expr x) {
    int w = x.width();
    Expr neg = x.neg(); // s(w + 1)
    return x.bit(w - 1).select(neg, x.extend(w + 1)).asUnsigned().truncate(w);
  }

  private static List<Expr> pipeline(ModuleBuilder m, List<Expr> values, int stages) {
    m.latency(stages);
    List<Expr> v = values;
    for (int st = 0; st < stages; st++) {
      List<Expr> next = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) {
        Signal reg = m.reg((i == 0 ? "scale" : "q" + (i - 1)) + "_stage" + st + "_q", v.get(i).type());
        m.next(reg, v.get(i));
        next.add(reg);
      }
      v = next;
    }
    return v;
  }

  /**
   * The range of the right shift that counts a magnitude in quanta, over every input the design
   * can see where the elements matter (a NaN block's are written as 0, a zero block's magnitudes
   * are 0 whatever the shift): {min, max}.
   */
  static int[] shiftRange(BlockQuantizerSpec s) {
    MxFormat f = s.format();
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    int bumpMax = s.scaleRule() == ScaleRule.CEIL ? 1 : 0;
    if (s.input().type() == BlockInput.Type.INT) {
      int lo = s.input().exponent().isPresent() ? s.input().exponent().getAsInt() : -128;
      int hi = s.input().exponent().isPresent() ? s.input().exponent().getAsInt() : 127;
      for (int x = lo; x <= hi; x++) {
        for (int l = 0; l < s.input().bits(); l++) { // not the zero block: its magnitudes are 0 whatever the shift
          for (int bump = 0; bump <= bumpMax; bump++) {
            Integer e = exponent(s, l + x - f.emax() + bump);
            if (e != null) {
              int r = e + f.quantumExponent() - x;
              min = Math.min(min, r);
              max = Math.max(max, r);
            }
          }
        }
      }
    } else {
      for (int field = 0; field <= 254; field++) {
        for (int bump = 0; bump <= bumpMax; bump++) {
          Integer e = exponent(s, field - 127 - f.emax() + bump);
          if (e == null) {
            continue;
          }
          for (int own : new int[] {1, Math.max(1, field)}) {
            int r = e + f.quantumExponent() + 150 - own;
            min = Math.min(min, r);
            max = Math.max(max, r);
          }
        }
      }
    }
    return new int[] {min, max};
  }

  /** E after the clamps, or null where the block is NaN. */
  private static Integer exponent(BlockQuantizerSpec s, int raw) {
    if (raw < MxFormat.SCALE.minExponent()) {
      return MxFormat.SCALE.minExponent();
    }
    if (raw > MxFormat.SCALE.maxExponent()) {
      return s.overflow() == ScaleOverflow.NAN ? null : MxFormat.SCALE.maxExponent();
    }
    return raw;
  }
}
