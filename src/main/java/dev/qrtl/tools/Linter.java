package dev.qrtl.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The three gates every emitted design must pass with no warning: {@code verilator --lint-only
 * -Wall}, {@code iverilog -g2005 -Wall} and Yosys {@code hierarchy -check; proc}.
 */
public final class Linter {
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private Linter() {}

  public static List<LintResult> lintAll(List<Path> files, String top) {
    return List.of(verilator(files, top), iverilog(files, top), yosys(files, top));
  }

  public static LintResult verilator(List<Path> files, String top) {
    List<String> cmd = new ArrayList<>(List.of(
        ToolPaths.require("verilator").toString(), "--lint-only", "-Wall", "--top-module", top));
    files.forEach(f -> cmd.add(f.toString()));
    ProcessResult r = ProcessRunner.run(cmd, null, TIMEOUT);
    String text = (r.stdout() + r.stderr()).strip();
    return new LintResult("verilator", r.ok() && !text.contains("%Warning") && !text.contains("%Error"), text);
  }

  public static LintResult iverilog(List<Path> files, String top) {
    Path out = null;
    try {
      out = dev.qrtl.util.Lifecycle.scratchFile("qrtl-lint", ".vvp");
      List<String> cmd = new ArrayList<>(List.of(
          ToolPaths.require("iverilog").toString(), "-g2005", "-Wall", "-o", out.toString(), "-s", top));
      files.forEach(f -> cmd.add(f.toString()));
      ProcessResult r = ProcessRunner.run(cmd, null, TIMEOUT);
      String text = (r.stdout() + r.stderr()).strip();
      return new LintResult("iverilog", r.ok() && text.isEmpty(), text);
    } catch (java.io.IOException e) {
      throw new ToolException("cannot create a temporary file for iverilog: " + e.getMessage());
    } finally {
      if (out != null) {
        out.toFile().delete();
      }
    }
  }

  public static LintResult yosys(List<Path> files, String top) {
    List<String> cmd = new ArrayList<>(List.of(
        ToolPaths.require("yosys").toString(), "-q", "-p", "hierarchy -check -top " + top + "; proc"));
    files.forEach(f -> cmd.add(f.toString()));
    ProcessResult r = ProcessRunner.run(cmd, null, TIMEOUT);
    String text = (r.stdout() + r.stderr()).strip();
    boolean warned = text.lines().anyMatch(l -> l.contains("Warning") || l.contains("ERROR"));
    return new LintResult("yosys", r.ok() && !warned, text);
  }
}
