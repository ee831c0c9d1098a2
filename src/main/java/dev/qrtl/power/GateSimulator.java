package dev.qrtl.power;

import dev.qrtl.liberty.BoolFunction;
import dev.qrtl.liberty.Cell;
import dev.qrtl.liberty.InternalPower;
import dev.qrtl.liberty.Library;
import dev.qrtl.liberty.LibertyException;
import dev.qrtl.liberty.Pin;
import dev.qrtl.liberty.TimingArc;
import dev.qrtl.synth.YosysNetlist;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A two-state simulator of a mapped netlist (hierarchy expanded): combinational cells evaluate
 * their Liberty functions (precomputed as truth tables) in topological order; flip-flops load
 * their next state on {@link #clock()}. Every net's value changes are counted, for switching
 * activity. Flip-flops start at 0.
 *
 * <p>Two timing models. {@link Timing#ZERO_DELAY}: each net changes at most once per evaluation,
 * so glitches are not seen (a lower bound for deep arithmetic). {@link Timing#DELAYS}: each
 * cell input has the mean rise/fall delay of its Liberty timing arc at the net's load, inputs and
 * register outputs switch at the start of the cycle (registers after their clock-to-Q delay), and
 * each net's waveform is propagated through the cells in topological order; output pulses
 * shorter than the cell's fastest input delay are filtered (inertial delay), so the counted
 * transitions include the glitches a real gate would pass on.
 */
public final class GateSimulator {
  /** How transitions inside one clock cycle are timed. */
  public enum Timing { ZERO_DELAY, DELAYS }

  private record Gate(int[] inputs, double[] delays, double inertial, int output, long truthTable) {}

  private record Flop(int d, int q, int qn, double clockToQ, double clockEnergyPj, int group) {}

  private final FlatNetlist flat;
  private final Timing timing;
  private final Gate[] gates;
  private final Flop[] flops;
  private final double voltage;
  private final double[] loadPf;
  private final double[] energyPerTogglePj;
  private final int[] groupOfNet;
  private final double[] leakageNwByGroup;
  private final boolean[] value;
  // Nets that change only at the start of a cycle (input port bits, flip-flop outputs), and when
  // (0, or the register's clock-to-Q delay); and which of them are flip-flop outputs.
  private final int[] sourceNets;
  private final double[] sourceTimes;
  private final boolean[] isFlopOutput;
  private final boolean[] settled;
  private final long[] toggles;
  private long clocks;
  private long evaluations;
  // waveforms of the current evaluation (DELAYS): transition times per net
  private final double[][] wave;
  private final int[] waveLength;
  private double[] mergeTime = new double[64];
  private int[] mergeInput = new int[64];
  private double[] outTimes = new double[64];

  /** A flat module (as the earlier constructor): zero-delay. */
  public GateSimulator(YosysNetlist.NetModule m, Library lib) {
    this(new YosysNetlist("", Map.of(m.name(), m)), m.name(), lib, Timing.ZERO_DELAY);
  }

  public GateSimulator(YosysNetlist net, String top, Library lib, Timing timing) {
    this.flat = new FlatNetlist(net, top, lib);
    this.timing = timing;
    this.voltage = lib.voltage();
    int n = flat.netCount();
    this.loadPf = new double[n];
    for (FlatNetlist.Instance inst : flat.instances) {
      for (Pin p : inst.cell().inputs()) {
        Integer netId = inst.pins().get(p.name());
        if (netId != null && netId > 1) {
          loadPf[netId] += p.capacitancePf();
        }
      }
    }
    List<Gate> comb = new ArrayList<>();
    List<Flop> seq = new ArrayList<>();
    this.energyPerTogglePj = new double[n];
    this.groupOfNet = new int[n];
    this.leakageNwByGroup = new double[flat.groups.size()];
    double v2 = voltage * voltage;
    for (int[] bits : flat.inputs.values()) {
      for (int b : bits) {
        energyPerTogglePj[b] = 0.5 * loadPf[b] * v2; // the unit's input pins, charged by their driver
      }
    }
    for (FlatNetlist.Instance inst : flat.instances) {
      Cell c = inst.cell();
      leakageNwByGroup[inst.group()] += c.leakageNw();
      if (c.sequential()) {
        seq.add(flop(inst, v2));
      } else {
        comb.addAll(gates(inst, v2));
      }
    }
    this.gates = order(comb, n);
    this.flops = seq.toArray(new Flop[0]);
    this.isFlopOutput = new boolean[n];
    List<Integer> srcNets = new ArrayList<>();
    List<Double> srcTimes = new ArrayList<>();
    for (int[] bits : flat.inputs.values()) {
      for (int b : bits) {
        if (b > 1) {
          srcNets.add(b);
          srcTimes.add(0.0);
        }
      }
    }
    for (Flop f : flops) {
      for (int o : new int[] {f.q(), f.qn()}) {
        if (o > 1) {
          srcNets.add(o);
          srcTimes.add(f.clockToQ());
          isFlopOutput[o] = true;
        }
      }
    }
    this.sourceNets = srcNets.stream().mapToInt(Integer::intValue).toArray();
    this.sourceTimes = srcTimes.stream().mapToDouble(Double::doubleValue).toArray();
    this.value = new boolean[n];
    this.value[1] = true;
    this.settled = new boolean[n];
    this.toggles = new long[n];
    this.wave = new double[n][];
    this.waveLength = new int[n];
    evaluateZeroDelay(false);
    System.arraycopy(value, 0, settled, 0, n);
  }

  private Flop flop(FlatNetlist.Instance inst, double v2) {
    Cell c = inst.cell();
    Integer d = inst.pins().get(c.nextState());
    if (d == null) {
      throw new LibertyException("flip-flop " + inst.name() + " (" + c.name() + ") has its data pin '" + c.nextState() + "' unconnected");
    }
    int q = -1;
    int qn = -1;
    double clockToQ = 0;
    for (Pin p : c.outputs()) {
      Integer o = inst.pins().get(p.name());
      if (o == null) {
        continue;
      }
      String f = p.function() == null ? "" : p.function().replace(" ", "");
      if (f.equals("IQ")) {
        q = o;
      } else if (f.equals("IQN") || f.equals("!IQ")) {
        qn = o;
      } else {
        continue;
      }
      energyPerTogglePj[o] = 0.5 * loadPf[o] * v2;
      groupOfNet[o] = inst.group();
      for (TimingArc a : c.arcs()) {
        if (a.clockToQ() && a.outputPin().equals(p.name())) {
          clockToQ = Math.max(clockToQ, meanDelay(a, loadPf[o]));
        }
      }
    }
    Pin clk = c.pins().get(c.clockPin());
    double clockPinCap = clk == null ? 0 : clk.capacitancePf();
    double clockInternal = c.power().stream().filter(p -> p.relatedPin().equals(c.clockPin()))
        .mapToDouble(p -> p.energyPj(0.02, 0.001)).average().orElse(0);
    // per cycle: the clock pin's internal energy, and its capacitance charged and discharged (C V^2)
    return new Flop(d, q, qn, clockToQ, clockInternal + clockPinCap * v2, inst.group());
  }

  private List<Gate> gates(FlatNetlist.Instance inst, double v2) {
    Cell c = inst.cell();
    List<String> ins = c.inputs().stream().map(Pin::name).toList();
    if (ins.size() > 6) {
      throw new LibertyException("cell " + c.name() + " has more than 6 inputs");
    }
    List<Gate> out = new ArrayList<>();
    for (Pin o : c.outputs()) {
      Integer outNet = inst.pins().get(o.name());
      if (outNet == null || o.function() == null) {
        continue;
      }
      long tt = BoolFunction.truthTable(o.function(), ins);
      int[] in = ins.stream().mapToInt(n -> inst.pins().getOrDefault(n, 0)).toArray();
      double load = loadPf[outNet];
      double[] delays = new double[ins.size()];
      double inertial = Double.MAX_VALUE;
      for (int i = 0; i < ins.size(); i++) {
        String pin = ins.get(i);
        delays[i] = c.arcs().stream().filter(a -> a.combinational() && a.relatedPin().equals(pin) && a.outputPin().equals(o.name()))
            .mapToDouble(a -> meanDelay(a, load)).max().orElse(0);
        inertial = Math.min(inertial, delays[i]);
      }
      energyPerTogglePj[outNet] = internalEnergy(c, o.name(), load) + 0.5 * load * v2;
      groupOfNet[outNet] = inst.group();
      out.add(new Gate(in, delays, inertial == Double.MAX_VALUE ? 0 : inertial, outNet, tt));
    }
    return out;
  }

  private static double meanDelay(TimingArc a, double load) {
    return (a.delayNs(true, dev.qrtl.synth.StaticTiming.INPUT_SLEW_NS, load) + a.delayNs(false, dev.qrtl.synth.StaticTiming.INPUT_SLEW_NS, load)) / 2;
  }

  /** The driving cell's internal energy per output transition: the mean over its arcs at a 0.02 ns slew and the load. */
  private static double internalEnergy(Cell c, String pin, double load) {
    return c.power().stream().filter(p -> p.outputPin().equals(pin)).mapToDouble((InternalPower p) -> p.energyPj(0.02, load))
        .average().orElse(0);
  }

  private static Gate[] order(List<Gate> gates, int netCount) {
    int[] driver = new int[netCount];
    Arrays.fill(driver, -1);
    for (int i = 0; i < gates.size(); i++) {
      if (driver[gates.get(i).output()] >= 0) {
        throw new LibertyException("net " + gates.get(i).output() + " of the netlist has two drivers");
      }
      driver[gates.get(i).output()] = i;
    }
    int[] pending = new int[gates.size()];
    List<List<Integer>> readers = new ArrayList<>();
    for (int i = 0; i < netCount; i++) {
      readers.add(new ArrayList<>());
    }
    Deque<Integer> ready = new ArrayDeque<>();
    for (int i = 0; i < gates.size(); i++) {
      for (int in : gates.get(i).inputs()) {
        if (driver[in] >= 0) {
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

  public Timing timing() {
    return timing;
  }

  /** Sets an input port to the low bits of {@code v} (takes effect at the next {@link #eval()} or {@link #clock()}). */
  public GateSimulator set(String port, long v) {
    int[] bits = flat.inputs.get(port);
    if (bits == null) {
      throw new IllegalArgumentException("no input port '" + port + "'");
    }
    for (int i = 0; i < bits.length; i++) {
      value[bits[i]] = i < 64 && ((v >>> i) & 1) != 0;
    }
    return this;
  }

  /** Settles the combinational logic after input changes (counting toggles). */
  public GateSimulator eval() {
    evaluations++;
    countSourceToggles();
    if (timing == Timing.DELAYS) {
      evaluateTimed();
    } else {
      evaluateZeroDelay(true);
    }
    System.arraycopy(value, 0, settled, 0, value.length);
    return this;
  }

  /** Input ports and register outputs: one transition each where the value changed. */
  private void countSourceToggles() {
    for (int net : sourceNets) {
      if (value[net] != settled[net]) {
        toggles[net]++;
      }
    }
  }

  private void evaluateZeroDelay(boolean count) {
    for (Gate g : gates) {
      boolean v = ((g.truthTable() >>> row(g.inputs(), value)) & 1) != 0;
      if (value[g.output()] != v) {
        value[g.output()] = v;
        if (count) {
          toggles[g.output()]++;
        }
      }
    }
  }

  private static int row(int[] in, boolean[] v) {
    int row = 0;
    for (int i = 0; i < in.length; i++) {
      if (v[in[i]]) {
        row |= 1 << i;
      }
    }
    return row;
  }

  /**
   * Propagates this cycle's transitions as waveforms: a source net that changed has one
   * transition (at 0, or at its register's clock-to-Q delay); a cell's output waveform follows
   * from its inputs' transitions shifted by each input's delay, with pulses shorter than its
   * inertial delay removed in pairs (so the final value is the zero-delay one).
   */
  private void evaluateTimed() {
    Arrays.fill(waveLength, 0);
    for (int i = 0; i < sourceNets.length; i++) {
      if (value[sourceNets[i]] != settled[sourceNets[i]]) {
        push(sourceNets[i], sourceTimes[i]);
      }
    }
    for (Gate g : gates) {
      int[] in = g.inputs();
      int events = 0;
      for (int i = 0; i < in.length; i++) {
        int len = waveLength[in[i]];
        for (int e = 0; e < len; e++) {
          if (events == mergeTime.length) {
            mergeTime = Arrays.copyOf(mergeTime, events * 2);
            mergeInput = Arrays.copyOf(mergeInput, events * 2);
          }
          mergeTime[events] = wave[in[i]][e] + g.delays()[i];
          mergeInput[events] = i;
          events++;
        }
      }
      if (events == 0) {
        continue;
      }
      sortByTime(events);
      int row = row(in, settled);
      boolean out = settled[g.output()];
      int kept = 0;
      for (int e = 0; e < events; ) {
        double t = mergeTime[e];
        while (e < events && mergeTime[e] == t) {
          row ^= 1 << mergeInput[e];
          e++;
        }
        boolean v = ((g.truthTable() >>> row) & 1) != 0;
        if (v != out) {
          out = v;
          if (kept > 0 && t - outTimes[kept - 1] < g.inertial()) {
            kept--; // a pulse narrower than the cell's delay never appears at its output
          } else {
            if (kept == outTimes.length) {
              outTimes = Arrays.copyOf(outTimes, kept * 2);
            }
            outTimes[kept++] = t;
          }
        }
      }
      for (int k = 0; k < kept; k++) {
        push(g.output(), outTimes[k]);
      }
      toggles[g.output()] += kept;
      value[g.output()] = (kept & 1) == 1 ? !settled[g.output()] : settled[g.output()];
    }
  }

  private void push(int net, double t) {
    double[] w = wave[net];
    if (w == null) {
      w = wave[net] = new double[4];
    } else if (waveLength[net] == w.length) {
      w = wave[net] = Arrays.copyOf(w, w.length * 2);
    }
    w[waveLength[net]++] = t;
  }

  /** Insertion sort of the merge buffer by time (few events per cell). */
  private void sortByTime(int n) {
    for (int i = 1; i < n; i++) {
      double t = mergeTime[i];
      int k = mergeInput[i];
      int j = i - 1;
      while (j >= 0 && mergeTime[j] > t) {
        mergeTime[j + 1] = mergeTime[j];
        mergeInput[j + 1] = mergeInput[j];
        j--;
      }
      mergeTime[j + 1] = t;
      mergeInput[j + 1] = k;
    }
  }

  /** Sets an input port from {@code words} (two's complement, least significant word first) at {@code offset}. */
  public GateSimulator set(String port, long[] words, int offset) {
    int[] bits = flat.inputs.get(port);
    if (bits == null) {
      throw new IllegalArgumentException("no input port '" + port + "'");
    }
    for (int i = 0; i < bits.length; i++) {
      value[bits[i]] = ((words[offset + i / 64] >>> (i % 64)) & 1) != 0;
    }
    return this;
  }

  /** Whether output {@code port} equals {@code words} at {@code offset} (bits above the port's width ignored). */
  public boolean outputEquals(String port, long[] words, int offset) {
    int[] bits = flat.outputs.get(port);
    if (bits == null) {
      throw new IllegalArgumentException("no output port '" + port + "'");
    }
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
    clocks++;
    boolean[] next = new boolean[flops.length];
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

  /** An output port's bits as an unsigned value (up to 64 bits). */
  public long get(String port) {
    int[] bits = flat.outputs.get(port);
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
   * Energy so far from the counted toggles: per transition of a cell's output, the cell's
   * internal energy (the mean over its internal-power arcs at a 0.02 ns input slew and the net's
   * load) plus 1/2 C V^2 of the load; per transition of an input port, 1/2 C V^2 of the pins it
   * drives; per clock cycle each flip-flop's clock-pin internal energy and C V^2 of its clock pin;
   * plus leakage over {@code cycles x clockNs}.
   */
  public Energy energy(double clockNs) {
    return energyByGroup(clockNs).values().stream().reduce(new Energy(0, 0, 0), Energy::plus);
  }

  /** {@link #energy} split by group: the module type of each of the top module's children, or "top". */
  public Map<String, Energy> energyByGroup(double clockNs) {
    int groups = flat.groups.size();
    double[] comb = new double[groups];
    double[] seq = new double[groups];
    for (Flop f : flops) {
      seq[f.group()] += clocks * f.clockEnergyPj();
    }
    for (int n = 2; n < toggles.length; n++) {
      double e = toggles[n] * energyPerTogglePj[n];
      if (isFlopOutput[n]) {
        seq[groupOfNet[n]] += e;
      } else {
        comb[groupOfNet[n]] += e;
      }
    }
    double cycles = cycles();
    Map<String, Energy> out = new java.util.LinkedHashMap<>();
    for (int g = 0; g < groups; g++) {
      double leak = leakageNwByGroup[g] * clockNs * cycles * 1e-6; // nW x ns = 1e-18 J = 1e-6 pJ
      if (comb[g] != 0 || seq[g] != 0 || leak != 0) {
        out.put(flat.groups.get(g), new Energy(comb[g], seq[g], leak));
      }
    }
    return out;
  }

  /** Cell area (um^2) by group, as {@link #energyByGroup}. */
  public Map<String, Double> areaByGroup() {
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    for (FlatNetlist.Instance inst : flat.instances) {
      out.merge(flat.groups.get(inst.group()), inst.cell().area(), Double::sum);
    }
    return out;
  }

  /** Energy in pJ: combinational switching (with the unit's input pins), registers and clock, leakage. */
  public record Energy(double combinationalPj, double sequentialPj, double leakagePj) {
    public double totalPj() {
      return combinationalPj + sequentialPj + leakagePj;
    }

    public Energy plus(Energy o) {
      return new Energy(combinationalPj + o.combinationalPj, sequentialPj + o.sequentialPj, leakagePj + o.leakagePj);
    }

    public Energy minus(Energy o) {
      return new Energy(combinationalPj - o.combinationalPj, sequentialPj - o.sequentialPj, leakagePj - o.leakagePj);
    }

    public Energy scaled(double f) {
      return new Energy(combinationalPj * f, sequentialPj * f, leakagePj * f);
    }
  }

  /** Clears the toggle, clock and evaluation counts (after a warm-up). */
  public void resetCounts() {
    Arrays.fill(toggles, 0);
    clocks = 0;
    evaluations = 0;
  }

  /** Clock cycles so far; for a design without flip-flops, evaluations (one operation each). */
  public long cycles() {
    return flops.length > 0 ? clocks : evaluations;
  }

  public int gateCount() {
    return gates.length;
  }

  public int flopCount() {
    return flops.length;
  }
}
