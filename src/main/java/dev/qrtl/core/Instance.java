package dev.qrtl.core;

import java.util.Map;

/**
 * A child module placed inside a parent. {@code inputs} maps each child input port to the parent
 * expression driving it; {@code outputs} maps each child output port to the parent net it drives.
 * Clock and reset are connected implicitly to the parent's.
 */
public record Instance(String name, Module module, Map<String, Expr> inputs, Map<String, Signal> outputs) {
  public Instance {
    inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
    outputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
  }
}
