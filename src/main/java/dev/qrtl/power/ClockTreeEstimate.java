package dev.qrtl.power;

import dev.qrtl.liberty.BoolFunction;
import dev.qrtl.liberty.Cell;
import dev.qrtl.liberty.InternalPower;
import dev.qrtl.liberty.Library;
import dev.qrtl.liberty.LibertyException;
import dev.qrtl.liberty.Pin;
import dev.qrtl.liberty.TimingArc;
import dev.qrtl.liberty.WireLoadChoice;
import java.util.Comparator;
import java.util.List;

/**
 * An estimate of the clock distribution qrtl does not synthesize: an ideal balanced tree of the
 * library's smallest clock buffer (a buffer named like {@code CLKBUF}, else its smallest buffer),
 * each buffer driving {@link EnergyConventions#TREE_FANOUT} loads - the flip-flops' clock pins
 * at the leaves, buffers above - up to one root driven from outside. Per cycle every buffer
 * switches its output up and down: its internal energy (rise and fall, at its input's transition
 * and its load), its input pin's hidden energy, and 1/2 C V^2 of its output net on each edge
 * (pins plus the wire-load model's estimate for its fanout). Loads are spread evenly over the
 * buffers of a level.
 */
final class ClockTreeEstimate {
  private ClockTreeEstimate() {}

  /** The energy per clock cycle of a tree driving {@code sinks} pins of mean capacitance {@code sinkPf}, pJ. */
  static double perCycle(Library lib, WireLoadChoice.Resolved wire, int sinks, double sinkPf, double inputSlewNs) {
    if (sinks == 0) {
      return 0;
    }
    Cell buf = buffer(lib);
    Pin in = buf.inputs().get(0);
    Pin out = buf.outputs().get(0);
    double v2 = lib.voltage() * lib.voltage();
    int fanout = EnergyConventions.TREE_FANOUT;
    double energy = 0;
    double slew = inputSlewNs;
    // levels from the root down: the root drives ceil(...) buffers, the leaves drive the sinks
    int levels = 1;
    for (long cap = fanout; cap < sinks; cap *= fanout) {
      levels++;
    }
    for (int level = 0; level < levels; level++) {
      long buffers = Math.max(1, (long) Math.ceil(sinks / Math.pow(fanout, levels - level)));
      boolean leaf = level == levels - 1;
      long loadsBelow = leaf ? sinks : Math.max(1, (long) Math.ceil(sinks / Math.pow(fanout, levels - level - 1)));
      double perBuffer = (double) loadsBelow / buffers;
      double pinPf = leaf ? sinkPf : in.capacitancePf();
      double load = perBuffer * pinPf + wire.capacitancePf((int) Math.ceil(perBuffer));
      double outSlew = 0;
      for (boolean rising : new boolean[] {true, false}) {
        double internal = 0;
        int count = 0;
        for (InternalPower p : buf.power()) {
          if (p.pin().equals(out.name())) {
            internal += p.energyPj(rising, slew, load);
            count++;
          } else if (p.pin().equals(in.name())) {
            energy += buffers * p.energyPj(rising, slew, 0);
          }
        }
        energy += buffers * ((count == 0 ? 0 : internal / count) + 0.5 * load * v2);
        for (TimingArc a : buf.arcs()) {
          if (a.combinational()) {
            outSlew = Math.max(outSlew, a.transitionNs(rising, slew, load));
          }
        }
      }
      slew = outSlew;
    }
    return energy;
  }

  /** The smallest clock buffer of the library, or its smallest buffer. */
  static Cell buffer(Library lib) {
    List<Cell> buffers = lib.cells().values().stream()
        .filter(c -> !c.dontUse() && !c.sequential() && c.inputs().size() == 1 && c.outputs().size() == 1)
        .filter(c -> c.outputs().get(0).function() != null && isBuffer(c))
        .sorted(Comparator.comparing((Cell c) -> !c.name().toUpperCase(java.util.Locale.ROOT).contains("CLKBUF"))
            .thenComparingDouble(Cell::area).thenComparing(Cell::name))
        .toList();
    if (buffers.isEmpty()) {
      throw new LibertyException("library " + lib.name() + " has no buffer for an ideal clock tree (--clock-tree ideal)");
    }
    return buffers.get(0);
  }

  private static boolean isBuffer(Cell c) {
    try {
      return BoolFunction.truthTable(c.outputs().get(0).function(), List.of(c.inputs().get(0).name())) == 0b10;
    } catch (LibertyException e) {
      return false;
    }
  }
}
