package dev.qrtl.cli;

import dev.qrtl.cosim.Cosim;
import dev.qrtl.cosim.CosimOptions;
import dev.qrtl.cosim.CosimReport;
import dev.qrtl.cosim.Stimulus;
import dev.qrtl.gen.DefaultDesigns;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code qrtl run}: the main job. Generate every default design into {@code rtl-out/}, lint it
 * with all three tools, and co-simulate it in Verilator against its golden model.
 */
@Command(name = "run", description = "The main job: generate the default designs, lint them, and co-simulate each against its golden model.")
public final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", defaultValue = "rtl-out", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--vectors", defaultValue = "1000000", description = "Co-simulation vectors per design (default: ${DEFAULT-VALUE}).")
  long vectors;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    PrintWriter pw = spec.commandLine().getOut();
    long start = System.nanoTime();
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
    CosimOptions o = new CosimOptions(vectors, seed, Stimulus.parse("auto"), "verilator", null, 3, Duration.ofMinutes(30));
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
    pw.printf("main job: %d designs generated into %s, %d lint-clean, %d co-simulated clean (%d values checked), %.1f s%n",
        manifests.size(), out, manifests.size() - lintFailures, manifests.size() - cosimFailures, checked,
        (System.nanoTime() - start) / 1e9);
    return lintFailures == 0 && cosimFailures == 0 ? 0 : 1;
  }
}
