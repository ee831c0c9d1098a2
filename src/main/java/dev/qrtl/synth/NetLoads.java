package dev.qrtl.synth;

import dev.qrtl.liberty.Pin;
import dev.qrtl.liberty.WireLoadChoice;

/**
 * The load on every net of a flat netlist, per edge, as static timing sees it: the input
 * capacitances of the pins it drives ({@code rise_capacitance} for a rising edge,
 * {@code fall_capacitance} for a falling one), the load on each output port bit it reaches, and
 * the wire-load model's capacitance for its fanout - the number of cell input pins plus output
 * port bits on the net, as OpenSTA counts it. The wire's resistance gives each load pin an Elmore
 * delay as in a balanced tree (each load reached through R / fanout, carrying its own pin
 * capacitance and C / fanout of the wire; OpenSTA's {@code balanced_tree} estimate, the tree type
 * of both shipped libraries); the driver sees the whole capacitance.
 */
public final class NetLoads {
  private final double[] rise;
  private final double[] fall;
  private final double[] wire;
  private final int[] fanout;
  private final double[] elmoreKohm;
  private final WireLoadChoice.Resolved wireLoad;

  public NetLoads(FlatNetlist flat, WireLoadChoice.Resolved wireLoad, double outputLoadPf) {
    int n = flat.netCount();
    this.rise = new double[n];
    this.fall = new double[n];
    this.wire = new double[n];
    this.fanout = new int[n];
    this.elmoreKohm = new double[n];
    this.wireLoad = wireLoad;
    for (FlatNetlist.Instance inst : flat.instances()) {
      for (Pin p : inst.cell().inputs()) {
        Integer net = inst.pins().get(p.name());
        if (net != null && net > 1) {
          rise[net] += p.riseCapacitancePf();
          fall[net] += p.fallCapacitancePf();
          fanout[net]++;
        }
      }
    }
    for (int[] bits : flat.outputs().values()) {
      for (int b : bits) {
        if (b > 1) {
          rise[b] += outputLoadPf;
          fall[b] += outputLoadPf;
          fanout[b]++;
        }
      }
    }
    for (int i = 2; i < n; i++) {
      wire[i] = wireLoad.capacitancePf(fanout[i]);
      elmoreKohm[i] = wireLoad.model() == null || fanout[i] == 0 ? 0 : wireLoad.model().resistanceKohm(fanout[i]) / fanout[i];
    }
  }

  /** The total load a rising (true) or falling edge on {@code net} drives, pF. */
  public double pf(int net, boolean rising) {
    return (rising ? rise[net] : fall[net]) + wire[net];
  }

  /** The wire's delay from the driver to one load pin of capacitance {@code pinPf} on {@code net}, ns (kOhm x pF). */
  public double wireDelayNs(int net, double pinPf) {
    return elmoreKohm[net] == 0 ? 0 : elmoreKohm[net] * (wire[net] / fanout[net] + pinPf);
  }

  /** The wire part of a net's load, pF. */
  public double wirePf(int net) {
    return wire[net];
  }

  /** Cell input pins and output port bits on the net. */
  public int fanout(int net) {
    return fanout[net];
  }

  public WireLoadChoice.Resolved wireLoad() {
    return wireLoad;
  }
}
