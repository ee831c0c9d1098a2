package dev.qrtl.cli;

import dev.qrtl.cosim.VectorFile;
import dev.qrtl.kind.Designs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qrtl vectors --manifest X.json --out V.json}: golden-model vectors for other test benches. */
@Command(name = "vectors", description = "Write golden-model test vectors (inputs and expected outputs per cycle) as JSON, for cocotb or other benches.")
public final class VectorsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--manifest", required = true, description = "The design's manifest.")
  Path manifest;

  @Option(names = "--out", required = true, description = "The JSON file to write.")
  Path out;

  @Mixin CosimOptionsMixin options;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(manifest)) {
      throw new UserError("no such manifest: " + manifest);
    }
    long n = VectorFile.write(Designs.read(manifest), options.toOptions(), out);
    spec.commandLine().getOut().println("wrote " + n + " records to " + out);
    return 0;
  }
}
