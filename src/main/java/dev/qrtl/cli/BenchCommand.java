package dev.qrtl.cli;

import dev.qrtl.bench.GenerationBenchmark;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qrtl bench ...}: the performance benchmarks recorded in docs/benchmarks.md. */
@Command(name = "bench", description = "Run a benchmark.", subcommands = {BenchCommand.Generate.class, BenchCommand.Golden.class, BenchCommand.CosimRate.class,
    BenchCommand.EnergyRate.class, BenchCommand.SynthTime.class, BenchCommand.Isolation.class, BenchCommand.ErrorRate.class,
    BenchCommand.NetworkTime.class, BenchCommand.ShardScaling.class})
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

  /** {@code qrtl bench shards}: one sweep as one process, then as concurrent shards, each from an empty cache. */
  @Command(name = "shards", description = "Wall time of a 60-point comparison (5 forms x 6 accumulator widths x 2 output widths) as one"
      + " process and as N concurrent shards merged, each from an empty cache; per-point time and a projection for larger studies.")
  public static final class ShardScaling implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--tech", defaultValue = "default", description = "Library (default: ${DEFAULT-VALUE}).")
    String tech;

    @Option(names = "--shards", defaultValue = "2", description = "Concurrent shards of the second run (default: ${DEFAULT-VALUE}).")
    int shards;

    static final List<String> SWEEP = List.of("compare", "--schemes", "shift-round,floor,shift-round-const,dyadic:m=4,dyadic:m=8",
        "--acc-bits", "12,16,20,24,28,32", "--out-bits", "4,8", "--no-network", "--no-progress");

    private static Process start(List<String> args, java.nio.file.Path cache, java.nio.file.Path log) throws java.io.IOException {
      List<String> cmd = new java.util.ArrayList<>(ShardOptions.launcher());
      cmd.addAll(args);
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
      pb.environment().put("QRTL_CACHE", cache.toString());
      return dev.qrtl.util.Lifecycle.track(pb.start());
    }

    private static void await(Process p, java.nio.file.Path log) throws Exception {
      int code = p.waitFor();
      dev.qrtl.util.Lifecycle.untrack(p);
      if (code != 0) {
        throw new UserError("a benchmark run failed (exit " + code + "): " + java.nio.file.Files.readString(log).strip());
      }
    }

    @Override
    public Integer call() throws Exception {
      Checks.range("--shards", shards, 2, 64);
      var pw = spec.commandLine().getOut();
      java.nio.file.Path root = java.nio.file.Files.createTempDirectory("qrtl-bench-shards");
      try {
        List<String> base = new java.util.ArrayList<>(SWEEP);
        base.addAll(List.of("--tech", tech));
        int cores = Runtime.getRuntime().availableProcessors();
        pw.printf("60-point sweep (%s), %d cores, each run from an empty cache%n", String.join(" ", base), cores);
        long t0 = System.nanoTime();
        List<String> one = new java.util.ArrayList<>(base);
        one.addAll(List.of("--out", root.resolve("one").toString()));
        await(start(one, root.resolve("cache-one"), root.resolve("one.log")), root.resolve("one.log"));
        double single = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        List<Process> procs = new java.util.ArrayList<>();
        for (int i = 1; i <= shards; i++) {
          List<String> a = new java.util.ArrayList<>(base);
          a.addAll(List.of("--out", root.resolve("many").toString(), "--shard", i + "/" + shards));
          procs.add(start(a, root.resolve("cache-many"), root.resolve("shard-" + i + ".log")));
        }
        for (int i = 0; i < procs.size(); i++) {
          await(procs.get(i), root.resolve("shard-" + (i + 1) + ".log"));
        }
        double sharded = (System.nanoTime() - t1) / 1e9;
        long t2 = System.nanoTime();
        await(start(List.of("merge", root.resolve("many/shards").toString(), "--out", root.resolve("many").toString()),
            root.resolve("cache-many"), root.resolve("merge.log")), root.resolve("merge.log"));
        double merge = (System.nanoTime() - t2) / 1e9;
        boolean same = java.util.Arrays.equals(java.nio.file.Files.readAllBytes(root.resolve("one").resolve(lib(root.resolve("one")))
            .resolve("comparison.json")), java.nio.file.Files.readAllBytes(root.resolve("many").resolve(lib(root.resolve("one")))
            .resolve("comparison.json")));
        double perPoint = single * cores / 60;
        pw.printf("  one process:           %7.1f s%n", single);
        pw.printf("  %d concurrent shards:   %7.1f s, merge %.1f s (results %s)%n", shards, sharded, merge, same ? "identical" : "DIFFER");
        pw.printf("  per point: %.2f core-seconds (one process's wall time x %d cores / 60)%n", perPoint, cores);
        for (int nodes : new int[] {1, 10, 100}) {
          double seconds = 10_000 * perPoint / (nodes * cores);
          pw.printf("  projection, 10,000 such points on %3d nodes of %d cores: %s (+ merge)%n", nodes, cores,
              seconds >= 3600 ? String.format(java.util.Locale.ROOT, "%.1f h", seconds / 3600)
                  : String.format(java.util.Locale.ROOT, "%.1f min", seconds / 60));
        }
        pw.flush();
        return same ? 0 : 1;
      } finally {
        dev.qrtl.util.Trees.delete(root);
      }
    }

    private static String lib(java.nio.file.Path out) throws java.io.IOException {
      try (var s = java.nio.file.Files.list(out)) {
        return s.filter(java.nio.file.Files::isDirectory).map(x -> x.getFileName().toString()).filter(n -> !n.equals("shards")).findFirst()
            .orElseThrow();
      }
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
      dev.qrtl.bench.IsolationBenchmark.run(dev.qrtl.kind.DefaultDesigns.defaultUnified(), tech, outputs, spec.commandLine().getOut());
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
