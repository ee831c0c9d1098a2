package dev.qrtl.kind;

import dev.qrtl.core.Module;
import dev.qrtl.gen.mac.GroupPeGenerator;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.spec.GroupPeSpec;
import java.util.Optional;

/** MAC processing elements with per-group scales along K (and the plain one, granularity tensor). One operation is one product. */
final class GroupPeKind implements DesignKind<GroupPeSpec> {
  @Override
  public String name() {
    return "group-pe";
  }

  @Override
  public Optional<Class<GroupPeSpec>> specType() {
    return Optional.of(GroupPeSpec.class);
  }

  @Override
  public Module generate(GroupPeSpec spec) {
    return GroupPeGenerator.generate(spec);
  }

  @Override
  public boolean flatSynthesis() {
    return true;
  }

  @Override
  public String operation() {
    return "MAC";
  }

  @Override
  public Workload workload(Manifest m, GroupPeSpec spec, Workload.Request r) {
    GroupPeRecords g = new GroupPeRecords(m, spec, r.stimulus(), r.operations(), r.seed(), r.energy());
    return new Workload(g, g.total(), r.operations(), r.stimulus().text() + " activations and weights");
  }
}
