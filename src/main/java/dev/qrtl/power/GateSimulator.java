package dev.qrtl.power;

import dev.qrtl.liberty.BoolFunction;
import dev.qrtl.liberty.Cell;
import dev.qrtl.liberty.Library;
import dev.qrtl.liberty.LibertyException;
import dev.qrtl.liberty.Pin;
import dev.qrtl.synth.YosysNetlist;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A zero-delay, two-state simulator of a flat mapped netlist: combinational cells evaluate their
 * Liberty functions (precomputed as truth tables) in topological order; flip-flops load their
 * next state on {@link #clock()}. Every net's value changes are counted, for switching activity.
 * Flip-flops start at 0.
 */
public final class GateSimulator {
  private record Gate(int[] inputs, int output, long truthTable, Cell cell, String pin) {}

  private record Flop(int d, int q, int qn, Cell cell) {}

  private final Map<String, int[]> inputPorts = new HashMap<>();
  private final Map<String, int[]> outputPorts = new HashMap<>();
  private final Gate[] gates;
  private final double[] loadPf;
  private final Library library;
  private long clocks;
  private final Flop[] flops;
  private final boolean[] value;
  private final long[] toggles;
  private long evaluations;

  public GateSimulator(YosysNetlist.NetModule m, Library lib) {
    Map<String, Integer> nets = new HashMap<>();
    nets.put("0", 0);
    nets.put("1", 1);
    List<Gate> comb = new ArrayList<>();
    List<Flop> seq = new ArrayList<>();
    for (YosysNetlist.Port p : m.ports().values()) {
      int[] idx = p.bits().stream().mapToInt(b -> net(nets, b)).toArray();
      (p.direction().equals("input") ? inputPorts : outputPorts).put(p.name(), idx);
    }
    for (YosysNetlist.NetCell c : m.cells()) {
      Cell lc = lib.cells().get(c.type());
      if (lc == null) {
        throw new LibertyException("gate-level simulation needs a flat netlist of library cells; '" + c.type()
            + "' is not in library " + lib.name());
      }
      if (lc.sequential()) {
        int d = net(nets, bit(c, lc.nextState()));
        int q = -1;
        int qn = -1;
        for (Pin p : lc.outputs()) {
          if (!c.connections().containsKey(p.name())) {
            continue;
          }
          String f = p.function() == null ? "" : p.function().replace(" ", "");
          if (f.equals("IQ")) {
            q = net(nets, bit(c, p.name()));
          } else if (f.equals("IQN") || f.equals("!IQ")) {
            qn = net(nets, bit(c, p.name()));
          }
        }
        seq.add(new Flop(d, q, qn, lc));
        continue;
      }
      List<String> ins = lc.inputs().stream().map(Pin::name).toList();
      for (Pin out : lc.outputs()) {
        if (!c.connections().containsKey(out.name()) || out.function() == null) {
          continue;
        }
        if (ins.size() > 6) {
          throw new LibertyException("cell " + lc.name() + " has more than 6 inputs");
        }
        long tt = BoolFunction.truthTable(out.function(), ins);
        int[] in = ins.stream().mapToInt(n -> c.connections().containsKey(n) ? net(nets, bit(c, n)) : 0).toArray();
        comb.add(new Gate(in, net(nets, bit(c, out.name())), tt, lc, out.name()));
      }
    }
    this.gates = order(comb, nets.size());
    this.flops = seq.toArray(new Flop[0]);
    this.library = lib;
    this.loadPf = new double[nets.size()];
    for (YosysNetlist.NetCell c : m.cells()) {
      Cell lc = lib.cells().get(c.type());
      for (Pin p : lc.inputs()) {
        List<String> bits = c.connections().get(p.name());
        if (bits != null && bits.size() == 1 && !bits.get(0).equals("x") && !bits.get(0).equals("z")) {
          loadPf[net(nets, bits.get(0))] += p.capacitancePf();
        }
      }
    }
    this.value = new boolean[nets.size()];
    this.value[1] = true;
    this.toggles = new long[nets.size()];
    evaluate(false);
  }

  private static String bit(YosysNetlist.NetCell c, String pin) {
    List<String> bits = c.connections().get(pin);
    if (bits == null || bits.size() != 1) {
      throw new LibertyException("cell " + c.name() + " (" + c.type() + ") has no one-bit connection on pin '" + pin + "'");
    }
    return bits.get(0);
  }

  private static int net(Map<String, Integer> nets, String bit) {
    if (bit.equals("x") || bit.equals("z")) {
      return 0; // undriven: treat as 0
    }
    return nets.computeIfAbsent(bit, b -> nets.size());
  }

  private static Gate[] order(List<Gate> gates, int netCount) {
    Map<Integer, Integer> driver = new HashMap<>();
    for (int i = 0; i < gates.size(); i++) {
      driver.put(gates.get(i).output(), i);
    }
    int[] pending = new int[gates.size()];
    List<List<Integer>> readers = new ArrayList<>();
    for (int i = 0; i < netCount; i++) {
      readers.add(new ArrayList<>());
    }
    Deque<Integer> ready = new ArrayDeque<>();
    for (int i = 0; i < gates.size(); i++) {
      for (int in : gates.get(i).inputs()) {
        if (driver.containsKey(in)) {
          pending[i]++;
          readers.get(in).add(i);
        }
      }
      if (pending[i] == 0) {
        ready.add(i);
      }
    }
    List<Gate> out = new ArrayList<>();
    while (!ready.isEmpty()) {
      int g = ready.poll();
      out.add(gates.get(g));
      for (int r : readers.get(gates.get(g).output())) {
        if (--pending[r] == 0) {
          ready.add(r);
        }
      }
    }
    if (out.size() != gates.size()) {
      throw new LibertyException("the netlist has a combinational loop");
    }
    return out.toArray(new Gate[0]);
  }

  /** Sets an input port to the low bits of {@code v}. */
  public GateSimulator set(String port, long v) {
    int[] bits = inputPorts.get(port);
    if (bits == null) {
      throw new IllegalArgumentException("no input port '" + port + "'");
    }
    for (int i = 0; i < bits.length; i++) {
      boolean b = i < 64 && ((v >>> i) & 1) != 0;
      if (value[bits[i]] != b) {
        value[bits[i]] = b;
        toggles[bits[i]]++;
      }
    }
    return this;
  }

  /** Settles the combinational logic (counting toggles). */
  public GateSimulator eval() {
    evaluate(true);
    return this;
  }

  private void evaluate(boolean count) {
    for (Gate g : gates) {
      int row = 0;
      int[] in = g.inputs();
      for (int i = 0; i < in.length; i++) {
        if (value[in[i]]) {
          row |= 1 << i;
        }
      }
      boolean v = ((g.truthTable() >>> row) & 1) != 0;
      if (value[g.output()] != v) {
        value[g.output()] = v;
        if (count) {
          toggles[g.output()]++;
        }
      }
    }
    evaluations++;
  }

  /** One rising clock edge: every flip-flop loads its D, then the logic settles. */
  public GateSimulator clock() {
    clocks++;
    boolean[] next = new boolean[flops.length];
    for (int i = 0; i < flops.length; i++) {
      next[i] = value[flops[i].d()];
    }
    for (int i = 0; i < flops.length; i++) {
      write(flops[i].q(), next[i]);
      write(flops[i].qn(), !next[i]);
    }
    return eval();
  }

  private void write(int net, boolean v) {
    if (net >= 0 && value[net] != v) {
      value[net] = v;
      toggles[net]++;
    }
  }

  /** An output port's bits as an unsigned value (up to 64 bits). */
  public long get(String port) {
    int[] bits = outputPorts.get(port);
    if (bits == null) {
      throw new IllegalArgumentException("no output port '" + port + "'");
    }
    long v = 0;
    for (int i = 0; i < bits.length && i < 64; i++) {
      if (value[bits[i]]) {
        v |= 1L << i;
      }
    }
    return v;
  }

  /** Sum of value changes over all nets so far. */
  public long totalToggles() {
    long t = 0;
    for (long x : toggles) {
      t += x;
    }
    return t;
  }

  /**
   * Energy so far from the counted toggles (zero-delay: glitches are not seen, so this is a lower
   * bound for deep arithmetic): per output toggle the driving cell's internal energy (the mean
   * over its internal-power arcs at a 0.02 ns input slew and the net's load) plus 1/2 C V^2 of the
   * load; per clock cycle each flip-flop's clock-pin internal energy and 1/2 C V^2 of the clock
   * pin; plus leakage over {@code cycles x clockNs}.
   */
  public Energy energy(double clockNs) {
    double v2 = library.voltage() * library.voltage();
    double comb = 0;
    for (Gate g : gates) {
      double load = loadPf[g.output()];
      comb += toggles[g.output()] * (internal(g.cell(), g.pin(), load) + 0.5 * load * v2);
    }
    double seq = 0;
    for (Flop f : flops) {
      for (int out : new int[] {f.q(), f.qn()}) {
        if (out >= 0) {
          double load = loadPf[out];
          seq += toggles[out] * (0.5 * load * v2);
        }
      }
      double clockPinCap = f.cell().pins().get(f.cell().clockPin()) == null ? 0 : f.cell().pins().get(f.cell().clockPin()).capacitancePf();
      double clockInternal = f.cell().power().stream().filter(p -> p.relatedPin().equals(f.cell().clockPin()))
          .mapToDouble(p -> p.energyPj(0.02, 0.001)).average().orElse(0);
      seq += clocks * (clockInternal + clockPinCap * v2); // two clock edges: C V^2 per cycle
    }
    double leakNw = 0;
    for (Gate g : gates) {
      leakNw += g.cell().leakageNw();
    }
    for (Flop f : flops) {
      leakNw += f.cell().leakageNw();
    }
    double cycles = Math.max(clocks, evaluations - 1);
    double leak = leakNw * clockNs * cycles * 1e-6; // nW x ns = 1e-18 J = 1e-6 pJ
    return new Energy(comb, seq, leak);
  }

  private static double internal(Cell c, String pin, double load) {
    return c.power().stream().filter(p -> p.outputPin().equals(pin)).mapToDouble(p -> p.energyPj(0.02, load)).average().orElse(0);
  }

  /** Energy in pJ: combinational switching, registers and clock, leakage. */
  public record Energy(double combinationalPj, double sequentialPj, double leakagePj) {
    public double totalPj() {
      return combinationalPj + sequentialPj + leakagePj;
    }
  }

  /** Clears the toggle, clock and evaluation counts (after a warm-up). */
  public void resetCounts() {
    java.util.Arrays.fill(toggles, 0);
    clocks = 0;
    evaluations = 0;
  }

  public int gateCount() {
    return gates.length;
  }

  public int flopCount() {
    return flops.length;
  }
}
