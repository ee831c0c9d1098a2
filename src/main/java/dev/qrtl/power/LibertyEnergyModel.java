package dev.qrtl.power;

import dev.qrtl.liberty.Cell;
import dev.qrtl.liberty.Pin;
import dev.qrtl.synth.FlatNetlist;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The energy model qrtl prices with, from the Liberty library of the netlist, event by event:
 *
 * <ul>
 *   <li>a gate's output transition: the cell's internal energy by the output-pin rules and 1/2
 *       C V^2 of its load for that edge ({@link GatePricing}); plus the hidden energy of the input
 *       pins the net reaches;
 *   <li>a flip-flop: its clock pin's energy on both edges of every cycle, its data pin's on every
 *       D transition, its outputs' when the stored bit changes, and 1/2 C V^2 of its output nets
 *       ({@link FlopPricing});
 *   <li>input-port nets: their readers' hidden energy always; 1/2 C V^2 only with
 *       {@link EnergyConventions#chargeInputNets()} (the clock net on both edges of a cycle);
 *       the ideal clock tree per cycle with {@link EnergyConventions.ClockTree#IDEAL_BUFFERS};
 *   <li>leakage (each cell's {@code cell_leakage_power}) over cycles x the clock period.
 * </ul>
 *
 * Loads and transition times are the {@link Elaboration}'s: pin capacitances per edge, wire
 * load, propagated slews. Combinational energy, registers and clock, and leakage are reported
 * apart, by group. The clock period places mid-cycle: a D transition before it happens with the
 * clock high.
 */
public final class LibertyEnergyModel implements EnergyModel {
  private final Elaboration e;
  private final EnergyConventions conventions;
  private final double halfPeriodNs;
  final double[][] gateEvents;
  final int[] gateInputs;
  final int[] gateGroup;
  private final int[] gateOutput;
  final double[][] hidden;
  final int[] hiddenGroup;
  final double[][] sourceSwitching;
  final double[][] netSwitching;
  private double switching;
  private final FlopPricing[] flops;
  private final int[][] flopsReading;
  private final double clockNetsRise;
  private final double clockNetsFall;
  private final double treePerCycle;
  final double[] leakageNwByGroup;
  private final double[] comb;
  private final double[] seq;
  private final boolean[] level;
  private final boolean[] stored;
  private final boolean[] dataAtHalf;
  private boolean clockedThisCycle;
  private long clocks;
  private long evaluations;

  /** The library's pricing with the default conventions and a 1 ns clock (mid-cycle at 0.5 ns). */
  public LibertyEnergyModel(Elaboration e) {
    this(e, EnergyConventions.DEFAULT, 1.0);
  }

  public LibertyEnergyModel(Elaboration e, EnergyConventions conventions, double clockNs) {
    this.e = e;
    this.conventions = conventions;
    this.halfPeriodNs = clockNs / 2;
    int n = e.netCount();
    int groups = e.flat.groups().size();
    double v2 = e.library.voltage() * e.library.voltage();
    GatePricing pricing = new GatePricing(e);
    this.gateEvents = new double[e.gates.length][];
    this.gateInputs = new int[e.gates.length];
    this.gateGroup = new int[e.gates.length];
    this.gateOutput = new int[e.gates.length];
    this.hidden = new double[2][n];
    this.hiddenGroup = new int[n];
    for (int g = 0; g < e.gates.length; g++) {
      Elaboration.Gate gate = e.gates[g];
      gateEvents[g] = pricing.events(gate);
      gateInputs[g] = gate.inputs().length;
      gateGroup[g] = gate.instance().group();
      gateOutput[g] = gate.output();
      if (gate.first()) {
        pricing.addHidden(gate, hidden);
        for (int in : gate.inputs()) {
          hiddenGroup[in] = gate.instance().group();
        }
      }
    }
    this.netSwitching = new double[2][n];
    for (Elaboration.Gate gate : e.gates) {
      netSwitching[0][gate.output()] = 0.5 * e.loadPf(gate.output(), true) * v2;
      netSwitching[1][gate.output()] = 0.5 * e.loadPf(gate.output(), false) * v2;
    }
    this.sourceSwitching = new double[2][n];
    for (int[] bits : e.flat.inputs().values()) {
      for (int b : bits) {
        if (b > 1 && conventions.chargeInputNets()) {
          sourceSwitching[0][b] = 0.5 * e.loadPf(b, true) * v2;
          sourceSwitching[1][b] = 0.5 * e.loadPf(b, false) * v2;
        }
      }
    }
    this.flops = new FlopPricing[e.flops.length];
    List<List<Integer>> readers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      readers.add(null);
    }
    Map<Integer, Integer> clockNets = new LinkedHashMap<>();
    double sinkPf = 0;
    for (int i = 0; i < e.flops.length; i++) {
      Elaboration.Flop f = e.flops[i];
      flops[i] = new FlopPricing(e, f);
      for (int o : new int[] {f.q(), f.qn()}) {
        if (o > 1) {
          sourceSwitching[0][o] = 0.5 * e.loadPf(o, true) * v2;
          sourceSwitching[1][o] = 0.5 * e.loadPf(o, false) * v2;
        }
      }
      if (f.d() > 1) {
        if (readers.get(f.d()) == null) {
          readers.set(f.d(), new ArrayList<>());
        }
        readers.get(f.d()).add(i);
      }
      clockNets.merge(f.clock(), 1, Integer::sum);
      Cell c = f.instance().cell();
      Pin ck = c.pins().get(c.clockPin());
      sinkPf += ck == null ? 0 : ck.capacitancePf();
    }
    this.flopsReading = new int[n][];
    for (int i = 0; i < n; i++) {
      flopsReading[i] = readers.get(i) == null ? null : readers.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
    double rise = 0;
    double fall = 0;
    if (conventions.chargeInputNets() && conventions.clockTree() == EnergyConventions.ClockTree.NONE) {
      for (int net : clockNets.keySet()) {
        if (net > 1) {
          rise += 0.5 * e.loadPf(net, true) * v2;
          fall += 0.5 * e.loadPf(net, false) * v2;
        }
      }
    }
    this.clockNetsRise = rise;
    this.clockNetsFall = fall;
    this.treePerCycle = conventions.clockTree() == EnergyConventions.ClockTree.IDEAL_BUFFERS
        ? ClockTreeEstimate.perCycle(e.library, e.loads().wireLoad(), e.flops.length, e.flops.length == 0 ? 0 : sinkPf / e.flops.length,
            e.conditions.inputSlewNs())
        : 0;
    this.leakageNwByGroup = new double[groups];
    for (FlatNetlist.Instance inst : e.flat.instances()) {
      leakageNwByGroup[inst.group()] += inst.cell().leakageNw();
    }
    this.comb = new double[groups];
    this.seq = new double[groups];
    this.level = new boolean[n];
    this.stored = new boolean[e.flops.length];
    this.dataAtHalf = new boolean[e.flops.length];
  }

  public EnergyConventions conventions() {
    return conventions;
  }

  @Override
  public void start(boolean[] values) {
    System.arraycopy(values, 0, level, 0, level.length);
    for (int i = 0; i < stored.length; i++) {
      Elaboration.Flop f = e.flops[i];
      stored[i] = f.q() > 1 ? values[f.q()] : f.qn() > 1 && !values[f.qn()];
    }
  }

  @Override
  public void transition(int gate, double timeNs, boolean rising, int cause, double inputSlewNs, int inputRow) {
    int out = gateOutput[gate];
    comb[gateGroup[gate]] += gateEvents[gate][GatePricing.index(gateInputs[gate], rising, cause, inputRow)];
    switching += netSwitching[rising ? 0 : 1][out];
    netChanged(out, rising, timeNs);
  }

  @Override
  public void sourceTransition(int net, boolean rising) {
    double s = sourceSwitching[rising ? 0 : 1][net];
    switching += s;
    if (e.isFlopOutput[net]) {
      seq[e.groupOfNet[net]] += s;
    } else {
      comb[0] += s;
    }
    netChanged(net, rising, 0);
  }

  /** The hidden energy of the pins a net reaches, and the data pins of flip-flops it feeds. */
  private void netChanged(int net, boolean rising, double timeNs) {
    comb[hiddenGroup[net]] += hidden[rising ? 0 : 1][net];
    level[net] = rising;
    int[] fs = flopsReading[net];
    if (fs != null) {
      boolean clockHigh = timeNs < halfPeriodNs;
      for (int f : fs) {
        seq[e.flops[f].instance().group()] += flops[f].data[rising ? 1 : 0][clockHigh ? 1 : 0][stored[f] ? 1 : 0];
        if (clockHigh) {
          dataAtHalf[f] = rising;
        }
      }
    }
  }

  @Override
  public void clockEdge() {
    clocks++;
    clockedThisCycle = true;
    for (int i = 0; i < flops.length; i++) {
      Elaboration.Flop f = e.flops[i];
      boolean d = level[f.d()];
      int group = f.instance().group();
      seq[group] += flops[i].clockRise[(d ? 2 : 0) + (stored[i] ? 1 : 0)];
      if (d != stored[i]) {
        seq[group] += flops[i].toggle[d ? 1 : 0];
        stored[i] = d;
      }
    }
    if (flops.length > 0) {
      seq[e.flops[0].instance().group()] += clockNetsRise;
      switching += clockNetsRise;
    }
  }

  @Override
  public void evaluation() {
    evaluations++;
    for (int i = 0; i < flops.length; i++) {
      dataAtHalf[i] = level[e.flops[i].d()];
    }
  }

  @Override
  public void evaluated() {
    if (!clockedThisCycle) {
      return;
    }
    clockedThisCycle = false;
    for (int i = 0; i < flops.length; i++) {
      seq[e.flops[i].instance().group()] += flops[i].clockFall[(dataAtHalf[i] ? 2 : 0) + (stored[i] ? 1 : 0)];
    }
    if (flops.length > 0) {
      seq[e.flops[0].instance().group()] += clockNetsFall + treePerCycle;
      switching += clockNetsFall;
    }
  }

  /** The 1/2 C V^2 part of the energy so far (net charging; the ideal clock tree excluded), pJ; the rest is internal and leakage. */
  public double switchingPj() {
    return switching;
  }

  /** Clock cycles so far; for a design without flip-flops, evaluations (one operation each). */
  public long cycles() {
    return e.flops.length > 0 ? clocks : evaluations;
  }

  @Override
  public Map<String, Energy> energyByGroup(double clockNs) {
    double cycles = cycles();
    Map<String, Energy> out = new LinkedHashMap<>();
    for (int g = 0; g < comb.length; g++) {
      double leak = leakageNwByGroup[g] * clockNs * cycles * 1e-6; // nW x ns = 1e-18 J = 1e-6 pJ
      if (comb[g] != 0 || seq[g] != 0 || leak != 0) {
        out.put(e.flat.groups().get(g), new Energy(comb[g], seq[g], leak));
      }
    }
    return out;
  }

  @Override
  public void reset() {
    Arrays.fill(comb, 0);
    Arrays.fill(seq, 0);
    switching = 0;
    clocks = 0;
    evaluations = 0;
  }
}
