package dev.qrtl.cli;

import dev.qrtl.cluster.SlurmJob;
import dev.qrtl.compare.CompareConfig;
import dev.qrtl.compare.Shards;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.util.AtomicFiles;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * Sweeps beyond one machine ({@code docs/cluster.md}): {@code --shard i/n} prices one shard into a
 * partial result; {@code --slurm} writes and submits a Slurm job array of every shard and a merge
 * job after it ({@code --dry-run}: write only; {@code --resume}: only the shards without a
 * complete result).
 */
public final class ShardOptions {
  @Option(names = "--shard", paramLabel = "i/n", description = "Price only shard i of n (a deterministic, cost-balanced part of the"
      + " sweep) and write its partial result into --shard-dir; `qrtl merge` assembles the shards.")
  String shard;

  @Option(names = "--shard-dir", paramLabel = "DIR", description = "Where --shard writes its partial result (default: <out>/shards).")
  Path shardDir;

  @Option(names = "--slurm", description = "Submit the sweep to Slurm: a job array of --shards shards and a merge job after them.")
  boolean slurm;

  @Option(names = "--shards", defaultValue = "4", description = "Shards of a --slurm sweep (default: ${DEFAULT-VALUE}).")
  int shards;

  @Option(names = "--partition", description = "--slurm: the Slurm partition.")
  String partition;

  @Option(names = "--time", description = "--slurm: each task's time limit (Slurm's forms: MM, HH:MM:SS, D-HH).")
  String time;

  @Option(names = "--sbatch-arg", paramLabel = "--OPTION[=VALUE]", description = "--slurm: one more sbatch option; repeatable.")
  List<String> sbatchArgs = new ArrayList<>();

  @Option(names = "--dry-run", description = "--slurm: write the job scripts and print the sbatch commands, submit nothing.")
  boolean dryRun;

  @Option(names = "--resume", description = "--slurm: submit only the shards without a complete partial result, and the merge.")
  boolean resume;

  /** The options a task's own command line leaves out (they say how to distribute, not what to compute). */
  private static final Set<String> CLUSTER_OPTIONS = Set.of("--shard", "--shard-dir", "--slurm", "--shards", "--partition", "--time",
      "--sbatch-arg", "--dry-run", "--resume", "--out", "--no-progress", "--progress");

  /**
   * Every sharding and Slurm option used or refused, and the folders shards and job files go to,
   * before the first unit is priced or the first file written.
   */
  void check(Path out) {
    if (shard != null && slurm) {
      throw new UserError("--shard and --slurm do not go together: --slurm submits every shard itself");
    }
    if (!slurm && (dryRun || resume || partition != null || time != null || !sbatchArgs.isEmpty())) {
      throw new UserError("--dry-run, --resume, --partition, --time and --sbatch-arg are --slurm options");
    }
    if (shardDir != null && shard == null) {
      throw new UserError("--shard-dir is where --shard writes its partial result; give --shard i/n" + (slurm
          ? " (--slurm keeps its shards in its job folder)" : ""));
    }
    if (!slurm && spec != null && Checks.given(spec, "--shards")) {
      throw new UserError("--shards is a --slurm option (--shard i/n prices one shard)");
    }
    if (shard != null) {
      Shards.Spec.parse(shard);
      checkShardFolder(shardDir != null ? shardDir : out.resolve("shards"), shardDir != null ? "--shard-dir" : "--out");
    }
    if (slurm) {
      Checks.range("--shards", shards, 1, 10_000);
      SlurmJob.checkOptions(partition, time, sbatchArgs);
      if (!dryRun) {
        dev.qrtl.tools.ToolPaths.require("sbatch");
      }
    }
  }

  /** Where a shard's partial result goes must be a folder or creatable as one. */
  static void checkShardFolder(Path dir, String option) {
    CompareCommand.checkFolder(dir, option);
  }

  @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE) CommandSpec spec;

  int run(CompareConfig c, Path out, CommandSpec spec) {
    PrintWriter pw = spec.commandLine().getOut();
    if (shard != null) {
      Shards.Spec s = Shards.Spec.parse(shard);
      Path dir = shardDir != null ? shardDir : out.resolve("shards");
      long start = System.nanoTime();
      Path f = Shards.runShard(c, s, dir);
      pw.printf("shard %d/%d of sweep %s: wrote %s in %.1f s%n", s.index(), s.count(), Shards.definition(c).hash().substring(0, 12), f,
          (System.nanoTime() - start) / 1e9);
      pw.flush();
      return 0;
    }
    Checks.range("--shards", shards, 1, 10_000);
    Shards.Definition d = Shards.definition(c);
    Path job = out.toAbsolutePath().normalize().resolve("slurm-" + d.hash().substring(0, 12));
    Path dir = job.resolve("shards");
    List<Integer> tasks = new ArrayList<>();
    for (int i = 1; i <= shards; i++) {
      if (!resume || !complete(Shards.file(dir, new Shards.Spec(i, shards)))) {
        tasks.add(i);
      }
    }
    if (tasks.isEmpty()) {
      pw.printf("every shard of sweep %s is complete in %s; merge with: qrtl merge %s --out %s%n", d.hash().substring(0, 12), dir, dir, out);
      pw.flush();
      return 0;
    }
    boolean fresh = !Files.exists(job);
    try {
      Files.createDirectories(dir);
      AtomicFiles.writeString(job.resolve("sweep.json"), ManifestIo.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(d) + "\n");
    } catch (IOException e) {
      if (fresh) {
        dev.qrtl.util.Trees.delete(job);
      }
      throw new UserError("cannot write the job folder " + job + ": " + e.getMessage());
    }
    List<String> launcher = launcher();
    List<String> command = new ArrayList<>(launcher);
    command.add("compare");
    command.addAll(computeOptions(spec));
    // a task's log gets a bounded number of progress lines, never a redrawn bar
    command.addAll(List.of("--progress", "lines", "--out", out.toAbsolutePath().normalize().toString(), "--shard-dir", dir.toString()));
    List<String> merge = new ArrayList<>(launcher);
    merge.addAll(List.of("merge", dir.toString(), "--out", out.toAbsolutePath().normalize().toString()));
    SlurmJob.Plan plan = new SlurmJob.Plan(job, shards, command, merge, tasks, partition, time, sbatchArgs, "qrtl-" + d.hash().substring(0, 8));
    if (dryRun) {
      List<Path> scripts = SlurmJob.write(plan);
      pw.printf("wrote %s and %s (%d of %d shards); submit with:%n  sbatch --parsable %s%n  sbatch --parsable --dependency=afterok:<array"
          + " job id> %s%n", scripts.get(0), scripts.get(1), tasks.size(), shards, scripts.get(0), scripts.get(1));
    } else {
      SlurmJob.Submitted sub;
      try {
        sub = SlurmJob.submit(plan);
      } catch (RuntimeException e) {
        if (fresh) {
          dev.qrtl.util.Trees.delete(job); // nothing was submitted that could use it: leave no half-made job folder
        }
        throw e;
      }
      pw.printf("submitted array job %s (%d of %d shards) and merge job %s; logs in %s; results will appear in %s;"
          + " qrtl status %s%n", sub.arrayJob(), tasks.size(), shards, sub.mergeJob(), job.resolve("logs"), out.toAbsolutePath().normalize(),
          job);
    }
    pw.flush();
    return 0;
  }

  private static boolean complete(Path f) {
    if (!Files.isRegularFile(f)) {
      return false;
    }
    try {
      Shards.read(f);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** This JVM and its class path, absolute, so that a task runs the very qrtl that planned it. */
  static List<String> launcher() {
    String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> cp = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!e.isEmpty()) {
        cp.add(Path.of(e).toAbsolutePath().normalize().toString());
      }
    }
    return List.of(java, "-cp", String.join(File.pathSeparator, cp), "dev.qrtl.cli.Main");
  }

  /** The options given on this command line that decide what is computed, as given. */
  private static List<String> computeOptions(CommandSpec spec) {
    List<String> out = new ArrayList<>();
    for (OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
      if (CLUSTER_OPTIONS.contains(o.longestName())) {
        continue;
      }
      if (o.arity().max() == 0) {
        out.add(o.longestName());
      } else {
        for (String v : o.originalStringValues()) {
          out.add(o.longestName());
          out.add(v);
        }
      }
    }
    return out;
  }
}
