package dev.qrtl.cosim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.kind.DefaultDesigns;
import dev.qrtl.kind.Designs;
import dev.qrtl.kind.GeneratedDesign;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.testing.ToolGate;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every default design passes co-simulation: at least 10^6 vectors in Verilator (MAC designs:
 * 10^6 output values), and 10^4 in 4-state Icarus with no X or Z on any checked output.
 */
@Tag("tools")
class DefaultDesignsCosimTest {
  private static final long SEED = 20261128L;

  @TempDir Path dir;

  @Test
  void verilatorMillionVectorsPerDefaultDesign() {
    ToolGate.require("verilator");
    for (GeneratedDesign d : DefaultDesigns.all()) {
      Path mp = Designs.write(d, dir);
      CosimReport r = Cosim.run(mp, new CosimOptions(1_000_000, SEED, Stimulus.parse("auto"), dev.qrtl.sim.Simulator.VERILATOR, null, 3, Duration.ofMinutes(20)));
      System.out.printf("verilator %-66s %9d checked, %d mismatches, %s, seed %d%n", r.design(), r.checked(), r.mismatches(), r.stimulus(), SEED);
      assertTrue(r.passed() && r.checked() >= 1_000_000, r.toText());
    }
  }

  @Test
  void icarusTenThousandVectorsWithNoXOrZ() {
    ToolGate.require("iverilog", "vvp");
    for (GeneratedDesign d : DefaultDesigns.all()) {
      Path mp = Designs.write(d, dir);
      CosimReport r = Cosim.run(mp, new CosimOptions(10_000, SEED, Stimulus.parse("auto"), dev.qrtl.sim.Simulator.ICARUS, null, 3, Duration.ofMinutes(20)));
      System.out.printf("icarus %-66s %7d checked, %d mismatches (X/Z included), seed %d%n", r.design(), r.checked(), r.mismatches(), SEED);
      assertTrue(r.passed() && r.checked() >= 10_000, r.toText());
    }
  }
}
