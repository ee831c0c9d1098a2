package dev.qrtl.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.cosim.Cosim;
import dev.qrtl.cosim.CosimOptions;
import dev.qrtl.cosim.CosimReport;
import dev.qrtl.energy.EnergyEstimator;
import dev.qrtl.energy.EnergyOptions;
import dev.qrtl.energy.EnergyReport;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.kind.Designs;
import dev.qrtl.spec.OutputSpec;
import dev.qrtl.spec.Rounding;
import dev.qrtl.spec.ShiftRoundSpec;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.synth.SynthMode;
import dev.qrtl.synth.SynthResult;
import dev.qrtl.synth.SynthRunner;
import dev.qrtl.synth.TechLibraries;
import dev.qrtl.testing.ToolGate;
import dev.qrtl.util.CacheStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every cache kind (Yosys runs, Verilator builds, energy estimates, unpacked libraries), each
 * entry damaged four ways - truncated, emptied, part of it deleted, edited but still valid -
 * is detected on the next read, reported in one line naming the entry, rebuilt, and the run's
 * result equals a clean run's.
 */
@Tag("tools")
class CacheIntegrityTest {
  @TempDir Path dir;
  private final List<String> reports = new ArrayList<>();
  private java.util.function.Consumer<String> previous;
  private String previousCache;

  /** One way to damage a file. */
  enum Damage { TRUNCATE, EMPTY, DELETE_PART, EDIT_VALID }

  @BeforeEach
  void isolate() {
    previousCache = System.getProperty("qrtl.cache");
    System.setProperty("qrtl.cache", dir.resolve("cache").toString());
    previous = CacheStore.reporter(reports::add);
  }

  @AfterEach
  void restore() {
    CacheStore.reporter(previous);
    if (previousCache == null) {
      System.clearProperty("qrtl.cache");
    } else {
      System.setProperty("qrtl.cache", previousCache);
    }
  }

  static void damage(Path file, Damage d) throws IOException {
    byte[] b = Files.readAllBytes(file);
    switch (d) {
      case TRUNCATE -> Files.write(file, Arrays.copyOf(b, b.length / 2));
      case EMPTY -> Files.write(file, new byte[0]);
      case DELETE_PART -> {
        int from = b.length / 3;
        int to = Math.min(b.length, from + Math.max(1, b.length / 10));
        byte[] c = new byte[b.length - (to - from)];
        System.arraycopy(b, 0, c, 0, from);
        System.arraycopy(b, to, c, from, b.length - to);
        Files.write(file, c);
      }
      case EDIT_VALID -> {
        // change one digit: the file stays well-formed (JSON, Liberty, a binary of the same size) but says something else
        for (int i = b.length / 2; i < b.length; i++) {
          if (b[i] >= '1' && b[i] <= '8') {
            b[i]++;
            break;
          }
        }
        Files.write(file, b);
      }
      default -> throw new AssertionError(d);
    }
  }

  private void expectOneReport(Path entry, Damage d) {
    assertEquals(1, reports.size(), d + ": one report: " + reports);
    String r = reports.get(0);
    assertTrue(r.contains(entry.toString()) && r.contains("rebuilt"), d + ": names the entry: " + r);
    assertEquals(1, r.lines().count(), r);
    reports.clear();
  }

  private Path manifest() {
    return Designs.write(new ShiftRoundSpec(16, new OutputSpec(8, true, false, true), Rounding.HALF_EVEN, OptionalInt.empty(), true, 0, false),
        dir.resolve("design"));
  }

  private static Path onlyEntry(Path kindFolder) throws IOException {
    try (Stream<Path> s = Files.list(kindFolder)) {
      List<Path> entries = s.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
      assertEquals(1, entries.size(), "one entry in " + kindFolder + ": " + entries);
      return entries.get(0);
    }
  }

  @Test
  void synthesisEntries() throws IOException {
    ToolGate.require("yosys");
    Path m = manifest();
    var tech = TechLibraries.resolve("default", null);
    SynthResult clean = SynthRunner.run(m, tech, SynthMode.FLAT, Duration.ofMinutes(5));
    Path entry = onlyEntry(dir.resolve("cache/synth"));
    reports.clear();
    for (Damage d : Damage.values()) {
      damage(entry.resolve(d == Damage.DELETE_PART ? "stat.json" : "netlist.json"), d);
      SynthResult again = SynthRunner.run(m, tech, SynthMode.FLAT, Duration.ofMinutes(5));
      expectOneReport(entry, d);
      assertEquals(clean.areaUm2(), again.areaUm2(), 0.0, d + ": the same area after the rebuild");
      assertEquals(clean.criticalPathNs(), again.criticalPathNs(), 0.0, d + ": the same timing");
      assertEquals(clean.countByCell(), again.countByCell(), d.toString());
    }
    System.out.println("cache integrity: synthesis entry damaged 4 ways, each detected, reported, rebuilt to the same result");
  }

  @Test
  void verilatorBuilds() throws IOException {
    ToolGate.require("verilator");
    Path m = manifest();
    CosimOptions o = new CosimOptions(20_000, 3, Stimulus.parse("uniform"), dev.qrtl.sim.Simulator.VERILATOR, null, 3, Duration.ofMinutes(5));
    CosimReport clean = Cosim.run(m, o);
    Path entry = onlyEntry(dir.resolve("cache/verilator"));
    reports.clear();
    for (Damage d : Damage.values()) {
      damage(entry.resolve(d == Damage.DELETE_PART ? "harness.cpp" : "sim"), d);
      CosimReport again = Cosim.run(m, o);
      expectOneReport(entry, d);
      assertTrue(again.passed() && !again.buildCached(), d + ": rebuilt and passing: " + again.toText());
      assertEquals(clean.checked(), again.checked());
    }
    System.out.println("cache integrity: Verilator build damaged 4 ways, each detected, reported, rebuilt, co-simulation passes");
  }

  @Test
  void energyEstimates() throws IOException {
    ToolGate.require("yosys");
    Path m = manifest();
    Manifest man = ManifestIo.read(m);
    var tech = TechLibraries.resolve("default", null);
    SynthResult s = SynthRunner.run(m, tech, SynthMode.FLAT, Duration.ofMinutes(5));
    EnergyOptions o = EnergyOptions.of(1000, 5, Stimulus.parse("products:k=16"), OptionalDouble.empty(), 256);
    EnergyReport clean = EnergyEstimator.estimate(m, man, s, tech.library(), o);
    Path entry = onlyEntry(dir.resolve("cache/energy"));
    reports.clear();
    for (Damage d : Damage.values()) {
      damage(entry.resolve("report.json"), d);
      EnergyReport again = EnergyEstimator.estimate(m, man, s, tech.library(), o);
      expectOneReport(entry, d);
      assertEquals(clean.delays(), again.delays(), d + ": the same estimate");
      assertEquals(clean.zeroDelay(), again.zeroDelay(), d.toString());
    }
    System.out.println("cache integrity: energy estimate damaged 4 ways, each detected, reported, recomputed to the same figures");
  }

  @Test
  void unpackedLibraries() throws IOException {
    TechLibraries.Resolved clean = TechLibraries.resolve("default", null);
    byte[] good = Files.readAllBytes(clean.plainFile());
    reports.clear();
    for (Damage d : Damage.values()) {
      damage(clean.plainFile(), d);
      TechLibraries.Resolved again = TechLibraries.resolve("default", null);
      expectOneReport(clean.plainFile(), d);
      assertEquals(clean.library().sha256(), again.library().sha256(), d.toString());
      assertTrue(Arrays.equals(good, Files.readAllBytes(again.plainFile())), d + ": the unpacked copy is the jar's bytes again");
      assertEquals(new String(good, StandardCharsets.ISO_8859_1).length(), Files.size(again.plainFile()));
    }
    System.out.println("cache integrity: unpacked default library damaged 4 ways, each detected, reported, restored from the jar");
  }
}
