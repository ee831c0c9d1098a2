package dev.qrtl.sim;

import dev.qrtl.manifest.Manifest;
import dev.qrtl.tools.ProcessResult;
import dev.qrtl.tools.ProcessRunner;
import dev.qrtl.tools.ToolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link TextHarness} for a manifest and runs it on a batch of input lines. Slow but
 * general (any widths, any number of ports): the tool of differential tests, not of throughput.
 */
public final class TextSimulator {
  private final Manifest manifest;
  private final VerilatorBuild.Built built;

  private TextSimulator(Manifest manifest, VerilatorBuild.Built built) {
    this.manifest = manifest;
    this.built = built;
  }

  /** Builds (or takes from the cache) the harness for the manifest's Verilog in {@code dir}. */
  public static TextSimulator build(Manifest manifest, Path dir) {
    List<Path> files = manifest.resolveFiles(dir);
    return new TextSimulator(manifest, VerilatorBuild.build(manifest.top(), files, TextHarness.cpp(manifest), List.of()));
  }

  public boolean wasCached() {
    return built.cached();
  }

  /** Runs one batch: one output line per input line. */
  public List<String> run(List<String> inputLines, Duration timeout) {
    Path in = null;
    try {
      in = dev.qrtl.util.Lifecycle.scratchFile("qrtl-stim", ".txt");
      Files.write(in, inputLines, StandardCharsets.UTF_8);
      ProcessResult r = ProcessRunner.run(List.of(built.binary().toString()), null, timeout, in, Map.of());
      if (!r.ok()) {
        throw new ToolException("simulation of '" + manifest.top() + "' failed (exit " + r.exitCode() + "): " + r.tail(10));
      }
      List<String> out = r.stdout().lines().toList();
      if (out.size() != inputLines.size()) {
        throw new ToolException("simulation of '" + manifest.top() + "' printed " + out.size()
            + " lines for " + inputLines.size() + " input lines: " + r.tail(5));
      }
      return out;
    } catch (IOException e) {
      throw new ToolException("cannot write simulation input: " + e.getMessage());
    } finally {
      if (in != null) {
        in.toFile().delete();
      }
    }
  }
}
