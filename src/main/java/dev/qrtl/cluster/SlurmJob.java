package dev.qrtl.cluster;

import dev.qrtl.tools.ProcessResult;
import dev.qrtl.tools.ProcessRunner;
import dev.qrtl.tools.ToolPaths;
import dev.qrtl.util.AtomicFiles;
import dev.qrtl.util.QrtlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A sharded sweep as a Slurm job array: one array task per shard (each one plain qrtl command that
 * any scheduler could run), and a merge job that waits for all of them ({@code
 * --dependency=afterok}). The scripts quote every argument for the shell (single quotes, nothing
 * interpolated) and accept Slurm options only in a validated form, so nothing from the command
 * line reaches the shell unchecked. Submission is {@code sbatch --parsable}, as argument lists.
 */
public final class SlurmJob {
  private static final Pattern PARTITION = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final Pattern TIME = Pattern.compile("[0-9]{1,6}(:[0-9]{1,2}){0,2}|[0-9]{1,3}-[0-9]{1,2}(:[0-9]{1,2}){0,2}");
  private static final Pattern SBATCH_ARG = Pattern.compile("--[a-z][a-z-]{0,40}(=[A-Za-z0-9_.,:@%+/-]{1,200})?");
  private static final Duration SUBMIT_TIMEOUT = Duration.ofSeconds(60);

  /**
   * What to submit.
   *
   * @param dir the sweep's job folder: scripts, logs, the shards' partial results
   * @param command the qrtl command line every task runs, without {@code --shard}
   * @param mergeCommand the command line of the merge
   * @param tasks the 1-based shards to run (all of them, or the missing ones on resume)
   */
  public record Plan(Path dir, int shards, List<String> command, List<String> mergeCommand, List<Integer> tasks, String partition,
      String time, List<String> sbatchArgs, String name) {
    public Plan {
      command = List.copyOf(command);
      mergeCommand = List.copyOf(mergeCommand);
      tasks = List.copyOf(tasks);
      sbatchArgs = List.copyOf(sbatchArgs);
      checkOptions(partition, time, sbatchArgs);
      if (tasks.isEmpty()) {
        throw new IllegalArgumentException("no shard left to run");
      }
    }
  }

  /** The Slurm options as the user gave them: each in its validated form, or one line naming it. */
  public static void checkOptions(String partition, String time, List<String> sbatchArgs) {
    if (partition != null && !PARTITION.matcher(partition).matches()) {
      throw new IllegalArgumentException("--partition " + printable(partition) + " is not a partition name (letters, digits, _ . -)");
    }
    if (time != null && !TIME.matcher(time).matches()) {
      throw new IllegalArgumentException("--time " + printable(time) + " is not a Slurm time (minutes, MM:SS, HH:MM:SS or D-HH[:MM[:SS]])");
    }
    for (String a : sbatchArgs) {
      if (!SBATCH_ARG.matcher(a).matches()) {
        throw new IllegalArgumentException("--sbatch-arg " + printable(a) + " is not of the form --option or --option=value (value: letters,"
            + " digits and _ . , : @ % + / -)");
      }
    }
  }

  private static String printable(String s) {
    return dev.qrtl.util.Printable.of(s);
  }

  /** The job ids {@code sbatch} returned. */
  public record Submitted(String arrayJob, String mergeJob, Path arrayScript, Path mergeScript) {}

  private SlurmJob() {}

  /** Single-quoted for bash: every character literal. */
  static String quote(String s) {
    if (s.indexOf('\0') >= 0 || s.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("an argument with a NUL or newline cannot go into a job script");
    }
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static String header(Plan p, String name, String output) {
    StringBuilder s = new StringBuilder("#!/bin/bash\n");
    s.append("#SBATCH --job-name=").append(name).append('\n');
    s.append("#SBATCH --output=").append(output).append('\n');
    if (p.partition() != null) {
      s.append("#SBATCH --partition=").append(p.partition()).append('\n');
    }
    if (p.time() != null) {
      s.append("#SBATCH --time=").append(p.time()).append('\n');
    }
    for (String a : p.sbatchArgs()) {
      s.append("#SBATCH ").append(a).append('\n');
    }
    return s.toString();
  }

  /** Writes the two scripts; returns their paths (array first). */
  public static List<Path> write(Plan p) {
    Path logs = p.dir().resolve("logs");
    try {
      Files.createDirectories(logs);
    } catch (IOException e) {
      throw new QrtlException("cannot create " + logs + ": " + e.getMessage());
    }
    if (logs.toString().contains("%") || logs.toString().chars().anyMatch(c -> c < 0x20)) {
      throw new QrtlException("the job folder " + p.dir() + " has a character Slurm's --output would interpret");
    }
    String array = header(p, p.name(), logs.resolve("shard-%a.log").toString()) + "#SBATCH --array="
        + p.tasks().stream().map(String::valueOf).collect(Collectors.joining(",")) + "\n"
        + "# one shard of the sweep per array task: task i runs shard i of " + p.shards() + "\n"
        + "set -euo pipefail\n"
        + "exec " + p.command().stream().map(SlurmJob::quote).collect(Collectors.joining(" ")) + " --shard \"${SLURM_ARRAY_TASK_ID}/"
        + p.shards() + "\"\n";
    String merge = header(p, p.name() + "-merge", logs.resolve("merge.log").toString())
        + "# merges the shards once every array task has succeeded\n"
        + "set -euo pipefail\n"
        + "exec " + p.mergeCommand().stream().map(SlurmJob::quote).collect(Collectors.joining(" ")) + "\n";
    Path a = p.dir().resolve("shards.sbatch");
    Path m = p.dir().resolve("merge.sbatch");
    AtomicFiles.writeString(a, array);
    AtomicFiles.writeString(m, merge);
    return List.of(a, m);
  }

  /** Writes and submits: the array, then the merge depending on it. */
  public static Submitted submit(Plan p) {
    List<Path> scripts = write(p);
    Path sbatch = ToolPaths.require("sbatch");
    String array = jobId(run(List.of(sbatch.toString(), "--parsable", scripts.get(0).toString()), p.dir()));
    String merge = jobId(run(List.of(sbatch.toString(), "--parsable", "--dependency=afterok:" + array, scripts.get(1).toString()),
        p.dir()));
    return new Submitted(array, merge, scripts.get(0), scripts.get(1));
  }

  private static ProcessResult run(List<String> cmd, Path dir) {
    ProcessResult r = ProcessRunner.run(new ArrayList<>(cmd), dir, SUBMIT_TIMEOUT);
    if (!r.ok()) {
      throw new QrtlException("sbatch failed (exit " + r.exitCode() + "): " + r.tail(3).replace('\n', ' '));
    }
    return r;
  }

  /** {@code sbatch --parsable} prints {@code id} or {@code id;cluster}. */
  static String jobId(ProcessResult r) {
    String out = r.stdout().strip();
    String id = out.contains(";") ? out.substring(0, out.indexOf(';')) : out;
    if (!id.matches("[0-9]{1,12}")) {
      throw new QrtlException("sbatch printed no job id: '" + out.replace('\n', ' ') + "'");
    }
    return id;
  }
}
