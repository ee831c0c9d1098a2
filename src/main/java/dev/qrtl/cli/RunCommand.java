package dev.qrtl.cli;

import dev.qrtl.compare.CompareConfig;
import dev.qrtl.cosim.Cosim;
import dev.qrtl.cosim.CosimOptions;
import dev.qrtl.cosim.CosimReport;
import dev.qrtl.energy.EnergyOptions;
import dev.qrtl.kind.DefaultDesigns;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.synth.TechLibraries;
import dev.qrtl.util.OutputLock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qrtl run}: the main job. Generate every default design into {@code rtl-out/}, lint it
 * with all three tools, co-simulate it in Verilator against its golden model, then compare every
 * scheme on the embedded default library (synthesize, estimate energy, tabulate, plot) into
 * {@code docs/results/} and print the headline table.
 */
@Command(name = "run", description = "The main job: generate, lint and co-simulate the default designs; synthesize, estimate and compare every scheme.")
public final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", defaultValue = "rtl-out", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--vectors", defaultValue = "1000000", description = "Co-simulation vectors per design (default: ${DEFAULT-VALUE}).")
  long vectors;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--results", defaultValue = "docs/results", description = "Where the comparison goes (default: ${DEFAULT-VALUE}).")
  Path results;

  @picocli.CommandLine.Mixin CompareSweepOptions sweep;

  @picocli.CommandLine.Mixin TimingOptions timing;

  @picocli.CommandLine.Mixin ConventionOptions conventions;

  @Override
  public Integer call() {
    PrintWriter pw = spec.commandLine().getOut();
    long start = System.nanoTime();
    // every option checked before the first file is written
    CosimOptions o = new CosimOptions(vectors, seed, Stimulus.parse("auto"), dev.qrtl.sim.Simulator.VERILATOR, null, 3, Duration.ofMinutes(30));
    EnergyOptions e = EnergyOptions.of(sweep.ops, seed, Stimulus.parse(EnergyOptions.DEFAULT_STIMULUS), OptionalDouble.empty(), 1024)
        .withConventions(conventions.conventions());
    var lib = TechLibraries.resolve("default", null);
    CompareConfig c = new CompareConfig(sweep.forms(), List.of(32), sweep.outBits, lib, timing.conditions(lib.library()), e, true, 0,
        Duration.ofMinutes(30), sweep.progress());
    CompareCommand.checkOutputFolder(out);
    CompareCommand.checkOutputFolder(results);
    try (OutputLock lock = OutputLock.acquire(results)) {
      return run(o, c, pw, start);
    }
  }

  private int run(CosimOptions o, CompareConfig c, PrintWriter pw, long start) {
    pw.println("== generate");
    List<Path> manifests = GenerateCommand.writeAll(DefaultDesigns.all(), out, pw);
    pw.println("== lint (verilator -Wall, iverilog -g2005 -Wall, yosys hierarchy -check; proc)");
    int lintFailures = 0;
    for (Path m : manifests) {
      lintFailures += LintCommand.lintOne(m, pw) ? 0 : 1;
    }
    pw.printf("== co-simulation (Verilator, %d vectors per design, seed %d)%n", vectors, seed);
    int cosimFailures = 0;
    long checked = 0;
    for (Path m : manifests) {
      CosimReport r = Cosim.run(m, o);
      checked += r.checked();
      pw.printf("%-60s %11d checked %6d mismatches %8.2f M/s %s%n", r.design(), r.checked(), r.mismatches(),
          r.checkedPerSecond() / 1e6, r.passed() ? "PASS" : "FAIL");
      if (!r.passed()) {
        cosimFailures++;
        pw.print(r.toText());
      }
      pw.flush();
    }
    if (lintFailures > 0 || cosimFailures > 0) {
      pw.printf("main job stopped: %d lint failures, %d co-simulation failures%n", lintFailures, cosimFailures);
      return 1;
    }
    pw.println("== synthesize, estimate energy and compare (embedded default library, Yosys flat, gate-level activity)");
    CompareCommand.compare(c, results, pw);
    pw.printf("main job: %d designs generated into %s, lint-clean, co-simulated clean (%d values checked); comparison in %s; %.1f s%n",
        manifests.size(), out, checked, results, (System.nanoTime() - start) / 1e9);
    return 0;
  }
}
