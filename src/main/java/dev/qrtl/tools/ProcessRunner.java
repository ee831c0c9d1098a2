package dev.qrtl.tools;

import dev.qrtl.util.Lifecycle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one external command with a timeout. Output goes to temporary files rather than pipes,
 * so a chatty tool can never block on a full pipe. Every process is tracked by {@link Lifecycle}:
 * on a timeout, an interrupt, qrtl's exit or a signal it is killed with all its descendants.
 */
public final class ProcessRunner {
  private ProcessRunner() {}

  /** Runs {@code command} in {@code workDir}; throws {@link ToolException} only if it cannot run or times out. */
  public static ProcessResult run(List<String> command, Path workDir, Duration timeout) {
    return run(command, workDir, timeout, null, Map.of());
  }

  public static ProcessResult run(
      List<String> command, Path workDir, Duration timeout, Path stdinFile, Map<String, String> env) {
    Path out = null;
    Path err = null;
    Path tmp = null;
    long start = System.nanoTime();
    try {
      out = Lifecycle.scratchFile("qrtl-out", ".txt");
      err = Lifecycle.scratchFile("qrtl-err", ".txt");
      // The child's own temporary files (ABC's yosys-abc-* folders, compilers' scratch) go into a
      // folder of qrtl's scratch, deleted with it: after a kill, nothing of the child's stays behind.
      tmp = Lifecycle.scratchDirectory(null, "qrtl-tmp");
      ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      if (workDir != null) {
        pb.directory(workDir.toFile());
      }
      for (String v : List.of("TMPDIR", "TMP", "TEMP")) {
        pb.environment().put(v, tmp.toString());
      }
      pb.environment().putAll(env);
      if (stdinFile != null) {
        pb.redirectInput(stdinFile.toFile());
      } else {
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      }
      Process p;
      try {
        p = Lifecycle.track(pb.start());
      } catch (IOException e) {
        throw new ToolException("cannot run " + command.get(0) + ": " + e.getMessage()
            + " (is it installed? try 'qrtl doctor')");
      }
      try {
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          Lifecycle.destroy(p);
          throw new ToolException(command.get(0) + " timed out after " + timeout.toSeconds() + " s: "
              + String.join(" ", abbreviate(command)));
        }
      } catch (InterruptedException e) {
        Lifecycle.destroy(p);
        throw e;
      } finally {
        Lifecycle.untrack(p);
      }
      if (Lifecycle.shuttingDown()) {
        throw new ToolException(command.get(0) + " was stopped: qrtl is shutting down");
      }
      return new ProcessResult(
          List.copyOf(command),
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8),
          Duration.ofNanos(System.nanoTime() - start));
    } catch (IOException e) {
      throw new ToolException("cannot run " + command.get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ToolException(command.get(0) + " was interrupted");
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
      if (tmp != null) {
        dev.qrtl.util.Trees.delete(tmp);
        Lifecycle.keep(tmp);
      }
    }
  }

  /** Runs and throws a {@link ToolException} with the stderr tail unless the exit code is 0. */
  public static ProcessResult runChecked(List<String> command, Path workDir, Duration timeout) {
    ProcessResult r = run(command, workDir, timeout);
    if (!r.ok()) {
      throw new ToolException(command.get(0) + " failed (exit " + r.exitCode() + "): "
          + String.join(" ", abbreviate(command)) + "\n" + r.tail(20));
    }
    return r;
  }

  static List<String> abbreviate(List<String> command) {
    return command.size() <= 12 ? command : java.util.stream.Stream.concat(
        command.subList(0, 10).stream(), java.util.stream.Stream.of("... (" + (command.size() - 10) + " more)")).toList();
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // temporary file; the exit hook tries again
      }
      Lifecycle.keep(p);
    }
  }
}
