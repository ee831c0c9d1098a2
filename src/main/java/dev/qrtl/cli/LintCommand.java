package dev.qrtl.cli;

import dev.qrtl.manifest.Manifest;
import dev.qrtl.kind.Designs;
import dev.qrtl.tools.LintResult;
import dev.qrtl.tools.Linter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qrtl lint}: runs Verilator -Wall, Icarus and Yosys on manifests' Verilog. */
@Command(name = "lint", description = "Lint designs with verilator -Wall, iverilog -g2005 and yosys; any warning fails.")
public final class LintCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "MANIFEST|DIR", description = "Manifest files, or folders whose *.json manifests to lint.")
  List<Path> targets;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<Path> manifests = expand(targets);
    int failures = 0;
    for (Path mp : manifests) {
      failures += lintOne(mp, out) ? 0 : 1;
    }
    out.printf("%d design(s) linted, %d with warnings%n", manifests.size(), failures);
    return failures == 0 ? 0 : 1;
  }

  /** Lints one design and prints a line; true when all three tools are clean. */
  static boolean lintOne(Path manifestPath, PrintWriter out) {
    Manifest m = Designs.read(manifestPath);
    Path dir = manifestPath.toAbsolutePath().getParent();
    List<Path> files = m.resolveFiles(dir);
    List<LintResult> results = Linter.lintAll(files, m.top());
    boolean clean = results.stream().allMatch(LintResult::clean);
    StringBuilder line = new StringBuilder(String.format("%-44s", m.top()));
    for (LintResult r : results) {
      line.append(String.format(" %s:%s", r.tool(), r.clean() ? "clean" : "WARN"));
    }
    out.println(line);
    for (LintResult r : results) {
      if (!r.clean()) {
        r.messages().lines().limit(20).forEach(l -> out.println("    " + l));
      }
    }
    return clean;
  }

  static List<Path> expand(List<Path> targets) {
    List<Path> manifests = new ArrayList<>();
    for (Path t : targets) {
      if (Files.isDirectory(t)) {
        try (Stream<Path> s = Files.list(t)) {
          s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(manifests::add);
        } catch (IOException e) {
          throw new UserError("cannot list " + t + ": " + e.getMessage());
        }
      } else if (Files.isRegularFile(t)) {
        manifests.add(t);
      } else {
        throw new UserError("no such manifest or folder: " + t);
      }
    }
    if (manifests.isEmpty()) {
      throw new UserError("no manifests (*.json) found in " + targets);
    }
    return manifests;
  }
}
