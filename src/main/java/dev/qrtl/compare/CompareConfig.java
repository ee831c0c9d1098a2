package dev.qrtl.compare;

import dev.qrtl.energy.EnergyOptions;
import dev.qrtl.scheme.Schemes;
import dev.qrtl.synth.TechLibraries;
import dev.qrtl.synth.TimingConditions;
import java.time.Duration;
import java.util.List;

/**
 * What to compare.
 *
 * @param schemes the scheme forms to compare, in table order ({@link Schemes#forms})
 * @param accBits accumulator widths
 * @param outBits output widths
 * @param tech the cell library
 * @param timing the conditions of timing and of the delay-aware simulation (wire load, input slew, output load)
 * @param energy stimulus, seed, operations per requantizer
 * @param network whether to add the network-level view (unified module against conventional pipeline)
 * @param pipeline register stages in every requantizer (0: combinational units)
 * @param timeout per Yosys run
 * @param progress show a progress bar on stderr
 * @param blocks MX block quantizers priced beside the schemes ({@link BlockForm}), after them in table order
 */
public record CompareConfig(List<Schemes.Form> schemes, List<Integer> accBits, List<Integer> outBits, TechLibraries.Resolved tech,
    TimingConditions timing, EnergyOptions energy, boolean network, int pipeline, Duration timeout, boolean progress,
    java.util.OptionalDouble clockNs, List<BlockForm> blocks) {
  /** No block quantizers. */
  public CompareConfig(List<Schemes.Form> schemes, List<Integer> accBits, List<Integer> outBits, TechLibraries.Resolved tech,
      TimingConditions timing, EnergyOptions energy, boolean network, int pipeline, Duration timeout, boolean progress,
      java.util.OptionalDouble clockNs) {
    this(schemes, accBits, outBits, tech, timing, energy, network, pipeline, timeout, progress, clockNs, List.of());
  }

  /** Every unit at its own critical path (no common clock). */
  public CompareConfig(List<Schemes.Form> schemes, List<Integer> accBits, List<Integer> outBits, TechLibraries.Resolved tech,
      TimingConditions timing, EnergyOptions energy, boolean network, int pipeline, Duration timeout, boolean progress) {
    this(schemes, accBits, outBits, tech, timing, energy, network, pipeline, timeout, progress, java.util.OptionalDouble.empty());
  }

  /** This comparison with {@code forms} priced beside its schemes. */
  public CompareConfig withBlocks(List<BlockForm> forms) {
    return new CompareConfig(schemes, accBits, outBits, tech, timing, energy, network, pipeline, timeout, progress, clockNs, forms);
  }

  public CompareConfig {
    if (clockNs.isPresent() && !(clockNs.getAsDouble() >= 0.05 && clockNs.getAsDouble() <= 1000)) {
      throw new IllegalArgumentException("--clock-ns must be between 0.05 and 1000 ns, not " + clockNs.getAsDouble());
    }
    schemes = List.copyOf(schemes);
    blocks = List.copyOf(blocks);
    if (schemes.isEmpty() && blocks.isEmpty() || accBits.isEmpty() || outBits.isEmpty()) {
      throw new IllegalArgumentException("a comparison needs at least one scheme, accumulator width and output width");
    }
    if (pipeline < 0 || pipeline > dev.qrtl.spec.QuantizerSpec.MAX_PIPELINE) {
      throw new IllegalArgumentException("pipeline stages must be 0.." + dev.qrtl.spec.QuantizerSpec.MAX_PIPELINE + ", not " + pipeline);
    }
    for (int a : accBits) {
      if (a < 4 || a > 64) {
        throw new IllegalArgumentException("accumulator width " + a + " is out of range 4..64");
      }
      if (!blocks.isEmpty() && a > dev.qrtl.spec.BlockQuantizerSpec.MAX_INPUT_BITS) {
        throw new IllegalArgumentException("accumulator width " + a + ": MX block quantizers take 2.." + dev.qrtl.spec.BlockQuantizerSpec.MAX_INPUT_BITS
            + "-bit inputs");
      }
    }
    for (int o : outBits) {
      if (o < 2 || o > 16) {
        throw new IllegalArgumentException("output width " + o + " is out of range 2..16");
      }
    }
  }
}
