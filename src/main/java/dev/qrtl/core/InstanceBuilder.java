package dev.qrtl.core;

import java.util.LinkedHashMap;
import java.util.Map;

/** Connects the ports of one child instance by name; see {@link ModuleBuilder#instance}. */
public final class InstanceBuilder {
  private final ModuleBuilder parent;
  private final String name;
  private final Module child;
  private final Map<String, Expr> inputs = new LinkedHashMap<>();
  private final Map<String, Signal> outputs = new LinkedHashMap<>();

  InstanceBuilder(ModuleBuilder parent, String name, Module child) {
    this.parent = parent;
    this.name = name;
    this.child = child;
    // Every output gets a parent-side net now, so out() can be called in any order.
    for (Signal p : child.outputs()) {
      outputs.put(p.name(), parent.newSignal(name + "_" + p.name(), p.type(), SignalKind.INSTANCE_OUTPUT));
    }
  }

  /** Drives the child's input {@code port}; a narrower value is extended by its signedness. */
  public InstanceBuilder in(String port, Expr value) {
    Signal p = child.port(port);
    if (p.kind() != SignalKind.INPUT || isClockOrReset(p)) {
      throw new HdlException(
          "'" + port + "' of module '" + child.name() + "' is not a data input (at "
              + SourceLocation.caller() + ")");
    }
    if (inputs.containsKey(port)) {
      throw new HdlException(
          "input '" + port + "' of instance '" + name + "' is connected twice (at "
              + SourceLocation.caller() + ")");
    }
    inputs.put(port, parent.fitTo(p, value));
    return this;
  }

  /** The parent net driven by the child's output {@code port}. */
  public Signal out(String port) {
    Signal s = outputs.get(port);
    if (s == null) {
      throw new HdlException(
          "module '" + child.name() + "' has no output '" + port + "'; its outputs are "
              + outputs.keySet() + " (at " + SourceLocation.caller() + ")");
    }
    return s;
  }

  public String name() {
    return name;
  }

  Instance freeze() {
    for (Signal p : child.inputs()) {
      if (!isClockOrReset(p) && !inputs.containsKey(p.name())) {
        throw new HdlException(
            "input '" + p.name() + "' of instance '" + name + "' (module '" + child.name()
                + "') is not connected");
      }
    }
    return new Instance(name, child, inputs, outputs);
  }

  private boolean isClockOrReset(Signal p) {
    return child.clock().filter(c -> c == p).isPresent() || child.reset().filter(r -> r == p).isPresent();
  }
}
