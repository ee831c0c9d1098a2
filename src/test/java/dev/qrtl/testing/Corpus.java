package dev.qrtl.testing;

import static dev.qrtl.core.HwType.s;
import static dev.qrtl.core.HwType.u;

import dev.qrtl.core.Expr;
import dev.qrtl.core.InstanceBuilder;
import dev.qrtl.core.Module;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.core.Signal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Small designs that together use every IR node kind, register option and naming corner: the
 * cases behind the emitter golden files, the lint tests and the evaluator tests.
 */
public final class Corpus {
  private Corpus() {}

  public static Map<String, Supplier<Module>> all() {
    Map<String, Supplier<Module>> m = new LinkedHashMap<>();
    m.put("adder_u8", Corpus::adderU8);
    m.put("signed_ops", Corpus::signedOps);
    m.put("unsigned_sub_cmp", Corpus::unsignedSubCmp);
    m.put("shifts", Corpus::shifts);
    m.put("bits_and_reductions", Corpus::bitsAndReductions);
    m.put("accumulator", Corpus::accumulator);
    m.put("hierarchy", Corpus::hierarchy);
    m.put("keywords", Corpus::keywords);
    m.put("wide", Corpus::wide);
    return m;
  }

  public static Module adderU8() {
    ModuleBuilder m = new ModuleBuilder("adder_u8").description("sum of two unsigned bytes").param("width", 8);
    Signal a = m.input("a", u(8));
    Signal b = m.input("b", u(8));
    m.assign(m.output("sum", u(9)), a.add(b));
    return m.build();
  }

  public static Module signedOps() {
    ModuleBuilder m = new ModuleBuilder("signed_ops").description("signed arithmetic with mixed widths");
    Signal a = m.input("a", s(8));
    Signal b = m.input("b", s(4));
    m.assign(m.output("sum", s(9)), a.add(b));
    m.assign(m.output("diff", s(9)), a.sub(b));
    m.assign(m.output("prod", s(12)), a.mul(b));
    m.assign(m.output("neg", s(9)), a.neg());
    m.assign(m.output("masked", s(8)), a.and(b).xor(Expr.lit(-3, s(3))));
    m.assign(m.output("less", u(1)), a.lt(b));
    m.assign(m.output("max", s(8)), a.ge(b).select(a, b));
    m.assign(m.output("plus_min", s(9)), a.add(Expr.lit(-128, s(8))));
    return m.build();
  }

  public static Module unsignedSubCmp() {
    ModuleBuilder m = new ModuleBuilder("unsigned_sub_cmp").description("unsigned difference is signed");
    Signal a = m.input("a", u(6));
    Signal b = m.input("b", u(3));
    m.assign(m.output("diff", s(7)), a.sub(b));
    m.assign(m.output("eq", u(1)), a.eq(b));
    m.assign(m.output("ne", u(1)), a.ne(b));
    m.assign(m.output("le", u(1)), a.le(b));
    m.assign(m.output("gt", u(1)), a.gt(b));
    m.assign(m.output("as_signed", s(7)), a.toSigned());
    return m.build();
  }

  public static Module shifts() {
    ModuleBuilder m = new ModuleBuilder("shifts").description("constant and variable shifts");
    Signal a = m.input("a", s(10));
    Signal k = m.input("k", u(3));
    m.assign(m.output("shl3", s(13)), a.shl(3));
    m.assign(m.output("shr3", s(7)), a.shr(3));
    m.assign(m.output("srl3", u(7)), a.srl(3));
    m.assign(m.output("shl_var", s(17)), a.shl(k));
    m.assign(m.output("sra_var", s(10)), a.shr(k));
    m.assign(m.output("srl_var", u(10)), a.srl(k));
    m.assign(m.output("shr_all", s(1)), a.shr(12));
    return m.build();
  }

  public static Module bitsAndReductions() {
    ModuleBuilder m = new ModuleBuilder("bits_and_reductions").description("slices, concatenation, reductions");
    Signal a = m.input("a", u(8));
    Signal b = m.input("b", s(5));
    m.assign(m.output("swapped", u(8)), Expr.cat(a.slice(3, 0), a.slice(7, 4)));
    m.assign(m.output("top", u(1)), a.bit(7));
    m.assign(m.output("all", u(1)), a.andR());
    m.assign(m.output("any", u(1)), b.orR());
    m.assign(m.output("parity", u(1)), a.xorR());
    m.assign(m.output("inv", s(5)), b.not());
    m.assign(m.output("trunc", s(3)), b.truncate(3));
    m.assign(m.output("ext", s(9)), b.extend(9));
    m.assign(m.output("bits", u(5)), b.asUnsigned());
    return m.build();
  }

  public static Module accumulator() {
    ModuleBuilder m = new ModuleBuilder("accumulator").description("clear/accumulate register").latency(1);
    Signal x = m.input("x", s(8));
    Signal en = m.input("en", u(1));
    Signal clear = m.input("clear", u(1));
    Signal acc = m.reg("acc_q", s(16), 0);
    Signal sum = m.wire("sum", acc.add(x).truncate(16));
    m.next(acc, clear.select(x.extend(16), sum), en);
    Signal last = m.reg("last_q", s(8));
    m.next(last, x);
    m.assign(m.output("acc", s(16)), acc);
    m.assign(m.output("last", s(8)), last);
    return m.build();
  }

  public static Module hierarchy() {
    Module adder = adderU8();
    ModuleBuilder m = new ModuleBuilder("hierarchy").description("two instances of one child, emitted once");
    Signal a = m.input("a", u(8));
    Signal b = m.input("b", u(8));
    Signal c = m.input("c", u(8));
    InstanceBuilder first = m.instance("u_first", adder).in("a", a).in("b", b);
    InstanceBuilder second = m.instance("u_second", adder).in("a", first.out("sum").truncate(8)).in("b", c);
    Signal r = m.reg("sum_q", u(9));
    m.next(r, second.out("sum"));
    m.assign(m.output("total", u(9)), r);
    m.latency(1);
    return m.build();
  }

  public static Module keywords() {
    ModuleBuilder m = new ModuleBuilder("keywords").description("names that clash with Verilog keywords or each other");
    Signal reg = m.input("reg", u(4));
    Signal wire = m.input("wire", u(4));
    Signal dup1 = m.wire("x", reg.and(wire));
    Signal dup2 = m.wire("x", reg.or(wire));
    Signal odd = m.wire("3 odd-name", dup1.xor(dup2));
    m.assign(m.output("output", u(4)), odd);
    m.assign(m.output("t0", u(5)), reg.add(wire));
    return m.build();
  }

  public static Module wide() {
    ModuleBuilder m = new ModuleBuilder("wide").description("values wider than 64 bits");
    Signal a = m.input("a", s(100));
    Signal b = m.input("b", u(70));
    m.assign(m.output("sum", s(101)), a.add(b.toSigned()));
    m.assign(m.output("prod", u(140)), b.mul(b));
    m.assign(m.output("big_const", s(101)), a.add(Expr.lit(new java.math.BigInteger("-12345678901234567890123"), s(80))));
    return m.build();
  }
}
