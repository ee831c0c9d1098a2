package dev.qrtl.cli;

import dev.qrtl.results.CompareResult;
import dev.qrtl.compare.ResultFolder;
import dev.qrtl.compare.ResultWriter;
import dev.qrtl.compare.Shards;
import dev.qrtl.util.OutputLock;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qrtl merge DIR|FILE... --out DIR}: one sweep's shards into the tables a single run writes. */
@Command(name = "merge", description = "Merge the partial results of a sharded comparison (compare --shard i/n) into its tables and plots,"
    + " byte-identical to a single run; refuses shards of different sweeps, a point twice, a missing or corrupted shard.")
public final class MergeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "DIR|FILE", description = "Partial results (shard-<i>-of-<n>.json) or folders of them.")
  List<Path> inputs;

  @Option(names = "--out", defaultValue = "docs/results", description = "Results folder; files go to <out>/<library>/ (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() {
    CompareCommand.checkOutputFolder(out);
    Shards.Merged merged = Shards.mergeWithClock(Shards.expand(inputs)); // every shard checked before anything is written
    CompareResult r = merged.result();
    try (OutputLock lock = OutputLock.acquire(out)) {
      Path dir = ResultFolder.write(r, merged.clockNs(), out);
      ReportCommand.writeAfter(dir, out);
      var pw = spec.commandLine().getOut();
      pw.printf("merged %d units and %d network-level designs on %s (%s)%n", r.rows().size(), r.network().size(), r.library(), r.yosys());
      pw.print(ResultWriter.headline(r));
      pw.printf("wrote %s%n", dir);
      pw.flush();
    }
    return 0;
  }
}
