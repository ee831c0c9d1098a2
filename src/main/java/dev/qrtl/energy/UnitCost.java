package dev.qrtl.energy;

import dev.qrtl.manifest.Manifest;
import dev.qrtl.synth.SynthResult;

/** What one unit costs: its synthesis (area, timing) and its energy per operation, priced by a {@link UnitCostModel}. */
public record UnitCost(Manifest manifest, SynthResult synthesis, EnergyReport energy) {
  public String design() {
    return manifest.top();
  }

  public double areaUm2() {
    return synthesis.areaUm2();
  }

  /** Energy per operation with cell delays (glitches counted), pJ. */
  public double energyPj() {
    return energy.delays().totalPj();
  }

  public double energyCi95Pj() {
    return energy.delays().ci95Pj();
  }

  public double energyZeroDelayPj() {
    return energy.zeroDelay().totalPj();
  }

  public double leakagePj() {
    return energy.delays().leakagePj();
  }

  public double delayNs() {
    return synthesis.criticalPathNs();
  }
}
