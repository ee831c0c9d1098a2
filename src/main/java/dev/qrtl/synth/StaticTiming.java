package dev.qrtl.synth;

import dev.qrtl.liberty.Cell;
import dev.qrtl.liberty.Library;
import dev.qrtl.liberty.Pin;
import dev.qrtl.liberty.TimingArc;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Static timing over one mapped module with the library's NLDM tables: arrival times and slews
 * propagate from input ports (arrival 0, slew {@link #INPUT_SLEW_NS}) and register outputs
 * (clock-to-Q at {@link #INPUT_SLEW_NS} clock slew) through combinational cells in topological
 * order; each net's load is the sum of the input capacitances it drives (no wire model). Rising and
 * falling edges are tracked separately and follow each arc's unateness (a NAND turns a rising input
 * into a falling output), as static timing tools do. End points are output ports and register data
 * inputs (plus the register's setup time when the library gives it); lookups beyond a table's
 * characterised range are clamped and counted. Instances
 * of other modules (hierarchical netlists) are boundaries: their outputs start at 0, their inputs
 * end paths.
 */
public final class StaticTiming {
  public static final double INPUT_SLEW_NS = 0.02;

  private final YosysNetlist.NetModule m;
  private final Library lib;
  private final List<YosysNetlist.NetCell> cells;
  private final Map<String, Double> load = new HashMap<>();
  private final Map<String, List<Integer>> readers = new HashMap<>(); // net -> cells reading it
  private final Map<String, Integer> driverCell = new HashMap<>();
  private final Map<String, double[]> arrival = new HashMap<>(); // {rise, fall}
  private final Map<String, double[]> slew = new HashMap<>();
  private final Map<String, String> from = new HashMap<>(); // net -> previous net on the worst path
  private final Map<String, String> via = new HashMap<>(); // net -> cell type that drives it
  private final Map<String, String> startName = new HashMap<>();
  private long clamped;

  private StaticTiming(YosysNetlist.NetModule m, Library lib) {
    this.m = m;
    this.lib = lib;
    this.cells = m.cells();
  }

  /** The worst path of one mapped module. */
  public static TimingPath analyse(YosysNetlist.NetModule m, Library lib) {
    StaticTiming t = new StaticTiming(m, lib);
    t.connect();
    t.startAtInputs();
    t.startAtRegisters();
    t.propagate();
    return t.worstPath();
  }

  /** Loads (the input capacitances a net drives), readers and drivers of every net. */
  private void connect() {
    for (int ci = 0; ci < cells.size(); ci++) {
      YosysNetlist.NetCell c = cells.get(ci);
      Cell lc = lib.cells().get(c.type());
      for (Map.Entry<String, List<String>> e : c.connections().entrySet()) {
        boolean input = isInput(c, lc, e.getKey());
        for (String bit : e.getValue()) {
          if (input) {
            double cap = lc == null || lc.pins().get(e.getKey()) == null ? 0 : lc.pins().get(e.getKey()).capacitancePf();
            load.merge(bit, cap, Double::sum);
            readers.computeIfAbsent(bit, k -> new ArrayList<>()).add(ci);
          } else {
            driverCell.put(bit, ci);
          }
        }
      }
    }
  }

  /** Input ports: arrival 0 at the default slew. */
  private void startAtInputs() {
    for (YosysNetlist.Port p : m.ports().values()) {
      if (p.direction().equals("input")) {
        for (String b : p.bits()) {
          arrival.put(b, new double[] {0, 0});
          slew.put(b, new double[] {INPUT_SLEW_NS, INPUT_SLEW_NS});
          startName.put(b, "input " + p.name());
        }
      }
    }
  }

  /** Register outputs (clock-to-Q at their load) and other modules' outputs (0). */
  private void startAtRegisters() {
    for (YosysNetlist.NetCell c : cells) {
      Cell lc = lib.cells().get(c.type());
      if (lc != null && !lc.sequential()) {
        continue;
      }
      for (Map.Entry<String, List<String>> e : c.connections().entrySet()) {
        if (isInput(c, lc, e.getKey())) {
          continue;
        }
        for (String b : e.getValue()) {
          double l = load.getOrDefault(b, 0.0);
          double[] t = {0, 0};
          double[] s = {INPUT_SLEW_NS, INPUT_SLEW_NS};
          if (lc != null) {
            for (TimingArc a : lc.arcs()) {
              if (a.outputPin().equals(e.getKey()) && a.clockToQ()) {
                for (int edge = 0; edge < 2; edge++) {
                  t[edge] = Math.max(t[edge], a.delayNs(edge == 0, INPUT_SLEW_NS, l));
                  s[edge] = Math.max(s[edge], a.transitionNs(edge == 0, INPUT_SLEW_NS, l));
                }
                clamped += a.clampedAt(INPUT_SLEW_NS, l) ? 1 : 0;
              }
            }
          }
          arrival.put(b, t);
          slew.put(b, s);
          via.put(b, c.type());
          startName.put(b, (lc == null ? "instance " : "register ") + c.name());
        }
      }
    }
  }

  /** Combinational cells in topological order (Kahn over nets), each output's arrival and slew from its inputs' arcs. */
  private void propagate() {
    Map<Integer, Integer> pending = new HashMap<>();
    Deque<Integer> ready = new ArrayDeque<>();
    for (int ci = 0; ci < cells.size(); ci++) {
      YosysNetlist.NetCell c = cells.get(ci);
      Cell lc = lib.cells().get(c.type());
      if (lc == null || lc.sequential()) {
        continue;
      }
      int n = 0;
      for (Map.Entry<String, List<String>> e : c.connections().entrySet()) {
        if (isInput(c, lc, e.getKey())) {
          for (String b : e.getValue()) {
            Integer d = driverCell.get(b);
            if (d != null && isCombinational(cells.get(d), lib)) {
              n++;
            }
          }
        }
      }
      pending.put(ci, n);
      if (n == 0) {
        ready.add(ci);
      }
    }
    while (!ready.isEmpty()) {
      int ci = ready.poll();
      YosysNetlist.NetCell c = cells.get(ci);
      Cell lc = lib.cells().get(c.type());
      for (Map.Entry<String, List<String>> out : c.connections().entrySet()) {
        if (isInput(c, lc, out.getKey())) {
          continue;
        }
        for (String ob : out.getValue()) {
          timeOutput(c, lc, out.getKey(), ob);
          for (int r : readers.getOrDefault(ob, List.of())) {
            Integer left = pending.get(r);
            if (left != null) {
              pending.put(r, left - 1);
              if (left - 1 == 0) {
                ready.add(r);
              }
            }
          }
        }
      }
    }
  }

  /** One output bit of a combinational cell: the latest arrival per edge over its arcs, following their unateness. */
  private void timeOutput(YosysNetlist.NetCell c, Cell lc, String pin, String ob) {
    double l = load.getOrDefault(ob, 0.0);
    double[] best = {-1, -1};
    double[] bestSlew = {INPUT_SLEW_NS, INPUT_SLEW_NS};
    String bestFrom = null;
    double overall = -1;
    for (TimingArc a : lc.arcs()) {
      if (!a.outputPin().equals(pin) || !a.combinational()) {
        continue;
      }
      List<String> inBits = c.connections().get(a.relatedPin());
      if (inBits == null) {
        continue;
      }
      for (String ib : inBits) {
        double[] at = arrival.getOrDefault(ib, new double[] {0, 0});
        double[] sl = slew.getOrDefault(ib, new double[] {INPUT_SLEW_NS, INPUT_SLEW_NS});
        for (int edge = 0; edge < 2; edge++) {
          boolean riseOut = edge == 0;
          for (boolean riseIn : a.causes(riseOut)) {
            int in = riseIn ? 0 : 1;
            double t = at[in] + a.delayNs(riseOut, sl[in], l);
            clamped += a.clampedAt(sl[in], l) ? 1 : 0;
            if (t > best[edge]) {
              best[edge] = t;
              bestSlew[edge] = a.transitionNs(riseOut, sl[in], l);
            }
            if (t > overall) {
              overall = t;
              bestFrom = ib;
            }
          }
        }
      }
    }
    arrival.put(ob, new double[] {Math.max(best[0], 0), Math.max(best[1], 0)});
    slew.put(ob, bestSlew);
    if (bestFrom != null) {
      from.put(ob, bestFrom);
    }
    via.put(ob, c.type());
  }

  /** The latest end point (output ports, register data inputs plus setup) and the path that reaches it. */
  private TimingPath worstPath() {
    double worst = 0;
    String worstNet = null;
    String endName = "none";
    for (YosysNetlist.Port p : m.ports().values()) {
      if (p.direction().equals("output")) {
        for (String b : p.bits()) {
          double t = max(arrival.get(b));
          if (t > worst) {
            worst = t;
            worstNet = b;
            endName = "output " + p.name();
          }
        }
      }
    }
    for (YosysNetlist.NetCell c : cells) {
      Cell lc = lib.cells().get(c.type());
      if (lc != null && !lc.sequential()) {
        continue;
      }
      for (Map.Entry<String, List<String>> e : c.connections().entrySet()) {
        if (!isInput(c, lc, e.getKey()) || lc != null && lc.pins().get(e.getKey()) != null && lc.pins().get(e.getKey()).clock()
            || lc != null && e.getKey().equals(lc.clockPin())) {
          continue;
        }
        for (String b : e.getValue()) {
          double t = max(arrival.get(b)) + (lc == null ? 0 : setup(lc, e.getKey(), max(slew.get(b))));
          if (t > worst) {
            worst = t;
            worstNet = b;
            endName = (lc == null ? "instance " : "register ") + c.name() + "." + e.getKey();
          }
        }
      }
    }
    List<String> pathCells = new ArrayList<>();
    String start = "none";
    for (String n = worstNet; n != null; n = from.get(n)) {
      if (via.containsKey(n)) {
        pathCells.add(via.get(n));
      }
      if (!from.containsKey(n)) {
        start = startName.getOrDefault(n, "constant");
      }
    }
    Collections.reverse(pathCells);
    return new TimingPath(m.name(), start, endName, pathCells, worst, clamped);
  }

  private static double max(double[] v) {
    return v == null ? 0 : Math.max(v[0], v[1]);
  }

  private static double setup(Cell lc, String pin, double dataSlew) {
    double t = 0;
    for (TimingArc a : lc.arcs()) {
      if (a.outputPin().equals(pin) && (a.type().startsWith("setup"))) {
        t = Math.max(t, a.delayNs(dataSlew, INPUT_SLEW_NS));
      }
    }
    return t;
  }

  private static boolean isCombinational(YosysNetlist.NetCell c, Library lib) {
    Cell lc = lib.cells().get(c.type());
    return lc != null && !lc.sequential();
  }

  static boolean isInput(YosysNetlist.NetCell c, Cell lc, String port) {
    String d = c.directions().get(port);
    if (d != null) {
      return d.equals("input");
    }
    if (lc != null) {
      Pin p = lc.pins().get(port);
      return p != null && p.isInput();
    }
    return false;
  }
}
