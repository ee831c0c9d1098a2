package dev.qrtl.cli;

import dev.qrtl.report.Reports;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qrtl report DIR [--baseline DIR]}: the self-contained HTML page of a results folder, or
 * of every results folder under DIR with an index linking them.
 */
@Command(name = "report", description = "Write the self-contained HTML report (index.html) of a results folder, or of every one under a folder.")
public final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "A results folder (comparison, network bill, accuracy), or a folder of them.")
  Path dir;

  @Option(names = "--baseline", paramLabel = "DIR", description = "An earlier run's folder of the same kind: every figure's change against it.")
  Path baseline;

  @Option(names = "--threshold", paramLabel = "PERCENT", defaultValue = "1",
      description = "Changes against the baseline beyond this are highlighted (default: ${DEFAULT-VALUE} %%).")
  double threshold;

  /** After a command wrote results into {@code dir} under {@code out}: the folder's report and {@code out}'s index. */
  static Path writeAfter(Path dir, Path out) {
    Path page = Reports.write(dir, null, Reports.DEFAULT_THRESHOLD_PERCENT);
    Reports.writeIndex(out);
    return page;
  }

  @Override
  public Integer call() {
    PrintWriter pw = spec.commandLine().getOut();
    if (!Files.isDirectory(dir)) {
      throw new UserError("no such folder: " + dir);
    }
    if (!(threshold >= 0 && threshold <= 1000)) {
      throw new UserError("--threshold must be between 0 and 1000 %, not " + threshold);
    }
    if (baseline != null && !Files.isDirectory(baseline)) {
      throw new UserError("no such baseline folder: " + baseline);
    }
    if (Reports.isResults(dir)) {
      pw.println("wrote " + Reports.write(dir, baseline, threshold));
      Path parent = dir.toAbsolutePath().normalize().getParent();
      if (parent != null) {
        Reports.writeIndex(parent).ifPresent(p -> pw.println("wrote " + p));
      }
      return 0;
    }
    if (baseline != null) {
      throw new UserError("--baseline compares one results folder with another; " + dir + " is a folder of them");
    }
    List<Path> written = Reports.writeAll(dir);
    if (written.isEmpty()) {
      throw new UserError(dir + " holds no qrtl results (comparison.json, pareto.json, network.json or error*.json), nor folders of them");
    }
    written.forEach(p -> pw.println("wrote " + p));
    return 0;
  }
}
