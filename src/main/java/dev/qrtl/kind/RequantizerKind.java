package dev.qrtl.kind;

import dev.qrtl.core.Module;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.scheme.Schemes;
import dev.qrtl.spec.QuantizerSpec;
import java.util.Map;
import java.util.Optional;

/** Requantizers of every scheme (the scheme registry builds them): one accumulator in, one output {@code q}. */
final class RequantizerKind implements DesignKind<QuantizerSpec> {
  @Override
  public String name() {
    return "quantizer";
  }

  @Override
  public Optional<Class<QuantizerSpec>> specType() {
    return Optional.of(QuantizerSpec.class);
  }

  /** The requantizer's own data input; every other input is a declared parameter's. */
  static final String ACC = "acc";

  @Override
  public Module generate(QuantizerSpec spec) {
    Module m = Schemes.generate(spec);
    ParamCheck.check(m, spec.params(), java.util.Set.of(ACC));
    return m;
  }

  @Override
  public boolean flatSynthesis() {
    return true;
  }

  @Override
  public String operation() {
    return "requantization";
  }

  @Override
  public Workload workload(Manifest m, QuantizerSpec spec, Workload.Request r) {
    QuantizerRecords q = r.energy() ? new QuantizerRecords(m, r.stimulus(), r.operations(), r.seed(), r.paramPeriod(), false)
        : new QuantizerRecords(m, r.stimulus(), r.operations(), r.seed());
    return new Workload(q, q.total(), q.total(), q.describe());
  }

  @Override
  public QuantizerSpec fromFormat1(Map<String, String> p) {
    return Format1Specs.quantizer(p, "");
  }
}
