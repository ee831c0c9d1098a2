package dev.qrtl.synth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.energy.EnergyEstimator;
import dev.qrtl.energy.EnergyOptions;
import dev.qrtl.energy.EnergyReport;
import dev.qrtl.kind.Designs;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.spec.GroupPeSpec;
import dev.qrtl.spec.GroupPeSpec.Granularity;
import dev.qrtl.spec.GroupPeSpec.GroupScale;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.testing.ToolGate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Synthesis for a clock lets ABC retime the registers. Yosys 0.23 hands ABC the registers of each
 * clock-enable and synchronous-reset domain separately and gives every register it gets back the
 * domain's enable and reset, with ABC's initial value as the reset value; on a group-scaled PE
 * (an accumulator, a group sum and counters under `valid` and `rst`, one register resetting to 1)
 * the retimed netlist disagreed with the design four cycles after its reset. Enables and resets
 * are made logic before ABC ({@code dffunmap}), so one domain of plain registers is retimed. Each
 * retimed netlist here is simulated at gate level, every output against the golden model.
 */
@Tag("tools")
class RetimedRegistersTest {
  @TempDir Path dir;

  @Test
  void retimedGroupScaledPesStillComputeTheirGoldenModel() {
    ToolGate.require("yosys");
    var tech = TechLibraries.resolve("default", null);
    List<GroupPeSpec> specs = List.of(
        new GroupPeSpec(8, 4, 256, Granularity.GROUP, 32, GroupScale.SHIFT, 4, 0),
        new GroupPeSpec(8, 4, 256, Granularity.GROUP, 64, GroupScale.DYADIC, 8, 0),
        new GroupPeSpec(8, 8, 256, Granularity.TENSOR, 0, GroupScale.SHIFT, 4, 0));
    for (GroupPeSpec spec : specs) {
      Path manifest = Designs.write(spec, dir);
      Manifest m = ManifestIo.read(manifest);
      // 1 ns: every one of these misses it unretimed, so ABC moves registers
      SynthResult s = SynthRunner.run(manifest, tech, SynthMode.FLAT, TimingConditions.DEFAULT, OptionalDouble.of(1.0), Duration.ofMinutes(10));
      EnergyOptions o = EnergyOptions.of(3000, 5, Stimulus.parse(EnergyOptions.DEFAULT_STIMULUS), OptionalDouble.of(1.0), 1024);
      EnergyReport e = EnergyEstimator.measure(manifest, m, s, tech.library(), o); // throws at the first output that disagrees
      System.out.printf("%s retimed for 1 ns on %s: %.1f um^2 of registers, %.3f ns, %d outputs equal to the golden model (seed 5)%n", m.top(),
          s.library(), s.sequentialUm2(), s.criticalPathNs(), e.gateLevelChecks());
      assertTrue(e.gateLevelChecks() >= 3000, m.top() + ": every cycle checked, " + e.gateLevelChecks());
    }
  }
}
