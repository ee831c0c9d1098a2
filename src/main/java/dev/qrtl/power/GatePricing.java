package dev.qrtl.power;

import dev.qrtl.liberty.Cell;
import dev.qrtl.liberty.InternalPower;
import dev.qrtl.liberty.Pin;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The energy of each event a combinational gate can produce, worked out once per gate so that
 * pricing a transition during simulation is one array read.
 *
 * <p>An output transition (rising or falling, caused by input {@code c}, the inputs then in
 * {@code row}) costs the cell's internal energy plus 1/2 C V^2 of the net's load for that edge.
 * The internal energy follows the Liberty Reference Manual's {@code internal_power} rules for
 * output pins: the groups of that output whose {@code related_pin} is the causing input (or that
 * name none) and whose {@code when} holds in the state after the change, averaged where several
 * apply (as OpenSTA weights them); the {@code rise_power} table for a rising output,
 * {@code fall_power} for a falling one; indexed by the causing input's propagated transition time
 * for its edge and the output's load (pins and wire) for its edge.
 *
 * <p>Input-pin groups (hidden power: energy drawn when an input switches, whether or not the
 * output does) are charged on every transition of the input's net, by the pin's own edge and
 * transition time; a {@code when} condition on them weights the group by the fraction of input
 * states where it holds (neither shipped library has such groups on combinational cells).
 */
final class GatePricing {
  private final Map<Cell, Map<InternalPower, boolean[]>> conditions = new IdentityHashMap<>();
  private final Elaboration e;
  private final double v2;

  GatePricing(Elaboration e) {
    this.e = e;
    this.v2 = e.library.voltage() * e.library.voltage();
  }

  /** The table index of an event: ((rising, cause + 1), row). */
  static int index(int inputs, boolean rising, int cause, int row) {
    return (((rising ? 1 : 0) * (inputs + 1) + cause + 1) << inputs) | row;
  }

  private boolean[] when(Cell c, InternalPower p) {
    return conditions.computeIfAbsent(c, k -> new IdentityHashMap<>()).computeIfAbsent(p, k -> WhenConditions.overRows(c, p.when()));
  }

  /** Every event's energy for one gate output (pJ), indexed by {@link #index}. */
  double[] events(Elaboration.Gate g) {
    Cell c = g.instance().cell();
    List<Pin> ins = c.inputs();
    int n = ins.size();
    List<InternalPower> groups = c.power().stream().filter(p -> p.pin().equals(g.outputPin())).toList();
    double[] table = new double[2 * (n + 1) << n];
    for (int r = 0; r < 2; r++) {
      boolean rising = r == 1;
      double load = e.loadPf(g.output(), rising);
      double switching = 0.5 * load * v2;
      for (int cause = -1; cause < n; cause++) {
        String causePin = cause < 0 ? null : ins.get(cause).name();
        List<InternalPower> related = cause < 0 ? groups : groups.stream().filter(p -> p.relatesTo(causePin)).toList();
        // the group energies at the two possible edges of the causing input
        double[][] energy = new double[related.size()][2];
        for (int k = 0; k < related.size(); k++) {
          for (int inRise = 0; inRise < 2; inRise++) {
            double slew = cause < 0 ? e.conditions.inputSlewNs() : e.slewNs(g.inputs()[cause], inRise == 1);
            energy[k][inRise] = related.get(k).energyPj(rising, slew, load);
          }
        }
        for (int row = 0; row < 1 << n; row++) {
          int inRise = cause < 0 ? 0 : (row >> cause) & 1;
          double sum = 0;
          int count = 0;
          for (int k = 0; k < related.size(); k++) {
            if (when(c, related.get(k))[row]) {
              sum += energy[k][inRise];
              count++;
            }
          }
          if (count == 0) {
            for (int k = 0; k < related.size(); k++) {
              sum += energy[k][inRise]; // no condition holds: the groups' mean
            }
            count = related.size();
          }
          table[index(n, rising, cause, row)] = (count == 0 ? 0 : sum / count) + switching;
        }
      }
    }
    return table;
  }

  /**
   * Adds the hidden (input-pin) energy of a combinational cell's inputs to the nets that drive
   * them: {@code hidden[0][net]} for a rising edge, {@code [1]} for a falling one.
   */
  void addHidden(Elaboration.Gate g, double[][] hidden) {
    Cell c = g.instance().cell();
    List<Pin> ins = c.inputs();
    for (int i = 0; i < ins.size(); i++) {
      int net = g.inputs()[i];
      if (net <= 1) {
        continue;
      }
      for (InternalPower p : c.power()) {
        if (!p.pin().equals(ins.get(i).name())) {
          continue;
        }
        boolean[] holds = when(c, p);
        int count = 0;
        for (boolean h : holds) {
          count += h ? 1 : 0;
        }
        double duty = (double) count / holds.length;
        for (int r = 0; r < 2; r++) {
          hidden[r][net] += duty * p.energyPj(r == 0, e.slewNs(net, r == 0), 0);
        }
      }
    }
  }
}
