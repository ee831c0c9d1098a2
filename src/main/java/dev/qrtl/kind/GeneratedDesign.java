package dev.qrtl.kind;

import dev.qrtl.core.Module;
import dev.qrtl.spec.DesignSpec;

/**
 * A generated top module, its family (the manifest's {@code kind}) and the spec it was built
 * from (null for hand-built example circuits, which have none).
 */
public record GeneratedDesign(Module module, String kind, DesignSpec spec) {
  public static GeneratedDesign of(Module module, DesignSpec spec) {
    return new GeneratedDesign(module, DesignKinds.of(spec).name(), spec);
  }
}
