package dev.qrtl.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One scheme at one pair of widths: area and timing from synthesis, energy per requantization from
 * gate-level activity (with cell delays; the zero-delay figure beside it), and the ratios of the
 * baseline's area and energy to this row's (so 15 means "15x less than the baseline"). A block
 * unit (an MX block quantizer, {@code block} its K) gives area and energy per element.
 */
@JsonPropertyOrder({"scheme", "accBits", "outBits", "block", "design", "areaUm2", "nand2Equivalents", "cells", "delayNs", "fmaxMhz",
    "energyPj", "energyCi95Pj", "energyZeroDelayPj", "leakagePj", "baselineAreaRatio", "baselineEnergyRatio", "stages", "error", "verification"})
public record CompareRow(String scheme, int accBits, int outBits, String design, double areaUm2, double nand2Equivalents, long cells,
    double delayNs, double fmaxMhz, double energyPj, double energyCi95Pj, double energyZeroDelayPj, double leakagePj,
    @Nullable Double baselineAreaRatio, @Nullable Double baselineEnergyRatio,
    @Nullable @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Integer stages,
    @Nullable @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) RowError error,
    @Nullable @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) RowVerification verification,
    @Nullable @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Integer block) {
  /**
   * The unit's accuracy beside its cost (golden models, the comparison's stimulus and seed, the
   * scale calibrated to it): the octave-mean and octave-worst RMS error in output LSB.
   */
  public record RowError(double rms, double worstRms) {}

  /** A per-element unit's row (no block). */
  public CompareRow(String scheme, int accBits, int outBits, String design, double areaUm2, double nand2Equivalents, long cells,
      double delayNs, double fmaxMhz, double energyPj, double energyCi95Pj, double energyZeroDelayPj, double leakagePj,
      Double baselineAreaRatio, Double baselineEnergyRatio, Integer stages, RowError error, RowVerification verification) {
    this(scheme, accBits, outBits, design, areaUm2, nand2Equivalents, cells, delayNs, fmaxMhz, energyPj, energyCi95Pj,
        energyZeroDelayPj, leakagePj, baselineAreaRatio, baselineEnergyRatio, stages, error, verification, null);
  }

  public CompareRow(String scheme, int accBits, int outBits, String design, double areaUm2, double nand2Equivalents, long cells,
      double delayNs, double fmaxMhz, double energyPj, double energyCi95Pj, double energyZeroDelayPj, double leakagePj,
      Double baselineAreaRatio, Double baselineEnergyRatio, Integer stages) {
    this(scheme, accBits, outBits, design, areaUm2, nand2Equivalents, cells, delayNs, fmaxMhz, energyPj, energyCi95Pj,
        energyZeroDelayPj, leakagePj, baselineAreaRatio, baselineEnergyRatio, stages, null, null, null);
  }

  public CompareRow(String scheme, int accBits, int outBits, String design, double areaUm2, double nand2Equivalents, long cells,
      double delayNs, double fmaxMhz, double energyPj, double energyCi95Pj, double energyZeroDelayPj, double leakagePj,
      Double baselineAreaRatio, Double baselineEnergyRatio) {
    this(scheme, accBits, outBits, design, areaUm2, nand2Equivalents, cells, delayNs, fmaxMhz, energyPj, energyCi95Pj,
        energyZeroDelayPj, leakagePj, baselineAreaRatio, baselineEnergyRatio, null, null, null, null);
  }

  public CompareRow withRatios(Double area, Double energy) {
    return new CompareRow(scheme, accBits, outBits, design, areaUm2, nand2Equivalents, cells, delayNs, fmaxMhz, energyPj,
        energyCi95Pj, energyZeroDelayPj, leakagePj, area, energy, stages, error, verification, block);
  }

  public CompareRow withError(RowError e) {
    return new CompareRow(scheme, accBits, outBits, design, areaUm2, nand2Equivalents, cells, delayNs, fmaxMhz, energyPj,
        energyCi95Pj, energyZeroDelayPj, leakagePj, baselineAreaRatio, baselineEnergyRatio, stages, e, verification, block);
  }

  public CompareRow withVerification(RowVerification v) {
    return new CompareRow(scheme, accBits, outBits, design, areaUm2, nand2Equivalents, cells, delayNs, fmaxMhz, energyPj,
        energyCi95Pj, energyZeroDelayPj, leakagePj, baselineAreaRatio, baselineEnergyRatio, stages, error, v, block);
  }

  /**
   * This row as a block unit of {@code k} elements: area, NAND2 equivalents and energies per element
   * (the unit's divided by k); cells, delay and Fmax stay the unit's.
   */
  public CompareRow perElementOf(int k) {
    return new CompareRow(scheme, accBits, outBits, design, areaUm2 / k, nand2Equivalents / k, cells, delayNs, fmaxMhz, energyPj / k,
        energyCi95Pj / k, energyZeroDelayPj / k, leakagePj / k, baselineAreaRatio, baselineEnergyRatio, stages, error, verification, k);
  }
}
