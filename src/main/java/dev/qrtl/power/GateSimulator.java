package dev.qrtl.power;

import dev.qrtl.liberty.Library;
import dev.qrtl.synth.FlatNetlist;
import dev.qrtl.synth.YosysNetlist;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A two-state simulator of a mapped netlist: combinational cells evaluate their Liberty functions
 * (as truth tables) in topological order; flip-flops load their next state on {@link #edge()}.
 * Flip-flops start storing 0 (Q at 0, QN at 1). It produces events for an {@link EnergyModel}:
 * every transition of a net (with the {@link Timing} chosen: {@link ZeroDelayPropagation} or
 * {@link TimedPropagation}), every change of an input or register output, every clock edge and
 * evaluation. The netlist is elaborated once ({@link Elaboration}); pricing is the model's
 * ({@link LibertyEnergyModel} by default).
 */
public final class GateSimulator {
  /** How transitions inside one clock cycle are timed. */
  public enum Timing { ZERO_DELAY, DELAYS }

  private final Elaboration e;
  private final Timing timing;
  private final EnergyModel model;
  private final LibertyEnergyModel liberty;
  private final ZeroDelayPropagation zeroDelay;
  private final TimedPropagation timed;
  private final boolean[] value;
  private final boolean[] settled;
  private final boolean[] next;
  private long toggles;

  /** A flat module: zero-delay. */
  public GateSimulator(YosysNetlist.NetModule m, Library lib) {
    this(new YosysNetlist("", Map.of(m.name(), m)), m.name(), lib, Timing.ZERO_DELAY);
  }

  /** The netlist's {@code top}, priced by the library ({@link LibertyEnergyModel}) with the default conventions and a 1 ns clock. */
  public GateSimulator(YosysNetlist net, String top, Library lib, Timing timing) {
    this(new Elaboration(net, top, lib), timing, null);
  }

  /** An elaborated netlist with a given energy model (null: the library's {@link LibertyEnergyModel}). */
  public GateSimulator(Elaboration e, Timing timing, EnergyModel model) {
    this.e = e;
    this.timing = timing;
    this.liberty = model == null ? new LibertyEnergyModel(e) : model instanceof LibertyEnergyModel l ? l : null;
    this.model = model == null ? liberty : model;
    this.zeroDelay = new ZeroDelayPropagation(e);
    this.timed = timing == Timing.DELAYS ? new TimedPropagation(e) : null;
    int n = e.netCount();
    this.value = new boolean[n];
    this.value[1] = true;
    for (Elaboration.Flop f : e.flops) {
      // a flip-flop starts storing 0, so its inverted output starts at 1 (never Q = QN = 0)
      if (f.qn() > 1) {
        value[f.qn()] = true;
      }
    }
    this.settled = new boolean[n];
    this.next = new boolean[e.flops.length];
    zeroDelay.evaluate(value, settled, null); // the reset state, not counted
    System.arraycopy(value, 0, settled, 0, n);
    this.model.start(value);
  }

  public Timing timing() {
    return timing;
  }

  public Elaboration elaboration() {
    return e;
  }

  /** Sets an input port to the low bits of {@code v} (takes effect at the next {@link #eval()} or {@link #clock()}). */
  public GateSimulator set(String port, long v) {
    int[] bits = port(e.flat.inputs(), port, "input");
    for (int i = 0; i < bits.length; i++) {
      value[bits[i]] = i < 64 && ((v >>> i) & 1) != 0;
    }
    return this;
  }

  /** Sets an input port from {@code words} (two's complement, least significant word first) at {@code offset}. */
  public GateSimulator set(String port, long[] words, int offset) {
    int[] bits = port(e.flat.inputs(), port, "input");
    for (int i = 0; i < bits.length; i++) {
      value[bits[i]] = ((words[offset + i / 64] >>> (i % 64)) & 1) != 0;
    }
    return this;
  }

  private static int[] port(Map<String, int[]> ports, String name, String what) {
    int[] bits = ports.get(name);
    if (bits == null) {
      throw new IllegalArgumentException("no " + what + " port '" + name + "'");
    }
    return bits;
  }

  /** Settles the combinational logic after input changes, reporting every transition. */
  public GateSimulator eval() {
    model.evaluation();
    for (int net : e.sourceNets) {
      if (value[net] != settled[net]) {
        model.sourceTransition(net, value[net]);
        toggles++;
      }
    }
    toggles += timing == Timing.DELAYS ? timed.evaluate(value, settled, model) : zeroDelay.evaluate(value, settled, model);
    System.arraycopy(value, 0, settled, 0, value.length);
    model.evaluated();
    return this;
  }

  /** Whether output {@code port} equals {@code words} at {@code offset} (bits above the port's width ignored). */
  public boolean outputEquals(String port, long[] words, int offset) {
    int[] bits = port(e.flat.outputs(), port, "output");
    for (int i = 0; i < bits.length; i++) {
      if (value[bits[i]] != (((words[offset + i / 64] >>> (i % 64)) & 1) != 0)) {
        return false;
      }
    }
    return true;
  }

  /** One rising clock edge: every flip-flop loads its D, then the logic settles. */
  public GateSimulator clock() {
    return edge().eval();
  }

  /**
   * One rising clock edge without settling: the flip-flops load their D; inputs set before the
   * next {@link #eval()} switch in the same cycle, as they would coming from upstream registers.
   */
  public GateSimulator edge() {
    model.clockEdge();
    Elaboration.Flop[] flops = e.flops;
    for (int i = 0; i < flops.length; i++) {
      next[i] = value[flops[i].d()];
    }
    for (int i = 0; i < flops.length; i++) {
      if (flops[i].q() > 1) {
        value[flops[i].q()] = next[i];
      }
      if (flops[i].qn() > 1) {
        value[flops[i].qn()] = !next[i];
      }
    }
    return this;
  }

  /** The bit each flip-flop stores, one per flip-flop in order (to compare the states of two simulations). */
  public long[] registers() {
    Elaboration.Flop[] flops = e.flops;
    long[] out = new long[(flops.length + 63) >>> 6];
    for (int i = 0; i < flops.length; i++) {
      boolean b = flops[i].q() > 1 ? value[flops[i].q()] : flops[i].qn() > 1 && !value[flops[i].qn()];
      if (b) {
        out[i >>> 6] |= 1L << (i & 63);
      }
    }
    return out;
  }

  /** An output port's bits as an unsigned value (up to 64 bits). */
  public long get(String port) {
    int[] bits = port(e.flat.outputs(), port, "output");
    long v = 0;
    for (int i = 0; i < bits.length && i < 64; i++) {
      if (value[bits[i]]) {
        v |= 1L << i;
      }
    }
    return v;
  }

  /** Transitions of all nets so far (source changes included). */
  public long totalToggles() {
    return toggles;
  }

  /** The model's energy so far, summed over groups. */
  public Energy energy(double clockNs) {
    return energyByGroup(clockNs).values().stream().reduce(Energy.ZERO, Energy::plus);
  }

  /** The model's energy so far, by group: the module type of each of the top module's children, or "top". */
  public Map<String, Energy> energyByGroup(double clockNs) {
    return model.energyByGroup(clockNs);
  }

  /** Cell area (um^2) by group, as {@link #energyByGroup}. */
  public Map<String, Double> areaByGroup() {
    Map<String, Double> out = new LinkedHashMap<>();
    for (FlatNetlist.Instance inst : e.flat.instances()) {
      out.merge(e.flat.groups().get(inst.group()), inst.cell().area(), Double::sum);
    }
    return out;
  }

  /** Clears the counts (after a warm-up). */
  public void resetCounts() {
    toggles = 0;
    model.reset();
  }

  /** Clock cycles so far; for a design without flip-flops, evaluations (as the library model counts them). */
  public long cycles() {
    if (liberty == null) {
      throw new IllegalStateException("cycles are counted by the energy model");
    }
    return liberty.cycles();
  }

  public int gateCount() {
    return e.gates.length;
  }

  public int flopCount() {
    return e.flops.length;
  }
}
