package dev.qrtl.energy;

import dev.qrtl.synth.SynthResult;
import java.nio.file.Path;

/**
 * The one seam through which every study prices a unit: a comparison's rows, its network view's
 * stages, a network bill's requantizers and processing elements. A design given by its manifest
 * is synthesized and its energy estimated; how (Yosys and gate-level simulation today, {@link
 * GateLevelCost}) is the model's business, so a new cost model is one class.
 */
public interface UnitCostModel {
  /** Synthesis alone, for a search that tries several designs before it prices one (a common clock's stages). */
  SynthResult synthesize(Path manifest);

  /** Synthesis, then energy per operation on the design's own workload (its kind's records, every output checked). */
  default UnitCost price(Path manifest, EnergyOptions o) {
    return price(manifest, synthesize(manifest), o);
  }

  /** Energy per operation of a design already synthesized as {@code s}. */
  UnitCost price(Path manifest, SynthResult s, EnergyOptions o);

  /** Synthesis, then energy per operation on the caller's records. */
  UnitCost price(Path manifest, EnergyOptions o, CustomWorkload w);
}
