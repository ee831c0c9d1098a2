package dev.qrtl.power;

import dev.qrtl.liberty.BoolFunction;
import dev.qrtl.liberty.Cell;
import dev.qrtl.liberty.Library;
import dev.qrtl.liberty.LibertyException;
import dev.qrtl.liberty.Pin;
import dev.qrtl.liberty.TimingArc;
import dev.qrtl.synth.StaticTiming;
import dev.qrtl.synth.YosysNetlist;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * A mapped netlist elaborated for simulation: the hierarchy expanded ({@link FlatNetlist}), each
 * combinational cell output a {@link Gate} with its truth table, input nets and per-input delay at
 * its load, in topological order; each flip-flop a {@link Flop}; the load on every net; and the
 * nets that change only at the start of a cycle (input ports, register outputs). Immutable, so
 * the zero-delay and delay-aware simulations and the energy model share one.
 */
public final class Elaboration {
  /** The input transition time every delay and energy look-up uses (no slew propagation yet). */
  public static final double INPUT_SLEW_NS = StaticTiming.INPUT_SLEW_NS;

  /** One output of a combinational cell. */
  public record Gate(FlatNetlist.Instance instance, String outputPin, int[] inputs, double[] delays, double inertial, int output,
      long truthTable) {}

  /** One flip-flop: its data net, outputs (net number or -1) and clock-to-Q delay. */
  public record Flop(FlatNetlist.Instance instance, int d, int q, int qn, double clockToQ) {}

  final FlatNetlist flat;
  final Library library;
  final Gate[] gates;
  final Flop[] flops;
  final double[] loadPf;
  /** The gate driving each net, or -1 (ports, constants, flip-flop outputs). */
  final int[] driver;
  final int[] sourceNets;
  final double[] sourceTimes;
  final boolean[] isFlopOutput;
  /** The group (top's child module type) each net belongs to: its driving cell's. */
  final int[] groupOfNet;

  public Elaboration(YosysNetlist net, String top, Library lib) {
    this.flat = new FlatNetlist(net, top, lib);
    this.library = lib;
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
    this.groupOfNet = new int[n];
    List<Gate> comb = new ArrayList<>();
    List<Flop> seq = new ArrayList<>();
    for (FlatNetlist.Instance inst : flat.instances) {
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
  }

  public int netCount() {
    return loadPf.length;
  }

  public FlatNetlist netlist() {
    return flat;
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
          clockToQ = Math.max(clockToQ, meanDelay(a, loadPf[o]));
        }
      }
    }
    return new Flop(inst, d, q, qn, clockToQ);
  }

  private List<Gate> gates(FlatNetlist.Instance inst) {
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
      groupOfNet[outNet] = inst.group();
      out.add(new Gate(inst, o.name(), in, delays, inertial == Double.MAX_VALUE ? 0 : inertial, outNet, tt));
    }
    return out;
  }

  private static double meanDelay(TimingArc a, double load) {
    return (a.delayNs(true, StaticTiming.INPUT_SLEW_NS, load) + a.delayNs(false, StaticTiming.INPUT_SLEW_NS, load)) / 2;
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
