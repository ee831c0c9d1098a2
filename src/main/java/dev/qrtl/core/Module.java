package dev.qrtl.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable, checked hardware module: the result of {@link ModuleBuilder#build()}. Every
 * collection keeps declaration order, so every pass over a module (emission, evaluation) is
 * deterministic.
 */
public final class Module {
  private final String name;
  private final String description;
  private final Map<String, String> params;
  private final List<Signal> ports;
  private final Map<Signal, Expr> drivers;
  private final List<Signal> wires;
  private final List<Register> registers;
  private final List<Instance> instances;
  private final Optional<Signal> clock;
  private final Optional<Signal> reset;
  private final int latency;
  private final Map<String, Set<String>> combDeps;

  Module(
      String name,
      String description,
      Map<String, String> params,
      List<Signal> ports,
      Map<Signal, Expr> drivers,
      List<Signal> wires,
      List<Register> registers,
      List<Instance> instances,
      Optional<Signal> clock,
      Optional<Signal> reset,
      int latency,
      Map<String, Set<String>> combDeps) {
    this.name = name;
    this.description = description;
    this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    this.ports = List.copyOf(ports);
    this.drivers = Collections.unmodifiableMap(new LinkedHashMap<>(drivers));
    this.wires = List.copyOf(wires);
    this.registers = List.copyOf(registers);
    this.instances = List.copyOf(instances);
    this.clock = clock;
    this.reset = reset;
    this.latency = latency;
    this.combDeps = Collections.unmodifiableMap(combDeps);
  }

  public String name() {
    return name;
  }

  /** One line saying what the module computes (for the emitted header), or empty. */
  public String description() {
    return description;
  }

  /** Generator parameters, in the order given, for the header comment and the manifest. */
  public Map<String, String> params() {
    return params;
  }

  /** All ports in declaration order, clock and reset first. */
  public List<Signal> ports() {
    return ports;
  }

  public List<Signal> inputs() {
    return ports.stream().filter(p -> p.kind() == SignalKind.INPUT).toList();
  }

  public List<Signal> outputs() {
    return ports.stream().filter(p -> p.kind() == SignalKind.OUTPUT).toList();
  }

  /** The port named {@code portName}, or an exception naming the module's ports. */
  public Signal port(String portName) {
    for (Signal p : ports) {
      if (p.name().equals(portName)) {
        return p;
      }
    }
    throw new HdlException(
        "module '" + name + "' has no port '" + portName + "'; its ports are "
            + ports.stream().map(Signal::name).toList());
  }

  /** The driver of every output and wire, in declaration order. */
  public Map<Signal, Expr> drivers() {
    return drivers;
  }

  /** Internal wires in declaration order. */
  public List<Signal> wires() {
    return wires;
  }

  public List<Register> registers() {
    return registers;
  }

  public List<Instance> instances() {
    return instances;
  }

  public Optional<Signal> clock() {
    return clock;
  }

  public Optional<Signal> reset() {
    return reset;
  }

  /** Cycles from input to output as declared by the generator (0 = combinational). */
  public int latency() {
    return latency;
  }

  /** For each output port, the input ports it depends on combinationally. */
  public Map<String, Set<String>> combDeps() {
    return combDeps;
  }

  @Override
  public String toString() {
    return "module " + name;
  }
}
