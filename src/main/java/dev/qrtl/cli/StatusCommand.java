package dev.qrtl.cli;

import dev.qrtl.compare.Shards;
import dev.qrtl.manifest.ManifestIo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qrtl status DIR}: which shards of a sharded sweep are done. */
@Command(name = "status", description = "Which shards of a --slurm sweep (its job folder, with sweep.json and shards/) are complete;"
    + " exit 0 when all are, 1 otherwise.")
public final class StatusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "The job folder compare --slurm printed (slurm-<hash>/).")
  Path dir;

  @Override
  public Integer call() {
    Path sweep = dir.resolve("sweep.json");
    Shards.Definition d;
    try {
      d = ManifestIo.mapper().readValue(Files.readString(sweep), Shards.Definition.class);
    } catch (IOException | RuntimeException e) {
      throw new UserError(dir + " is not a sweep's job folder: cannot read " + sweep + " (" + String.valueOf(e.getMessage()).split("\n")[0]
          + ")");
    }
    List<Path> files;
    try (var s = Files.list(dir.resolve("shards"))) {
      files = s.filter(f -> f.getFileName().toString().matches("shard-[0-9]+-of-[0-9]+\\.json")).sorted().toList();
    } catch (IOException e) {
      files = List.of();
    }
    int shards = files.stream().map(f -> f.getFileName().toString().replaceAll("shard-[0-9]+-of-([0-9]+)\\.json", "$1"))
        .mapToInt(Integer::parseInt).max().orElse(0);
    var pw = spec.commandLine().getOut();
    pw.printf("sweep %s: %d points%n", d.hash().substring(0, 12), d.points().size());
    if (shards == 0) {
      pw.println("no shard has finished yet");
      pw.flush();
      return 1;
    }
    int done = 0;
    for (int i = 1; i <= shards; i++) {
      Path f = Shards.file(dir.resolve("shards"), new Shards.Spec(i, shards));
      String state;
      if (!Files.isRegularFile(f)) {
        state = "missing";
      } else {
        try {
          var p = Shards.read(f);
          state = p.definitionHash().equals(d.hash()) ? "done (" + p.results().size() + " points)" : "of another sweep";
          done += p.definitionHash().equals(d.hash()) ? 1 : 0;
        } catch (RuntimeException e) {
          state = "corrupted: " + e.getMessage();
        }
      }
      pw.printf("  shard %d/%d: %s%n", i, shards, state);
    }
    pw.printf("%d of %d shards done%n", done, shards);
    pw.flush();
    return done == shards ? 0 : 1;
  }
}
