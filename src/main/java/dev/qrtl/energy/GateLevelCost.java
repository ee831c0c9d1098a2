package dev.qrtl.energy;

import dev.qrtl.kind.DesignKinds;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.synth.SynthMode;
import dev.qrtl.synth.SynthResult;
import dev.qrtl.synth.SynthRunner;
import dev.qrtl.synth.TechLibraries;
import dev.qrtl.synth.TimingConditions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalDouble;

/**
 * Today's cost model: Yosys synthesis onto the library (cached; flat or hierarchical as the
 * design's kind says; for a clock target, ABC's delay target with retiming), then gate-level
 * simulation of the mapped netlist with and without cell delays, priced by the library's power
 * groups ({@link EnergyEstimator}, cached).
 */
public final class GateLevelCost implements UnitCostModel {
  private final TechLibraries.Resolved tech;
  private final TimingConditions timing;
  private final OptionalDouble synthesisClockNs;
  private final Duration timeout;

  /** @param synthesisClockNs a clock to synthesize for (ABC's delay target), or empty for plain synthesis */
  public GateLevelCost(TechLibraries.Resolved tech, TimingConditions timing, OptionalDouble synthesisClockNs, Duration timeout) {
    this.tech = tech;
    this.timing = timing;
    this.synthesisClockNs = synthesisClockNs;
    this.timeout = timeout;
  }

  public GateLevelCost(TechLibraries.Resolved tech, TimingConditions timing, Duration timeout) {
    this(tech, timing, OptionalDouble.empty(), timeout);
  }

  @Override
  public SynthResult synthesize(Path manifest) {
    Manifest m = ManifestIo.read(manifest);
    SynthMode mode = DesignKinds.find(m.kind()).map(k -> k.flatSynthesis()).orElse(false) ? SynthMode.FLAT : SynthMode.HIER;
    return SynthRunner.run(manifest, tech, mode, timing, synthesisClockNs, timeout);
  }

  @Override
  public UnitCost price(Path manifest, SynthResult s, EnergyOptions o) {
    Manifest m = ManifestIo.read(manifest);
    return new UnitCost(m, s, EnergyEstimator.estimate(manifest, m, s, tech.library(), o));
  }

  @Override
  public UnitCost price(Path manifest, EnergyOptions o, CustomWorkload w) {
    Manifest m = ManifestIo.read(manifest);
    SynthResult s = synthesize(manifest);
    java.util.function.Supplier<EnergyReport> measure = () -> EnergyEstimator.estimate(m.top(), w.operation(),
        EnergyEstimator.netlist(s, m.top()), s, tech.library(), o, w.layout(), w.clocked(), w.source(), w.records(), w.operations(),
        System.nanoTime());
    EnergyReport e = w.cacheKey() == null ? measure.get() : EnergyEstimator.cached(w.cacheKey().apply(s), m.top(), measure);
    return new UnitCost(m, s, e);
  }
}
