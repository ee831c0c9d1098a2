package dev.qrtl.doors;

import dev.qrtl.core.Expr;
import dev.qrtl.core.HwType;
import dev.qrtl.core.Module;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.core.Signal;
import dev.qrtl.kind.DesignKind;
import dev.qrtl.kind.ElementRecords;
import dev.qrtl.kind.Workload;
import dev.qrtl.manifest.Manifest;
import java.util.Optional;

/**
 * The saturating adder as a design kind, everything in this one class: its generator, its golden
 * model (inside its workload), how it is synthesized, what its operation is.
 */
public final class SatAddKind implements DesignKind<SatAddSpec> {
  @Override
  public String name() {
    return "sat-add";
  }

  @Override
  public Optional<Class<SatAddSpec>> specType() {
    return Optional.of(SatAddSpec.class);
  }

  @Override
  public Module generate(SatAddSpec s) {
    ModuleBuilder m = new ModuleBuilder("sat_add_s" + s.bits()).description("saturating adder: y = clamp(a + b)");
    m.param("bits", s.bits());
    HwType t = HwType.s(s.bits());
    Signal a = m.input("a", t);
    Signal b = m.input("b", t);
    Expr sum = m.wire("sum", a.add(b));
    Expr hi = Expr.lit(s.max(), HwType.s(s.bits() + 1));
    Expr lo = Expr.lit(s.min(), HwType.s(s.bits() + 1));
    Expr clamped = sum.gt(hi).select(hi, sum.lt(lo).select(lo, sum));
    m.assign(m.output("y", t), clamped.truncate(s.bits()).asSigned());
    return m.build();
  }

  @Override
  public boolean flatSynthesis() {
    return true;
  }

  @Override
  public String operation() {
    return "addition";
  }

  /** The golden model: exact addition, then the clamp. */
  static long golden(SatAddSpec s, long a, long b) {
    return Math.max(s.min(), Math.min(s.max(), a + b));
  }

  @Override
  public Workload workload(Manifest m, SatAddSpec s, Workload.Request r) {
    ElementRecords e = new ElementRecords(m, r.stimulus(), r.operations(), r.seed(), in -> new long[] {golden(s, in[0], in[1])});
    return new Workload(e, e.total(), r.operations(), r.stimulus().text());
  }
}
