package dev.qrtl.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.core.Module;
import dev.qrtl.cosim.Cosim;
import dev.qrtl.cosim.CosimOptions;
import dev.qrtl.cosim.CosimReport;
import dev.qrtl.kind.QuantizerRecords;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.kind.Designs;
import dev.qrtl.sim.CosimResult;
import dev.qrtl.sim.RecordSource;
import dev.qrtl.sim.Simulator;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.testing.Bundle;
import dev.qrtl.testing.Cases;
import dev.qrtl.testing.ToolGate;
import dev.qrtl.verilog.DesignWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry's cases in Verilator and Icarus: the requantizers batched into one build per
 * latency (each unit against its own golden model, on its corner cases then uniform values), the
 * MAC designs one build each.
 */
@Tag("tools")
class CaseCosimTest {
  private static final long SEED = 20261201L;
  @TempDir Path dir;

  /** The quantizer cases that feed {@code check}, by latency. */
  private static Map<Integer, List<Cases.Quantizer>> byLatency(Cases.Check check) {
    Map<Integer, List<Cases.Quantizer>> groups = new TreeMap<>();
    for (Cases.Quantizer c : Cases.quantizers()) {
      if (c.feeds(check)) {
        groups.computeIfAbsent(c.spec().pipeline(), k -> new ArrayList<>()).add(c);
      }
    }
    return groups;
  }

  private CosimResult runBundle(int latency, List<Cases.Quantizer> cases, long vectors, boolean icarus) {
    List<Module> modules = new ArrayList<>();
    List<Manifest> manifests = new ArrayList<>();
    List<RecordSource> sources = new ArrayList<>();
    for (Cases.Quantizer c : cases) {
      Module m = Designs.generate(c.spec()).module();
      Manifest man = CaseEquivalenceTest.manifest(c.spec(), m);
      modules.add(m);
      manifests.add(man);
      sources.add(new QuantizerRecords(man, Stimulus.parse("corners"), vectors, SEED, 1, true));
    }
    Path folder = dir.resolve((icarus ? "icarus" : "verilator") + "_p" + latency);
    Manifest wrapper = ManifestIo.read(DesignWriter.write(Bundle.wrap("case_bundle_p" + latency, modules), "test", null, folder));
    Bundle bundle = new Bundle(wrapper, manifests, sources);
    long records = vectors + latency;
    return (icarus ? Simulator.ICARUS : Simulator.VERILATOR).backend().compile(wrapper, folder, false).run(bundle, records, 5,
        Duration.ofMinutes(10), null);
  }

  @Test
  void quantizerCasesInVerilatorBatchedByLatency() {
    ToolGate.require("verilator");
    long vectors = 200_000;
    for (var g : byLatency(Cases.Check.VERILATOR).entrySet()) {
      CosimResult r = runBundle(g.getKey(), g.getValue(), vectors, false);
      System.out.printf("verilator: %d requantizer cases of latency %d in one build, %d vectors each (corner cases, then uniform;"
          + " seed %d): %d mismatches%n", g.getValue().size(), g.getKey(), vectors, SEED, r.mismatches());
      assertEquals(0, r.mismatches(), r.firstMismatches().toString());
      assertEquals(vectors, r.checked());
    }
  }

  @Test
  void quantizerCasesInIcarusWithNoXOrZ() {
    ToolGate.require("iverilog", "vvp");
    long vectors = 3000;
    for (var g : byLatency(Cases.Check.ICARUS).entrySet()) {
      CosimResult r = runBundle(g.getKey(), g.getValue(), vectors, true);
      System.out.printf("icarus: %d requantizer cases of latency %d, %d vectors each (seed %d): %d mismatches (X/Z included)%n",
          g.getValue().size(), g.getKey(), vectors, SEED, r.mismatches());
      assertEquals(0, r.mismatches(), r.firstMismatches().toString());
    }
  }

  @Test
  void macCasesInVerilatorAndIcarus() {
    ToolGate.require("verilator", "iverilog", "vvp");
    int n = 0;
    for (Cases.Array c : Cases.arrays()) {
      for (Simulator sim : Simulator.values()) {
        if (!c.feeds(sim == Simulator.VERILATOR ? Cases.Check.VERILATOR : Cases.Check.ICARUS)) {
          continue;
        }
        Path mp = Designs.write(c.spec(), dir.resolve(c.name()));
        CosimReport r = Cosim.run(mp, new CosimOptions(sim == Simulator.VERILATOR ? 20_000 : 500, SEED, Stimulus.parse("auto"), sim, null, 3,
            Duration.ofMinutes(10)));
        assertTrue(r.passed() && r.checked() > 0, c.name() + " in " + sim + ":\n" + r.toText());
        n++;
      }
    }
    System.out.printf("MAC cases: %d co-simulation runs (Verilator 20,000 and Icarus 500 output values each, seed %d): all pass%n", n, SEED);
  }
}
