package dev.qrtl.kind;

import dev.qrtl.core.Module;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestException;
import dev.qrtl.spec.DesignSpec;
import java.util.Optional;

/**
 * A circuit built by hand with the DSL (the README's MAC cell, the network view's batch-norm and
 * ReLU stages): it carries no spec, so it has no golden model of its own; synthesized flat.
 */
final class ExampleKind implements DesignKind<DesignSpec> {
  static final String NAME = "example";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<Class<DesignSpec>> specType() {
    return Optional.empty();
  }

  @Override
  public Module generate(DesignSpec spec) {
    throw new IllegalArgumentException("an example circuit is built by hand, not from a spec");
  }

  @Override
  public boolean flatSynthesis() {
    return true;
  }

  @Override
  public String operation() {
    return "operation";
  }

  @Override
  public Workload workload(Manifest m, DesignSpec spec, Workload.Request r) {
    throw new ManifestException("no golden model for designs of kind 'example' (" + m.top() + "): its manifest carries no spec");
  }
}
