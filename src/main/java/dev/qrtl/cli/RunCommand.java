package dev.qrtl.cli;

import dev.qrtl.gen.DefaultDesigns;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code qrtl run}: the main job. Today: generate every default design into {@code rtl-out/} and
 * lint it with all three tools.
 */
@Command(name = "run", description = "The main job: generate the default designs and lint them.")
public final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", defaultValue = "rtl-out", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() {
    PrintWriter pw = spec.commandLine().getOut();
    long start = System.nanoTime();
    pw.println("== generate");
    List<Path> manifests = GenerateCommand.writeAll(DefaultDesigns.all(), out, pw);
    pw.println("== lint (verilator -Wall, iverilog -g2005 -Wall, yosys hierarchy -check; proc)");
    int failures = 0;
    for (Path m : manifests) {
      failures += LintCommand.lintOne(m, pw) ? 0 : 1;
    }
    pw.printf("main job: %d designs generated into %s, %d lint-clean, %.1f s%n",
        manifests.size(), out, manifests.size() - failures, (System.nanoTime() - start) / 1e9);
    return failures == 0 ? 0 : 1;
  }
}
