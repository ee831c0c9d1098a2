package dev.qrtl.cli;

import dev.qrtl.bench.GenerationBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qrtl bench ...}: the performance benchmarks recorded in docs/benchmarks.md. */
@Command(name = "bench", description = "Run a benchmark.", subcommands = {BenchCommand.Generate.class, BenchCommand.Golden.class, BenchCommand.CosimRate.class,
    BenchCommand.EnergyRate.class, BenchCommand.SynthTime.class, BenchCommand.Isolation.class, BenchCommand.ErrorRate.class,
    BenchCommand.NetworkTime.class})
public final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say which benchmark: " + spec.subcommands().keySet());
  }

  /** {@code qrtl bench cosim}: co-simulation throughput. */
  @Command(name = "cosim", description = "Checked vectors per second, end to end and raw Verilator, for shift-round and tflite-double 32->8.")
  public static final class CosimRate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--vectors", defaultValue = "20000000", description = "Vectors per run (default: ${DEFAULT-VALUE}).")
    long vectors;

    @Option(names = "--rounds", defaultValue = "3", description = "Timed runs after one warm-up (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() {
      Checks.range("--vectors", vectors, 1, 1_000_000_000L);
      Checks.range("--rounds", rounds, 1, 100);
      dev.qrtl.bench.CosimBenchmark.run(vectors, rounds, spec.commandLine().getOut());
      return 0;
    }
  }

  /** {@code qrtl bench energy}: the energy estimator's time per operation. */
  @Command(name = "energy", description = "Energy-estimation time per operation (both timing models) for shift-round and tflite-double 32->8.")
  public static final class EnergyRate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--ops", defaultValue = "10000", description = "Operations per run (default: ${DEFAULT-VALUE}).")
    long ops;

    @Option(names = "--rounds", defaultValue = "3", description = "Timed runs after one warm-up (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() {
      Checks.range("--ops", ops, 100, 100_000_000L);
      Checks.range("--rounds", rounds, 1, 100);
      dev.qrtl.bench.EnergyBenchmark.run(ops, rounds, spec.commandLine().getOut());
      return 0;
    }
  }

  /** {@code qrtl bench synth}: Yosys's default ABC script on every comparison unit and default design. */
  @Command(name = "synth", description = "Yosys time per design (default ABC script) for every comparison unit at 32 -> 4/8/16 and every default design.")
  public static final class SynthTime implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--tech", defaultValue = "nangate45", description = "Library (default: ${DEFAULT-VALUE}).")
    String tech;

    @Option(names = "--limit", defaultValue = "600", description = "Seconds any one design may take (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
      Checks.range("--limit", limit, 1, 86_400);
      dev.qrtl.bench.SynthBenchmark.run(tech, java.time.Duration.ofSeconds(limit), spec.commandLine().getOut());
      return 0;
    }
  }

  /** {@code qrtl bench network}: a network bill from an empty cache, then again warm. */
  @Command(name = "network", description = "Wall time of qrtl network from an empty cache (every unit synthesized and simulated) and again warm.")
  public static final class NetworkTime implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--model", defaultValue = "resnet18", description = "Model (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--tech", defaultValue = "default", description = "Library (default: ${DEFAULT-VALUE}).")
    String tech;

    @Override
    public Integer call() throws java.io.IOException {
      var pw = spec.commandLine().getOut();
      java.nio.file.Path root = java.nio.file.Files.createTempDirectory("qrtl-bench-network");
      String before = System.getProperty("qrtl.cache");
      System.setProperty("qrtl.cache", root.resolve("cache").toString());
      try {
        String[] args = {"network", "--model", model, "--tech", tech, "--no-progress", "--out", root.resolve("out").toString()};
        pw.printf("qrtl network --model %s --tech %s (defaults: %s, --ops 4000, --error-samples 5000), cache %s%n", model, tech,
            NetworkCommand.DEFAULT_SCHEMES, root.resolve("cache"));
        for (String run : new String[] {"cold (empty cache)", "warm"}) {
          long t0 = System.nanoTime();
          java.io.StringWriter sink = new java.io.StringWriter();
          int code = Main.execute(new java.io.PrintWriter(sink), new java.io.PrintWriter(sink), args);
          if (code != 0) {
            throw new UserError("qrtl network failed: " + sink.toString().strip());
          }
          pw.printf("  %-20s %8.1f s%n", run, (System.nanoTime() - t0) / 1e9);
          pw.flush();
        }
      } finally {
        if (before == null) {
          System.clearProperty("qrtl.cache");
        } else {
          System.setProperty("qrtl.cache", before);
        }
        dev.qrtl.util.Trees.delete(root);
      }
      return 0;
    }
  }

  /** {@code qrtl bench isolation}: the energy operand isolation of the unified epilogue saves. */
  @Command(name = "isolation", description = "Energy per output of the default unified module with and without operand isolation of its epilogue.")
  public static final class Isolation implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--outputs", defaultValue = "1024", description = "Output values simulated (default: ${DEFAULT-VALUE}).")
    long outputs;

    @Option(names = "--tech", defaultValue = "default", description = "Library (default: ${DEFAULT-VALUE}).")
    String tech;

    @Override
    public Integer call() {
      Checks.range("--outputs", outputs, 64, 10_000_000L);
      dev.qrtl.bench.IsolationBenchmark.run(dev.qrtl.scheme.DefaultDesigns.defaultUnified(), tech, outputs, spec.commandLine().getOut());
      return 0;
    }
  }

  /** A benchmark timed in rounds of about one second each (best of {@code --rounds}). */
  abstract static class SecondRounds implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--rounds", defaultValue = "5", description = "Timed rounds of about 1 s (default: ${DEFAULT-VALUE}).")
    int rounds;

    abstract void bench(int rounds, java.io.PrintWriter out);

    @Override
    public Integer call() {
      Checks.range("--rounds", rounds, 1, 100);
      bench(rounds, spec.commandLine().getOut());
      return 0;
    }
  }

  /** {@code qrtl bench golden}: golden-model throughput. */
  @Command(name = "golden", description = "Golden-model requantizations per second on one core.")
  public static final class Golden extends SecondRounds {
    @Override
    void bench(int rounds, java.io.PrintWriter out) {
      dev.qrtl.bench.GoldenBenchmark.run(rounds, out);
    }
  }

  /** {@code qrtl bench error}: error-evaluation throughput. */
  @Command(name = "error", description = "Error evaluations (golden model, exact q*, error sums) per second on one core.")
  public static final class ErrorRate extends SecondRounds {
    @Override
    void bench(int rounds, java.io.PrintWriter out) {
      dev.qrtl.bench.ErrorBenchmark.run(rounds, out);
    }
  }

  /** {@code qrtl bench generate}: build and emit a design of N IR nodes. */
  @Command(name = "generate", description = "Build and emit a design of about N IR nodes; report nodes/s and peak heap.")
  public static final class Generate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--nodes", defaultValue = "100000", description = "IR nodes (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--repeat", defaultValue = "5", description = "Timed repetitions after one warm-up (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--unified", description = "Instead: the N x N int8 unified module (N = --size).")
    boolean unified;

    @Option(names = "--size", defaultValue = "64", description = "Array size for --unified (default: ${DEFAULT-VALUE}).")
    int size;

    @Override
    public Integer call() {
      Checks.range("--repeat", repeat, 1, 1000);
      Checks.notTogether(spec, "--nodes", "--unified", unified);
      Checks.notTogether(spec, "--size", "--nodes (without --unified)", !unified);
      if (unified) {
        Checks.range("--size", size, 1, dev.qrtl.spec.MacArraySpec.MAX_DIM);
      } else {
        Checks.range("--nodes", nodes, 1, 50_000_000);
      }
      if (unified) {
        GenerationBenchmark.runUnified(size, repeat, spec.commandLine().getOut());
      } else {
        GenerationBenchmark.run(nodes, repeat, spec.commandLine().getOut());
      }
      return 0;
    }
  }
}
