package dev.qrtl.gen.mac;

import dev.qrtl.core.Expr;
import dev.qrtl.core.HwType;
import dev.qrtl.core.Module;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.core.Signal;
import dev.qrtl.gen.Arith;
import dev.qrtl.spec.GroupPeSpec;
import dev.qrtl.spec.GroupPeSpec.Granularity;

/**
 * The group-scaled PE: a product per valid cycle into a narrow group sum; on a group's last
 * product the group sum, with that product, is scaled (a shifter, an m-bit multiplier, or an
 * 11-bit multiplier and a shifter for binary16) and added into the wide accumulator, and the group
 * sum restarts. {@code first} starts a dot product. With granularity TENSOR it is the plain MAC.
 */
public final class GroupPeGenerator {
  private GroupPeGenerator() {}

  public static Module generate(GroupPeSpec s) {
    boolean grouped = s.granularity() == Granularity.GROUP;
    ModuleBuilder m = new ModuleBuilder(s.moduleName()).latency(1)
        .description(grouped ? "MAC with a " + s.scale().cliName() + " scale per group of " + s.group() + " products" : "MAC, one scale after the dot product");
    m.param("a_bits", s.aBits()).param("w_bits", s.wBits()).param("k", s.k()).param("granularity", grouped ? "group:" + s.group() : "tensor");
    if (grouped) {
      m.param("group_scale", s.scale().cliName()).param("scale_bits", s.scaleBits());
    }
    m.param("acc_bits", s.accBits());
    Signal a = m.input("a", HwType.s(s.aBits()));
    Signal w = m.input("w", HwType.s(s.wBits()));
    Signal scale = grouped ? m.input("scale", HwType.u(s.scaleBits())) : null;
    Signal first = m.input("first", HwType.u(1));
    Signal valid = m.input("valid", HwType.u(1));
    Expr p = m.wire("product", a.mul(w));
    Signal acc = m.reg("acc_q", HwType.s(s.accBits()), 0);
    if (!grouped) {
      Expr sum = acc.add(p).truncate(s.accBits()).asSigned();
      m.next(acc, first.select(p.extend(s.accBits()), sum), valid);
      m.assign(m.output("acc", HwType.s(s.accBits())), acc);
      return m.build();
    }
    int gb = s.groupSumBits();
    int cb = Arith.bitsFor(s.group() - 1);
    Signal gsum = m.reg("group_sum_q", HwType.s(gb), 0);
    Signal count = m.reg("group_count_q", HwType.u(cb), 0);
    Signal fresh = m.reg("fresh_q", HwType.u(1), 1);
    m.stage("group sum");
    Expr gsIn = first.select(Expr.lit(0, HwType.s(gb)), gsum);
    Expr countIn = first.select(Expr.lit(0, HwType.u(cb)), count);
    Expr freshIn = first.or(fresh);
    Expr g = m.wire("group_sum", gsIn.add(p).truncate(gb).asSigned());
    Expr end = m.wire("group_end", countIn.eq(Expr.lit(s.group() - 1, HwType.u(cb))));
    m.stage("group scale");
    Expr scaled = m.wire("scaled", scale(m, s, g, scale));
    m.stage("accumulate");
    Expr added = acc.add(scaled).truncate(s.accBits()).asSigned();
    Expr accNext = end.select(freshIn.select(scaled.extend(s.accBits()), added), acc);
    m.next(acc, accNext, valid);
    m.next(gsum, end.select(Expr.lit(0, HwType.s(gb)), g), valid);
    m.next(count, end.select(Expr.lit(0, HwType.u(cb)), countIn.add(Expr.lit(1, HwType.u(1))).truncate(cb)), valid);
    m.next(fresh, end.select(Expr.lit(0, HwType.u(1)), freshIn), valid);
    m.assign(m.output("acc", HwType.s(s.accBits())), acc);
    return m.build();
  }

  private static Expr scale(ModuleBuilder m, GroupPeSpec s, Expr g, Expr code) {
    int w = s.scaledBits();
    return switch (s.scale()) {
      case SHIFT -> Arith.shiftLeftWithin(g.extend(w), code).asSigned();
      case DYADIC -> g.mul(code.toSigned()).extend(w);
      case FP16 -> {
        Expr field = code.slice(14, 10);
        Expr normal = field.orR();
        Expr sig = Expr.cat(normal, code.slice(9, 0));
        Expr shift = normal.select(field.sub(Expr.lit(1, HwType.u(1))).asUnsigned().truncate(5), Expr.lit(0, HwType.u(5)));
        Expr prod = m.wire("scale_product", g.mul(sig.toSigned()));
        Expr shifted = Arith.shiftLeftWithin(prod.extend(w), shift).asSigned();
        yield code.bit(15).select(shifted.neg().truncate(w).asSigned(), shifted);
      }
    };
  }
}
