package dev.qrtl.cli;

import dev.qrtl.compare.CompareConfig;
import dev.qrtl.results.CompareResult;
import dev.qrtl.compare.Comparison;
import dev.qrtl.compare.ResultFolder;
import dev.qrtl.compare.ResultWriter;
import dev.qrtl.energy.EnergyOptions;
import dev.qrtl.scheme.Schemes;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.synth.TechLibraries;
import dev.qrtl.util.OutputLock;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qrtl compare --schemes ... --acc-bits 32 --out-bits 4,8,16 --out docs/results/}:
 * synthesize, estimate and tabulate every scheme across widths, with plots and the network view.
 */
@Command(name = "compare", description = "Compare requantization schemes across bit widths: area, delay, energy; tables and plots.")
public final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CompareSweepOptions sweep;

  @Option(names = "--acc-bits", split = ",", defaultValue = "32", description = "Accumulator widths (default: ${DEFAULT-VALUE}).")
  List<Integer> accBits;

  @Option(names = "--liberty", description = "A Liberty file (.lib or .lib.gz).")
  Path liberty;

  @Option(names = "--tech", defaultValue = "default", description = "default (embedded 45 nm), nangate45 or sky130hd (default: ${DEFAULT-VALUE}).")
  String tech;

  @Option(names = "--stimulus", defaultValue = EnergyOptions.DEFAULT_STIMULUS, description = "Accumulator source for energy (default: ${DEFAULT-VALUE}).")
  String stimulus;

  @Option(names = "--seed", defaultValue = "1", description = "Stimulus seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--pipeline", defaultValue = "0",
      description = "Register stages in every requantizer, 0..8; results go to <out>/<library>-pipeline<N>/ (default: ${DEFAULT-VALUE}).")
  int pipeline;

  @Option(names = "--no-network", description = "Leave out the network-level view (unified module against conventional pipeline).")
  boolean noNetwork;

  @Option(names = "--clock-ns", description = "A common clock: synthesize every unit for this period (ABC delay target, retiming)"
      + " and add register stages (up to 8) until it meets it; energy and leakage at that clock (default: each unit at its own critical path).")
  Double clockNs;

  @Option(names = "--out", defaultValue = "docs/results", description = "Results folder; files go to <out>/<library>/ (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--timeout", defaultValue = "1800", description = "Seconds before a Yosys run is stopped (default: ${DEFAULT-VALUE}).")
  long timeout;

  @Mixin TimingOptions timing;

  @Mixin ConventionOptions conventions;

  @Mixin ShardOptions sharding;

  @Override
  public Integer call() {
    CompareConfig c = config(); // every option checked before any work
    checkOutputFolder(out);
    sharding.check(out); // and every sharding or Slurm option, and where shards go
    if (sharding.shard != null || sharding.slurm) {
      return sharding.run(c, out, spec);
    }
    try (OutputLock lock = OutputLock.acquire(out)) {
      return compare(c, out, spec.commandLine().getOut());
    }
  }

  /** An output folder must be a folder (or not exist yet), and so must the nearest of its parents that exists. */
  static void checkOutputFolder(Path out) {
    checkFolder(out, "--out");
  }

  /** {@code dir}, given with {@code option}, must be a folder or creatable as one; checked before any work. */
  static void checkFolder(Path dir, String option) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new UserError(option + " " + dir + " is a file, not a folder");
    }
    for (Path a = dir.toAbsolutePath().normalize().getParent(); a != null; a = a.getParent()) {
      if (Files.exists(a)) {
        if (!Files.isDirectory(a)) {
          throw new UserError(option + " " + dir + ": " + a + " is a file, not a folder");
        }
        break;
      }
    }
  }

  CompareConfig config() {
    Checks.notTogether(spec, "--tech", "--liberty", liberty != null);
    var lib = TechLibraries.resolve(tech, liberty);
    if (timeout < 1) {
      throw new UserError("--timeout must be at least 1 second, not " + timeout);
    }
    OptionalDouble clock = clockNs == null ? OptionalDouble.empty() : OptionalDouble.of(clockNs);
    if (clockNs != null && !(clockNs >= 0.05 && clockNs <= 1000)) {
      throw new UserError("--clock-ns must be between 0.05 and 1000 ns, not " + clockNs);
    }
    EnergyOptions e = EnergyOptions.of(sweep.ops, seed, Stimulus.parse(stimulus), clock, 1024)
        .withConventions(conventions.conventions());
    return new CompareConfig(sweep.forms(), accBits, sweep.outBits, lib, timing.conditions(lib.library()), e, !noNetwork, pipeline,
        Duration.ofSeconds(timeout), sweep.progress(), clock, sweep.blockForms());
  }

  /** Runs a comparison, writes it under {@code out}, prints the headline table; for the main job too. */
  static int compare(CompareConfig c, Path out, PrintWriter pw) {
    long start = System.nanoTime();
    if (c.schemes().stream().noneMatch(f -> f.label().equals(Schemes.BASELINE))) {
      pw.println("note: without " + Schemes.BASELINE + " in --schemes there are no baseline ratios");
    }
    CompareResult r = Comparison.run(c);
    Path dir = ResultFolder.write(r, c.clockNs(), out);
    pw.printf("%d units and %d network-level designs on %s (%s, %s), energy from %s at seed %d%n", r.rows().size(), r.network().size(),
        r.library(), r.corner(), r.yosys(), r.stimulus(), r.seed());
    pw.print(ResultWriter.headline(r));
    Path page = ReportCommand.writeAfter(dir, out);
    pw.printf("wrote %s (comparison.md, .csv, .json, plots as PNG and SVG; report %s) in %.1f s%n", dir, page.getFileName(),
        (System.nanoTime() - start) / 1e9);
    pw.flush();
    return 0;
  }
}
