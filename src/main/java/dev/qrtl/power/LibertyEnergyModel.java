package dev.qrtl.power;

import dev.qrtl.liberty.Cell;
import dev.qrtl.liberty.InternalPower;
import dev.qrtl.liberty.Pin;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The energy model qrtl prices with today, from the Liberty library of the netlist: per
 * transition of a cell's output, the cell's internal energy (the mean over its internal-power
 * groups of that output at a 0.02 ns input slew and the net's load) plus 1/2 C V^2 of the load;
 * per transition of an input port or register output, 1/2 C V^2 of the pins it drives; per clock
 * edge, each flip-flop's clock-pin internal energy (groups related to the clock pin) and C V^2 of
 * its clock pin; plus leakage over cycles x the clock period. Combinational switching, registers
 * and clock, and leakage are reported apart, by group.
 */
public final class LibertyEnergyModel implements EnergyModel {
  private static final double SLEW_NS = 0.02;

  private final Elaboration e;
  private final double[] energyPerTogglePj;
  private final double[] clockEnergyPj;
  private final double[] leakageNwByGroup;
  private final long[] toggles;
  private final int[] gateOutput;
  private long clocks;
  private long evaluations;

  public LibertyEnergyModel(Elaboration e) {
    this.e = e;
    double v2 = e.library.voltage() * e.library.voltage();
    int n = e.netCount();
    this.energyPerTogglePj = new double[n];
    for (int[] bits : e.flat.inputs.values()) {
      for (int b : bits) {
        energyPerTogglePj[b] = 0.5 * e.loadPf[b] * v2; // the unit's input pins, charged by their driver
      }
    }
    this.clockEnergyPj = new double[e.flops.length];
    for (int i = 0; i < e.flops.length; i++) {
      Elaboration.Flop f = e.flops[i];
      for (int o : new int[] {f.q(), f.qn()}) {
        if (o > 1) {
          energyPerTogglePj[o] = 0.5 * e.loadPf[o] * v2;
        }
      }
      Cell c = f.instance().cell();
      Pin clk = c.pins().get(c.clockPin());
      double clockPinCap = clk == null ? 0 : clk.capacitancePf();
      double clockInternal = c.power().stream().filter(p -> p.relatedPin().equals(c.clockPin()))
          .mapToDouble(p -> p.energyPj(SLEW_NS, 0.001)).average().orElse(0);
      clockEnergyPj[i] = clockInternal + clockPinCap * v2;
    }
    this.gateOutput = new int[e.gates.length];
    for (int g = 0; g < e.gates.length; g++) {
      Elaboration.Gate gate = e.gates[g];
      int out = gate.output();
      gateOutput[g] = out;
      double load = e.loadPf[out];
      energyPerTogglePj[out] = internalEnergy(gate.instance().cell(), gate.outputPin(), load) + 0.5 * load * v2;
    }
    this.leakageNwByGroup = new double[e.flat.groups.size()];
    for (FlatNetlist.Instance inst : e.flat.instances) {
      leakageNwByGroup[inst.group()] += inst.cell().leakageNw();
    }
    this.toggles = new long[n];
  }

  /** The mean internal energy of a cell's output over its power groups at the fixed slew and the load. */
  private static double internalEnergy(Cell c, String pin, double load) {
    return c.power().stream().filter(p -> p.outputPin().equals(pin)).mapToDouble((InternalPower p) -> p.energyPj(SLEW_NS, load))
        .average().orElse(0);
  }

  @Override
  public void transition(int gate, double timeNs, boolean rising, int cause, double inputSlewNs, int inputRow) {
    toggles[gateOutput[gate]]++;
  }

  @Override
  public void sourceTransition(int net, boolean rising) {
    toggles[net]++;
  }

  @Override
  public void clockEdge() {
    clocks++;
  }

  @Override
  public void evaluation() {
    evaluations++;
  }

  /** Clock cycles so far; for a design without flip-flops, evaluations (one operation each). */
  public long cycles() {
    return e.flops.length > 0 ? clocks : evaluations;
  }

  public long totalToggles() {
    long t = 0;
    for (long x : toggles) {
      t += x;
    }
    return t;
  }

  @Override
  public Map<String, Energy> energyByGroup(double clockNs) {
    int groups = e.flat.groups.size();
    double[] comb = new double[groups];
    double[] seq = new double[groups];
    for (int i = 0; i < e.flops.length; i++) {
      seq[e.flops[i].instance().group()] += clocks * clockEnergyPj[i];
    }
    for (int n = 2; n < toggles.length; n++) {
      double x = toggles[n] * energyPerTogglePj[n];
      if (e.isFlopOutput[n]) {
        seq[e.groupOfNet[n]] += x;
      } else {
        comb[e.groupOfNet[n]] += x;
      }
    }
    double cycles = cycles();
    Map<String, Energy> out = new LinkedHashMap<>();
    for (int g = 0; g < groups; g++) {
      double leak = leakageNwByGroup[g] * clockNs * cycles * 1e-6; // nW x ns = 1e-18 J = 1e-6 pJ
      if (comb[g] != 0 || seq[g] != 0 || leak != 0) {
        out.put(e.flat.groups.get(g), new Energy(comb[g], seq[g], leak));
      }
    }
    return out;
  }

  @Override
  public void reset() {
    Arrays.fill(toggles, 0);
    clocks = 0;
    evaluations = 0;
  }
}
