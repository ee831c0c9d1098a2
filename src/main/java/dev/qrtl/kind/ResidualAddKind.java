package dev.qrtl.kind;

import dev.qrtl.core.Module;
import dev.qrtl.gen.quant.ResidualAddGenerator;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.spec.ResidualAddSpec;
import java.util.Optional;
import java.util.Set;

/** Residual-add units of every scheme: two quantized inputs with their own scales, one output. One operation is one output value. */
final class ResidualAddKind implements DesignKind<ResidualAddSpec> {
  @Override
  public String name() {
    return "residual-add";
  }

  @Override
  public Optional<Class<ResidualAddSpec>> specType() {
    return Optional.of(ResidualAddSpec.class);
  }

  @Override
  public Module generate(ResidualAddSpec spec) {
    Module m = ResidualAddGenerator.generate(spec);
    ParamCheck.check(m, spec.params(), Set.of("a", "b"));
    return m;
  }

  @Override
  public boolean flatSynthesis() {
    return true;
  }

  @Override
  public String operation() {
    return "residual add";
  }

  @Override
  public Workload workload(Manifest m, ResidualAddSpec spec, Workload.Request r) {
    ResidualAddRecords g = new ResidualAddRecords(m, spec, r.stimulus(), r.operations(), r.seed(), r.paramPeriod(), r.energy());
    return new Workload(g, g.total(), r.operations(), r.stimulus().text() + " inputs a and b");
  }
}
