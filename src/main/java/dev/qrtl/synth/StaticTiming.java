package dev.qrtl.synth;

import dev.qrtl.liberty.Cell;
import dev.qrtl.liberty.Library;
import dev.qrtl.liberty.Pin;
import dev.qrtl.liberty.TimingArc;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Static timing of a flat mapped netlist with the library's NLDM tables, as a sign-off tool does
 * it on an unplaced netlist: arrival times and transition times propagate, per edge, from input
 * ports (arrival 0 and the input slew, or a driving cell's delay and transition) and register
 * outputs (clock-to-Q at the clock transition) through the combinational cells in topological
 * order. Each arc follows its unateness (a NAND turns a rising input into a falling output); a
 * net's transition is the worst over every arc into it (not only the latest one's); each net's
 * load is its {@link NetLoads} load for that edge (pin capacitances per edge, output loads, the
 * wire-load model), and each load pin is reached after the wire's Elmore delay. Table lookups
 * outside the characterised range extrapolate linearly, as OpenSTA does, and are counted. End
 * points are output ports and register inputs (plus their setup time, looked up at the data and
 * clock transitions).
 */
public final class StaticTiming {
  private static final double UNREACHED = Double.NEGATIVE_INFINITY;

  /** The analysis: the worst path and every net's worst transition time per edge ({@code slewNs[0]} rising, {@code [1]} falling). */
  public record Result(TimingPath path, double[][] slewNs, NetLoads loads) {}

  private final FlatNetlist flat;
  private final NetLoads loads;
  private final TimingConditions conditions;
  private final double[][] arrival;
  private final double[][] slew;
  private final int[] from;
  private final String[] via;
  private final String[] startName;
  private long outside;

  private StaticTiming(FlatNetlist flat, NetLoads loads, TimingConditions conditions) {
    this.flat = flat;
    this.loads = loads;
    this.conditions = conditions;
    int n = flat.netCount();
    this.arrival = new double[][] {new double[n], new double[n]};
    this.slew = new double[][] {new double[n], new double[n]};
    Arrays.fill(arrival[0], UNREACHED);
    Arrays.fill(arrival[1], UNREACHED);
    Arrays.fill(slew[0], conditions.inputSlewNs());
    Arrays.fill(slew[1], conditions.inputSlewNs());
    this.from = new int[n];
    Arrays.fill(from, -1);
    this.via = new String[n];
    this.startName = new String[n];
  }

  /** Times a flat netlist under {@code conditions}, with the loads already worked out. */
  public static Result analyse(FlatNetlist flat, Library lib, NetLoads loads, TimingConditions conditions) {
    StaticTiming t = new StaticTiming(flat, loads, conditions);
    t.startAtInputs(conditions.drivingCellIn(lib));
    t.startAtRegisters();
    t.propagate();
    TimingPath p = t.worstPath(flat.groups().isEmpty() ? "" : flat.groups().get(0));
    return new Result(p, t.slew, loads);
  }

  /** Times a flat netlist with wire loads chosen by {@code conditions} for the netlist's area. */
  public static Result analyse(FlatNetlist flat, Library lib, TimingConditions conditions) {
    double area = flat.instances().stream().mapToDouble(i -> i.cell().area()).sum();
    NetLoads loads = new NetLoads(flat, conditions.wireLoadChoice().resolve(lib, area), conditions.outputLoadPf());
    return analyse(flat, lib, loads, conditions);
  }

  private static boolean rising(int edge) {
    return edge == 0;
  }

  /** Input ports: arrival 0 at the input slew, or the driving cell's delay and transition at the port's load. */
  private void startAtInputs(Cell driver) {
    for (Map.Entry<String, int[]> p : flat.inputs().entrySet()) {
      int[] bits = p.getValue();
      for (int i = 0; i < bits.length; i++) {
        int b = bits[i];
        if (b <= 1) {
          continue;
        }
        for (int e = 0; e < 2; e++) {
          arrival[e][b] = 0;
          slew[e][b] = conditions.inputSlewNs();
          if (driver != null) {
            double load = loads.pf(b, rising(e));
            double d = 0;
            double s = 0;
            for (TimingArc a : driver.arcs()) {
              if (a.combinational()) {
                d = Math.max(d, a.delayNs(rising(e), 0, load));
                s = Math.max(s, a.transitionNs(rising(e), 0, load));
                outside += a.outsideAt(0, load) ? 1 : 0;
              }
            }
            arrival[e][b] = d;
            slew[e][b] = s;
          }
        }
        startName[b] = "input " + p.getKey() + (bits.length > 1 ? "[" + i + "]" : "");
      }
    }
  }

  /** Register outputs: clock-to-Q at their load, the clock pin seeing the input (clock) transition. */
  private void startAtRegisters() {
    double clockSlew = conditions.inputSlewNs();
    for (FlatNetlist.Instance inst : flat.instances()) {
      Cell c = inst.cell();
      if (!c.sequential()) {
        continue;
      }
      for (Pin o : c.outputs()) {
        Integer net = inst.pins().get(o.name());
        if (net == null || net <= 1) {
          continue;
        }
        for (int e = 0; e < 2; e++) {
          double load = loads.pf(net, rising(e));
          double t = 0;
          double s = 0;
          for (TimingArc a : c.arcs()) {
            if (a.clockToQ() && a.outputPin().equals(o.name())) {
              t = Math.max(t, a.delayNs(rising(e), clockSlew, load));
              s = Math.max(s, a.transitionNs(rising(e), clockSlew, load));
              outside += a.outsideAt(clockSlew, load) ? 1 : 0;
            }
          }
          arrival[e][net] = t;
          slew[e][net] = s;
        }
        via[net] = c.name();
        startName[net] = "register " + inst.name();
      }
    }
  }

  /** Combinational cells in topological order (Kahn over nets). */
  private void propagate() {
    List<FlatNetlist.Instance> comb = flat.instances().stream().filter(i -> !i.cell().sequential()).toList();
    int n = flat.netCount();
    int[] driverOf = new int[n];
    Arrays.fill(driverOf, -1);
    for (int ci = 0; ci < comb.size(); ci++) {
      for (Pin o : comb.get(ci).cell().outputs()) {
        Integer net = comb.get(ci).pins().get(o.name());
        if (net != null && net > 1) {
          driverOf[net] = ci;
        }
      }
    }
    List<List<Integer>> readers = new ArrayList<>(Collections.nCopies(n, null));
    int[] pending = new int[comb.size()];
    Deque<Integer> ready = new ArrayDeque<>();
    for (int ci = 0; ci < comb.size(); ci++) {
      for (Pin p : comb.get(ci).cell().inputs()) {
        Integer net = comb.get(ci).pins().get(p.name());
        if (net != null && net > 1 && driverOf[net] >= 0) {
          pending[ci]++;
          if (readers.get(net) == null) {
            readers.set(net, new ArrayList<>());
          }
          readers.get(net).add(ci);
        }
      }
      if (pending[ci] == 0) {
        ready.add(ci);
      }
    }
    while (!ready.isEmpty()) {
      FlatNetlist.Instance inst = comb.get(ready.poll());
      for (Pin o : inst.cell().outputs()) {
        Integer net = inst.pins().get(o.name());
        if (net == null || net <= 1) {
          continue;
        }
        timeOutput(inst, o, net);
        for (int r : readers.get(net) == null ? List.<Integer>of() : readers.get(net)) {
          if (--pending[r] == 0) {
            ready.add(r);
          }
        }
      }
    }
  }

  /** One output of a combinational cell: the latest arrival and the worst transition per edge over its arcs. */
  private void timeOutput(FlatNetlist.Instance inst, Pin out, int net) {
    Cell c = inst.cell();
    double best = UNREACHED;
    for (int e = 0; e < 2; e++) {
      boolean riseOut = rising(e);
      double load = loads.pf(net, riseOut);
      double at = UNREACHED;
      double sl = 0;
      for (TimingArc a : c.arcs()) {
        if (!a.outputPin().equals(out.name()) || !a.combinational()) {
          continue;
        }
        Integer in = inst.pins().get(a.relatedPin());
        if (in == null || in <= 1) {
          continue;
        }
        Pin inPin = c.pins().get(a.relatedPin());
        for (boolean riseIn : a.causes(riseOut)) {
          int ie = riseIn ? 0 : 1;
          if (arrival[ie][in] == UNREACHED) {
            continue;
          }
          double t = arrival[ie][in] + loads.wireDelayNs(in, inPin == null ? 0 : inPin.capacitancePf(riseIn))
              + a.delayNs(riseOut, slew[ie][in], load);
          outside += a.outsideAt(slew[ie][in], load) ? 1 : 0;
          sl = Math.max(sl, a.transitionNs(riseOut, slew[ie][in], load));
          at = Math.max(at, t);
          if (t > best) {
            best = t;
            from[net] = in;
          }
        }
      }
      arrival[e][net] = at;
      slew[e][net] = at == UNREACHED ? conditions.inputSlewNs() : sl;
    }
    via[net] = c.name();
  }

  /** The latest end point (output ports, register inputs plus setup) and the path that reaches it. */
  private TimingPath worstPath(String top) {
    double worst = 0;
    int worstNet = -1;
    String endName = "none";
    for (Map.Entry<String, int[]> p : flat.outputs().entrySet()) {
      int[] bits = p.getValue();
      for (int i = 0; i < bits.length; i++) {
        double t = latest(bits[i], conditions.outputLoadPf());
        if (t > worst) {
          worst = t;
          worstNet = bits[i];
          endName = "output " + p.getKey() + (bits.length > 1 ? "[" + i + "]" : "");
        }
      }
    }
    for (FlatNetlist.Instance inst : flat.instances()) {
      Cell c = inst.cell();
      if (!c.sequential()) {
        continue;
      }
      for (Pin p : c.inputs()) {
        Integer net = inst.pins().get(p.name());
        if (net == null || p.clock() || p.name().equals(c.clockPin())) {
          continue;
        }
        double t = checked(c, p, net);
        if (t > worst) {
          worst = t;
          worstNet = net;
          endName = "register " + inst.name() + "." + p.name();
        }
      }
    }
    List<String> pathCells = new ArrayList<>();
    String start = "none";
    for (int n = worstNet; n >= 0; n = from[n]) {
      if (via[n] != null) {
        pathCells.add(via[n]);
      }
      if (from[n] < 0) {
        start = startName[n] == null ? "constant" : startName[n];
      }
    }
    Collections.reverse(pathCells);
    return new TimingPath(top, start, endName, pathCells, worst, outside);
  }

  /** The later of a net's rising and falling arrival at a load pin of {@code pinPf}, or 0 if nothing reaches it. */
  private double latest(int net, double pinPf) {
    if (net <= 1) {
      return 0;
    }
    double t = Math.max(arrival[0][net], arrival[1][net]);
    return t == UNREACHED ? 0 : t + loads.wireDelayNs(net, pinPf);
  }

  /**
   * The latest arrival at a register input plus its setup time, per edge: a rising data edge
   * with the {@code rise_constraint} at its own transition and the clock's, a falling one with
   * the {@code fall_constraint}; 0 if nothing reaches it.
   */
  private double checked(Cell c, Pin pin, int net) {
    if (net <= 1) {
      return 0;
    }
    double worst = 0;
    for (int e = 0; e < 2; e++) {
      if (arrival[e][net] == UNREACHED) {
        continue;
      }
      double setup = 0;
      for (TimingArc a : c.arcs()) {
        if (a.outputPin().equals(pin.name()) && a.setup()) {
          setup = Math.max(setup, a.delayNs(rising(e), slew[e][net], conditions.inputSlewNs()));
        }
      }
      worst = Math.max(worst, arrival[e][net] + loads.wireDelayNs(net, pin.capacitancePf(rising(e))) + setup);
    }
    return worst;
  }
}
