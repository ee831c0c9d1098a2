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
 *
 * <p>Events are counted, not summed: each kind of event (a gate's output edge with its cause and
 * input row, an input port's edge, a flip-flop's clock, data and output events by state) has an
 * integer count, and the energy is worked out when asked for, every count times its price in one
 * fixed order. Counting is cheaper per event than adding up prices, the figures do not depend on
 * the order in which events arrive, and two models' counts add exactly ({@link #add}): the
 * bit-parallel simulator, a simulation split across threads and the event simulators give the
 * same energy to the last bit when they see the same events.
 */
public final class LibertyEnergyModel implements EnergyModel {
  private final Elaboration e;
  private final EnergyConventions conventions;
  private final double halfPeriodNs;
  /** Per gate, where its events start in {@link #gateEnergy} and {@link #gateCount}. */
  final int[] gateBase;
  /** Every gate's event energies (pJ) by {@link GatePricing#index}, one gate after another. */
  final double[] gateEnergy;
  final long[] gateCount;
  /**
   * The gate events of the latest evaluations, added to {@link #gateCount} every
   * {@link #FLUSH_EVALUATIONS} evaluations and before any reading: half the memory of the totals,
   * so the one write per event mostly hits the cache.
   */
  private final int[] recentCount;
  private int sinceFlush;
  private static final int FLUSH_EVALUATIONS = 1 << 16; // an int count overflows only past 32,767 events of one kind per evaluation
  final int[] gateInputs;
  final int[] gateGroup;
  private final int[] gateOutput;
  final double[][] hidden;
  final int[] hiddenGroup;
  final double[][] sourceSwitching;
  final double[][] netSwitching;
  /** Input-port and register-output transitions: [rising ? 0 : 1][net]. */
  final long[][] sourceCount;
  private final FlopPricing[] flops;
  final int[][] flopsReading;
  /** Per flip-flop: clock rise by state (4), clock fall by state (4), data [rising][clock high][stored] (8), stored bit changing to 0/1 (2). */
  final long[] flopCount;
  static final int FLOP_EVENTS = 18;
  private final double clockNetsRise;
  private final double clockNetsFall;
  private final double treePerCycle;
  final double[] leakageNwByGroup;
  private final boolean[] level;
  private final boolean[] stored;
  private final boolean[] dataAtHalf;
  private boolean clockedThisCycle;
  long clocks;
  long clockFalls;
  long evaluations;

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
    this.gateBase = new int[e.gates.length + 1];
    double[][] events = new double[e.gates.length][];
    this.gateInputs = new int[e.gates.length];
    this.gateGroup = new int[e.gates.length];
    this.gateOutput = new int[e.gates.length];
    this.hidden = new double[2][n];
    this.hiddenGroup = new int[n];
    for (int g = 0; g < e.gates.length; g++) {
      Elaboration.Gate gate = e.gates[g];
      events[g] = pricing.events(gate);
      gateBase[g + 1] = gateBase[g] + events[g].length;
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
    this.gateEnergy = new double[gateBase[e.gates.length]];
    for (int g = 0; g < e.gates.length; g++) {
      System.arraycopy(events[g], 0, gateEnergy, gateBase[g], events[g].length);
    }
    this.gateCount = new long[gateEnergy.length];
    this.recentCount = new int[gateEnergy.length];
    this.sourceCount = new long[2][n];
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
    this.flopCount = new long[FLOP_EVENTS * e.flops.length];
    this.level = new boolean[n];
    this.stored = new boolean[e.flops.length];
    this.dataAtHalf = new boolean[e.flops.length];
  }

  /** A model with this one's prices (shared, not recomputed) and no counts yet: one per thread or batch of a split run. */
  private LibertyEnergyModel(LibertyEnergyModel p) {
    this.e = p.e;
    this.conventions = p.conventions;
    this.halfPeriodNs = p.halfPeriodNs;
    this.gateBase = p.gateBase;
    this.gateEnergy = p.gateEnergy;
    this.gateCount = new long[p.gateCount.length];
    this.recentCount = new int[p.recentCount.length];
    this.gateInputs = p.gateInputs;
    this.gateGroup = p.gateGroup;
    this.gateOutput = p.gateOutput;
    this.hidden = p.hidden;
    this.hiddenGroup = p.hiddenGroup;
    this.sourceSwitching = p.sourceSwitching;
    this.netSwitching = p.netSwitching;
    this.sourceCount = new long[2][p.sourceCount[0].length];
    this.flops = p.flops;
    this.flopsReading = p.flopsReading;
    this.flopCount = new long[p.flopCount.length];
    this.clockNetsRise = p.clockNetsRise;
    this.clockNetsFall = p.clockNetsFall;
    this.treePerCycle = p.treePerCycle;
    this.leakageNwByGroup = p.leakageNwByGroup;
    this.level = new boolean[p.level.length];
    this.stored = new boolean[p.stored.length];
    this.dataAtHalf = new boolean[p.dataAtHalf.length];
  }

  /** A new model pricing the same netlist the same way, its counts at zero (the prices are shared, so this is cheap). */
  public LibertyEnergyModel sibling() {
    return new LibertyEnergyModel(this);
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
    recentCount[gateBase[gate] + GatePricing.index(gateInputs[gate], rising, cause, inputRow)]++;
    int out = gateOutput[gate];
    if (flopsReading[out] != null) {
      dataChanged(out, rising, timeNs);
    }
  }

  @Override
  public void sourceTransition(int net, boolean rising) {
    sourceCount[rising ? 0 : 1][net]++;
    if (flopsReading[net] != null) {
      dataChanged(net, rising, 0);
    }
  }

  /** A net feeding flip-flops' data pins changed: their data-pin events, by the state at that moment. */
  private void dataChanged(int net, boolean rising, double timeNs) {
    level[net] = rising;
    boolean clockHigh = timeNs < halfPeriodNs;
    for (int f : flopsReading[net]) {
      flopCount[FLOP_EVENTS * f + 8 + (rising ? 4 : 0) + (clockHigh ? 2 : 0) + (stored[f] ? 1 : 0)]++;
      if (clockHigh) {
        dataAtHalf[f] = rising;
      }
    }
  }

  @Override
  public void clockEdge() {
    clocks++;
    clockedThisCycle = true;
    for (int i = 0; i < flops.length; i++) {
      boolean d = level[e.flops[i].d()];
      flopCount[FLOP_EVENTS * i + (d ? 2 : 0) + (stored[i] ? 1 : 0)]++;
      if (d != stored[i]) {
        flopCount[FLOP_EVENTS * i + 16 + (d ? 1 : 0)]++;
        stored[i] = d;
      }
    }
  }

  @Override
  public void evaluation() {
    evaluations++;
    if (++sinceFlush == FLUSH_EVALUATIONS) {
      flush();
    }
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
    clockFalls++;
    for (int i = 0; i < flops.length; i++) {
      flopCount[FLOP_EVENTS * i + 4 + (dataAtHalf[i] ? 2 : 0) + (stored[i] ? 1 : 0)]++;
    }
  }

  /** The 1/2 C V^2 part of the energy so far (net charging; the ideal clock tree excluded), pJ; the rest is internal and leakage. */
  public double switchingPj() {
    return tally().switching;
  }

  /** Clock cycles so far; for a design without flip-flops, evaluations (one operation each). */
  public long cycles() {
    return e.flops.length > 0 ? clocks : evaluations;
  }

  private void flush() {
    for (int i = 0; i < recentCount.length; i++) {
      if (recentCount[i] != 0) {
        gateCount[i] += recentCount[i];
        recentCount[i] = 0;
      }
    }
    sinceFlush = 0;
  }

  /** The energies of the counts so far: every count times its price, in one fixed order. */
  private Tally tally() {
    flush();
    int groups = leakageNwByGroup.length;
    Tally t = new Tally(new double[groups], new double[groups]);
    for (int g = 0; g < gateOutput.length; g++) {
      int from = gateBase[g];
      int half = (gateBase[g + 1] - from) / 2; // falling events first, then rising ones (GatePricing.index)
      long falls = 0;
      long rises = 0;
      double sum = 0;
      for (int i = 0; i < 2 * half; i++) {
        long c = gateCount[from + i];
        if (c != 0) {
          sum += c * gateEnergy[from + i];
          if (i < half) {
            falls += c;
          } else {
            rises += c;
          }
        }
      }
      t.comb[gateGroup[g]] += sum;
      int out = gateOutput[g];
      t.switching += rises * netSwitching[0][out] + falls * netSwitching[1][out];
      t.comb[hiddenGroup[out]] += rises * hidden[0][out] + falls * hidden[1][out];
    }
    for (int net : e.sourceNets) {
      long rises = sourceCount[0][net];
      long falls = sourceCount[1][net];
      double s = rises * sourceSwitching[0][net] + falls * sourceSwitching[1][net];
      t.switching += s;
      if (e.isFlopOutput[net]) {
        t.seq[e.groupOfNet[net]] += s;
      } else {
        t.comb[0] += s;
      }
      t.comb[hiddenGroup[net]] += rises * hidden[0][net] + falls * hidden[1][net];
    }
    for (int i = 0; i < flops.length; i++) {
      FlopPricing p = flops[i];
      int base = FLOP_EVENTS * i;
      double sum = 0;
      for (int s = 0; s < 4; s++) {
        sum += flopCount[base + s] * p.clockRise[s] + flopCount[base + 4 + s] * p.clockFall[s];
      }
      for (int k = 0; k < 8; k++) {
        sum += flopCount[base + 8 + k] * p.data[k >> 2][(k >> 1) & 1][k & 1];
      }
      sum += flopCount[base + 16] * p.toggle[0] + flopCount[base + 17] * p.toggle[1];
      t.seq[e.flops[i].instance().group()] += sum;
    }
    if (flops.length > 0) {
      t.seq[e.flops[0].instance().group()] += clocks * clockNetsRise + clockFalls * (clockNetsFall + treePerCycle);
      t.switching += clocks * clockNetsRise + clockFalls * clockNetsFall;
    }
    return t;
  }

  private static final class Tally {
    final double[] comb;
    final double[] seq;
    double switching;

    Tally(double[] comb, double[] seq) {
      this.comb = comb;
      this.seq = seq;
    }
  }

  @Override
  public Map<String, Energy> energyByGroup(double clockNs) {
    Tally t = tally();
    double cycles = cycles();
    Map<String, Energy> out = new LinkedHashMap<>();
    for (int g = 0; g < t.comb.length; g++) {
      double leak = leakageNwByGroup[g] * clockNs * cycles * 1e-6; // nW x ns = 1e-18 J = 1e-6 pJ
      if (t.comb[g] != 0 || t.seq[g] != 0 || leak != 0) {
        out.put(e.flat.groups().get(g), new Energy(t.comb[g], t.seq[g], leak));
      }
    }
    return out;
  }

  /**
   * Adds {@code other}'s counts to this model's ({@link #sibling} of it, or it of this one, that
   * saw another stretch of operations): the energy of the sum is that of all the events.
   */
  public void add(LibertyEnergyModel other) {
    if (other.gateEnergy != gateEnergy || other.flops != flops) {
      throw new IllegalArgumentException("only a sibling's counts can be added (the same netlist priced the same way)");
    }
    flush();
    other.flush();
    for (int i = 0; i < gateCount.length; i++) {
      gateCount[i] += other.gateCount[i];
    }
    for (int r = 0; r < 2; r++) {
      for (int i = 0; i < sourceCount[r].length; i++) {
        sourceCount[r][i] += other.sourceCount[r][i];
      }
    }
    for (int i = 0; i < flopCount.length; i++) {
      flopCount[i] += other.flopCount[i];
    }
    clocks += other.clocks;
    clockFalls += other.clockFalls;
    evaluations += other.evaluations;
  }

  @Override
  public void reset() {
    Arrays.fill(gateCount, 0);
    Arrays.fill(recentCount, 0);
    sinceFlush = 0;
    for (long[] c : sourceCount) {
      Arrays.fill(c, 0);
    }
    Arrays.fill(flopCount, 0);
    clocks = 0;
    clockFalls = 0;
    evaluations = 0;
  }
}
