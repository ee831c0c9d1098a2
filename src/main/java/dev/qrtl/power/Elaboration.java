package dev.qrtl.power;

import dev.qrtl.liberty.BoolFunction;
import dev.qrtl.liberty.Cell;
import dev.qrtl.liberty.Library;
import dev.qrtl.liberty.LibertyException;
import dev.qrtl.liberty.Pin;
import dev.qrtl.liberty.TimingArc;
import dev.qrtl.synth.FlatNetlist;
import dev.qrtl.synth.NetLoads;
import dev.qrtl.synth.StaticTiming;
import dev.qrtl.synth.TimingConditions;
import dev.qrtl.synth.YosysNetlist;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * A mapped netlist elaborated for simulation: the hierarchy expanded ({@link FlatNetlist}), each
 * combinational cell output a {@link Gate} with its truth table, input nets and per-input delay, in
 * topological order; each flip-flop a {@link Flop}; and, from static timing under the same
 * {@link TimingConditions}, every net's load per edge (pin capacitances and wire load) and its
 * propagated transition time per edge. Immutable, so the zero-delay and delay-aware simulations
 * and the energy model share one.
 */
public final class Elaboration {
  /** One output of a combinational cell; {@code first} marks the cell's first output (which owns its input pins). */
  public record Gate(FlatNetlist.Instance instance, String outputPin, int[] inputs, double[] delays, double inertial, int output,
      long truthTable, boolean first) {}

  /** One flip-flop: its data net, outputs (net number or -1), clock net and clock-to-Q delay. */
  public record Flop(FlatNetlist.Instance instance, int d, int q, int qn, int clock, double clockToQ) {}

  final FlatNetlist flat;
  final Library library;
  final TimingConditions conditions;
  final NetLoads loads;
  final double[][] slewNs;
  final Gate[] gates;
  final Flop[] flops;
  /** The gate driving each net, or -1 (ports, constants, flip-flop outputs). */
  final int[] driver;
  final int[] sourceNets;
  final double[] sourceTimes;
  final boolean[] isFlopOutput;
  /** The group (top's child module type) each net belongs to: its driving cell's. */
  final int[] groupOfNet;

  /** Elaborated under the default timing conditions ({@link TimingConditions#DEFAULT}). */
  public Elaboration(YosysNetlist net, String top, Library lib) {
    this(net, top, lib, TimingConditions.DEFAULT);
  }

  public Elaboration(YosysNetlist net, String top, Library lib, TimingConditions conditions) {
    this.flat = new FlatNetlist(net, top, lib);
    this.library = lib;
    this.conditions = conditions;
    StaticTiming.Result timing = StaticTiming.analyse(flat, lib, conditions);
    this.loads = timing.loads();
    this.slewNs = timing.slewNs();
    int n = flat.netCount();
    this.groupOfNet = new int[n];
    List<Gate> comb = new ArrayList<>();
    List<Flop> seq = new ArrayList<>();
    for (FlatNetlist.Instance inst : flat.instances()) {
      if (inst.cell().sequential()) {
        seq.add(flop(inst));
      } else {
        comb.addAll(gates(inst));
      }
    }
    this.gates = order(comb, n);
    this.flops = seq.toArray(new Flop[0]);
    this.driver = new int[n];
    Arrays.fill(driver, -1);
    for (int i = 0; i < gates.length; i++) {
      driver[gates[i].output()] = i;
    }
    this.isFlopOutput = new boolean[n];
    List<Integer> srcNets = new ArrayList<>();
    List<Double> srcTimes = new ArrayList<>();
    for (int[] bits : flat.inputs().values()) {
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
  }

  /** The nets the combinational cells drive, in gate order. */
  public int[] gateOutputNets() {
    return Arrays.stream(gates).mapToInt(Gate::output).toArray();
  }

  /** Whether the netlist has no flip-flops (each operation independent of the others). */
  public boolean combinational() {
    return flops.length == 0;
  }

  public int netCount() {
    return flat.netCount();
  }

  public FlatNetlist netlist() {
    return flat;
  }

  /** The load of a rising (true) or falling edge on {@code net}, pF (pins, output loads and wire). */
  public double loadPf(int net, boolean rising) {
    return loads.pf(net, rising);
  }

  /** The propagated transition time of a rising (true) or falling edge on {@code net}, ns. */
  public double slewNs(int net, boolean rising) {
    return slewNs[rising ? 0 : 1][net];
  }

  public NetLoads loads() {
    return loads;
  }

  public TimingConditions conditions() {
    return conditions;
  }

  private Flop flop(FlatNetlist.Instance inst) {
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
      groupOfNet[o] = inst.group();
      for (TimingArc a : c.arcs()) {
        if (a.clockToQ() && a.outputPin().equals(p.name())) {
          double s = conditions.inputSlewNs();
          clockToQ = Math.max(clockToQ, (a.delayNs(true, s, loads.pf(o, true)) + a.delayNs(false, s, loads.pf(o, false))) / 2);
        }
      }
    }
    Integer clock = inst.pins().get(c.clockPin());
    return new Flop(inst, d, q, qn, clock == null ? 0 : clock, clockToQ);
  }

  private List<Gate> gates(FlatNetlist.Instance inst) {
    Cell c = inst.cell();
    List<Pin> ins = c.inputs();
    if (ins.size() > 6) {
      throw new LibertyException("cell " + c.name() + " has more than 6 inputs");
    }
    List<String> names = ins.stream().map(Pin::name).toList();
    List<Gate> out = new ArrayList<>();
    for (Pin o : c.outputs()) {
      Integer outNet = inst.pins().get(o.name());
      if (outNet == null || o.function() == null) {
        continue;
      }
      long tt = BoolFunction.truthTable(o.function(), names);
      int[] in = names.stream().mapToInt(n -> inst.pins().getOrDefault(n, 0)).toArray();
      double[] delays = new double[ins.size()];
      double inertial = Double.MAX_VALUE;
      for (int i = 0; i < ins.size(); i++) {
        delays[i] = meanDelay(c, ins.get(i), in[i], o.name(), outNet);
        inertial = Math.min(inertial, delays[i]);
      }
      groupOfNet[outNet] = inst.group();
      out.add(new Gate(inst, o.name(), in, delays, inertial == Double.MAX_VALUE ? 0 : inertial, outNet, tt, out.isEmpty()));
    }
    return out;
  }

  /**
   * The delay from one input to an output, the mean of the rising and falling output's: each the
   * worst arc at the input edge its unateness allows, at that edge's propagated transition and the
   * output edge's load, plus the wire's delay to the input pin.
   */
  private double meanDelay(Cell c, Pin inPin, int inNet, String outPin, int outNet) {
    double sum = 0;
    for (boolean riseOut : new boolean[] {true, false}) {
      double worst = 0;
      for (TimingArc a : c.arcs()) {
        if (!a.combinational() || !a.relatedPin().equals(inPin.name()) || !a.outputPin().equals(outPin)) {
          continue;
        }
        for (boolean riseIn : a.causes(riseOut)) {
          double d = loads.wireDelayNs(inNet, inPin.capacitancePf(riseIn))
              + a.delayNs(riseOut, slewNs[riseIn ? 0 : 1][inNet], loads.pf(outNet, riseOut));
          worst = Math.max(worst, d);
        }
      }
      sum += worst;
    }
    return sum / 2;
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
}
