package dev.qrtl.core;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mutable side of the DSL: a generator creates ports, wires, registers and instances with
 * plain Java code, then calls {@link #build()} for an immutable, checked {@link Module}.
 *
 * <pre>{@code
 * ModuleBuilder m = new ModuleBuilder("adder_u8");
 * Signal a = m.input("a", HwType.u(8));
 * Signal b = m.input("b", HwType.u(8));
 * m.assign(m.output("sum", HwType.u(9)), a.add(b));
 * Module adder = m.build();
 * }</pre>
 *
 * <p>A module has at most one clock ({@code clk}, rising edge) and one synchronous active-high
 * reset ({@code rst}); both are created on first need.
 */
public final class ModuleBuilder {
  private String stage;
  private final String name;
  private String description = "";
  private final Map<String, String> params = new LinkedHashMap<>();
  private final List<Signal> ports = new ArrayList<>();
  private final List<Signal> wires = new ArrayList<>();
  private final Map<Signal, Expr> drivers = new LinkedHashMap<>();
  private final Map<Signal, Register> registers = new LinkedHashMap<>();
  private final List<Signal> declaredRegs = new ArrayList<>();
  private final Map<Signal, BigInteger> resetValues = new LinkedHashMap<>();
  private final List<InstanceBuilder> instances = new ArrayList<>();
  private Signal clock;
  private Signal reset;
  private int latency;
  private boolean built;

  public ModuleBuilder(String name) {
    if (name == null || name.isBlank()) {
      throw new HdlException("a module needs a name");
    }
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** Records a generator parameter for the header comment and the manifest. */
  public ModuleBuilder param(String key, Object value) {
    params.put(key, String.valueOf(value));
    return this;
  }

  public ModuleBuilder description(String text) {
    this.description = text;
    return this;
  }

  /** Declares the cycles from inputs to outputs (0 = combinational). */
  public ModuleBuilder latency(int cycles) {
    if (cycles < 0) {
      throw new HdlException("latency " + cycles + " of module '" + name + "' is negative");
    }
    this.latency = cycles;
    return this;
  }

  // ---- declarations -------------------------------------------------------------------------

  public Signal input(String portName, HwType type) {
    Signal s = newSignal(portName, type, SignalKind.INPUT);
    ports.add(s);
    return s;
  }

  public Signal output(String portName, HwType type) {
    Signal s = newSignal(portName, type, SignalKind.OUTPUT);
    ports.add(s);
    return s;
  }

  /** An internal wire to be driven later with {@link #assign}. */
  public Signal wire(String wireName, HwType type) {
    Signal s = newSignal(wireName, type, SignalKind.WIRE);
    wires.add(s);
    return s;
  }

  /** An internal wire of the value's type, driven by {@code value}: names an intermediate. */
  public Signal wire(String wireName, Expr value) {
    Signal s = wire(wireName, value.type());
    assign(s, value);
    return s;
  }

  /** A register without reset; give its next value with {@link #next}. */
  public Signal reg(String regName, HwType type) {
    Signal s = newSignal(regName, type, SignalKind.REG);
    declaredRegs.add(s);
    clock();
    return s;
  }

  /** A register with a synchronous reset to {@code resetValue}. */
  public Signal reg(String regName, HwType type, long resetValue) {
    return reg(regName, type, BigInteger.valueOf(resetValue));
  }

  public Signal reg(String regName, HwType type, BigInteger resetValue) {
    if (!type.fits(resetValue)) {
      throw new HdlException(
          "reset value " + resetValue + " of register '" + regName + "' does not fit " + type
              + " (at " + SourceLocation.caller() + ")");
    }
    Signal s = reg(regName, type);
    resetValues.put(s, resetValue);
    reset();
    return s;
  }

  /** {@code q <= value} on every rising clock edge. */
  public void next(Signal q, Expr value) {
    setNext(q, value, null);
  }

  /** {@code q <= value} on rising clock edges where {@code enable} is 1. */
  public void next(Signal q, Expr value, Expr enable) {
    if (!enable.type().equals(HwType.u(1))) {
      throw new HdlException(
          "enable of register '" + q.name() + "' is " + enable.type() + ", not u1 (at "
              + SourceLocation.caller() + ")");
    }
    setNext(q, value, enable);
  }

  /** Drives an output or a wire. A narrower value is extended by its signedness. */
  public void assign(Signal target, Expr value) {
    checkOpen();
    checkOwn(target);
    if (target.kind() != SignalKind.OUTPUT && target.kind() != SignalKind.WIRE) {
      throw new HdlException(
          "cannot assign to " + target.kind().name().toLowerCase(java.util.Locale.ROOT) + " '"
              + target.name() + "' (at " + SourceLocation.caller() + "); "
              + (target.kind() == SignalKind.REG ? "use next() for registers" : "only outputs and wires are assigned"));
    }
    if (drivers.containsKey(target)) {
      throw new HdlException(
          "'" + target.name() + "' is driven twice (at " + SourceLocation.caller() + ")");
    }
    drivers.put(target, fitTo(target, value));
  }

  /** Places {@code child} under the instance name {@code instanceName}. */
  public InstanceBuilder instance(String instanceName, Module child) {
    checkOpen();
    InstanceBuilder ib = new InstanceBuilder(this, instanceName, child);
    instances.add(ib);
    if (child.clock().isPresent()) {
      clock();
    }
    if (child.reset().isPresent()) {
      reset();
    }
    return ib;
  }

  /**
   * Names the generator stage that the signals declared from now on belong to ("rounding shift",
   * "saturation"); the emitter separates stages by a comment naming them.
   */
  public ModuleBuilder stage(String stageName) {
    checkOpen();
    this.stage = stageName;
    return this;
  }

  /** The module clock input {@code clk}, created on first use. */
  public Signal clock() {
    if (clock == null) {
      clock = newSignal("clk", HwType.u(1), SignalKind.INPUT);
    }
    return clock;
  }

  /** The synchronous active-high reset input {@code rst}, created on first use. */
  public Signal reset() {
    if (reset == null) {
      clock();
      reset = newSignal("rst", HwType.u(1), SignalKind.INPUT);
    }
    return reset;
  }

  // ---- build --------------------------------------------------------------------------------

  /** Checks the module (every net driven, no combinational loop) and freezes it. */
  public Module build() {
    checkOpen();
    for (Signal p : ports) {
      if (p.kind() == SignalKind.OUTPUT && !drivers.containsKey(p)) {
        throw new HdlException(
            "output '" + p.name() + "' of module '" + name + "' is never driven (declared at "
                + p.declaredAt() + ")");
      }
    }
    for (Signal w : wires) {
      if (!drivers.containsKey(w)) {
        throw new HdlException(
            "wire '" + w.name() + "' of module '" + name + "' is never driven (declared at "
                + w.declaredAt() + ")");
      }
    }
    for (Signal r : declaredRegs) {
      if (!registers.containsKey(r)) {
        throw new HdlException(
            "register '" + r.name() + "' of module '" + name
                + "' has no next value (declared at " + r.declaredAt() + ")");
      }
    }
    List<Instance> frozen = new ArrayList<>();
    for (InstanceBuilder ib : instances) {
      frozen.add(ib.freeze());
    }
    for (Expr e : drivers.values()) {
      checkOwnAll(e);
    }
    for (Register r : registers.values()) {
      checkOwnAll(r.next());
      r.enable().ifPresent(this::checkOwnAll);
    }
    for (Instance inst : frozen) {
      inst.inputs().values().forEach(this::checkOwnAll);
    }
    List<Signal> allPorts = new ArrayList<>();
    if (clock != null) {
      allPorts.add(clock);
    }
    if (reset != null) {
      allPorts.add(reset);
    }
    allPorts.addAll(ports);
    Map<String, java.util.Set<String>> combDeps =
        CombinationalCheck.check(name, allPorts, drivers, frozen);
    built = true;
    return new Module(
        name,
        description,
        params,
        allPorts,
        drivers,
        wires,
        new ArrayList<>(registers.values()),
        frozen,
        Optional.ofNullable(clock),
        Optional.ofNullable(reset),
        latency,
        combDeps);
  }

  // ---- internals ----------------------------------------------------------------------------

  Signal newSignal(String signalName, HwType type, SignalKind kind) {
    checkOpen();
    if (signalName == null || signalName.isEmpty()) {
      throw new HdlException("a signal needs a name (at " + SourceLocation.caller() + ")");
    }
    return new Signal(signalName, type, kind, SourceLocation.caller(), this, stage);
  }

  private void setNext(Signal q, Expr value, Expr enable) {
    checkOpen();
    checkOwn(q);
    if (q.kind() != SignalKind.REG) {
      throw new HdlException(
          "next() needs a register but '" + q.name() + "' is a "
              + q.kind().name().toLowerCase(java.util.Locale.ROOT) + " (at " + SourceLocation.caller() + ")");
    }
    if (registers.containsKey(q)) {
      throw new HdlException(
          "register '" + q.name() + "' has two next values (at " + SourceLocation.caller() + ")");
    }
    registers.put(
        q,
        new Register(q, fitTo(q, value), Optional.ofNullable(resetValues.get(q)), Optional.ofNullable(enable)));
  }

  /** Checks that {@code value} may drive {@code target} and widens it if narrower. */
  Expr fitTo(Signal target, Expr value) {
    if (value.signed() != target.signed()) {
      throw new HdlException(
          "signedness mismatch: cannot drive " + target.type() + " '" + target.name() + "' with "
              + Ops.describe(value) + " of type " + value.type() + " (at " + SourceLocation.caller()
              + "); convert explicitly with toSigned(), asSigned() or asUnsigned()");
    }
    if (value.width() > target.width()) {
      throw new HdlException(
          "width mismatch: cannot drive " + target.width() + "-bit " + target.type() + " '"
              + target.name() + "' with " + value.width() + "-bit " + Ops.describe(value) + " of type "
              + value.type() + " (at " + SourceLocation.caller() + "); truncate explicitly with truncate("
              + target.width() + ")");
    }
    return value.extend(target.width());
  }

  private void checkOwn(Signal s) {
    if (s.owner() != this) {
      throw new HdlException(
          "signal '" + s.name() + "' (declared at " + s.declaredAt() + ") does not belong to module '"
              + name + "' (at " + SourceLocation.caller() + ")");
    }
  }

  private void checkOwnAll(Expr e) {
    for (Signal s : ExprWalk.signals(e)) {
      if (s.owner() != this) {
        throw new HdlException(
            "module '" + name + "' reads signal '" + s.name() + "' of another module (declared at "
                + s.declaredAt() + "); connect it through a port");
      }
    }
  }

  private void checkOpen() {
    if (built) {
      throw new HdlException("module '" + name + "' is already built and cannot change");
    }
  }
}
