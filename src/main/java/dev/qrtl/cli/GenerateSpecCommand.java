package dev.qrtl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.kind.Designs;
import dev.qrtl.kind.GeneratedDesign;
import dev.qrtl.kind.SpecJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qrtl generate spec FILE.json --out DIR}: any design from its typed spec, the form a
 * format-2 manifest carries: {@code {"kind": "quantizer", "spec": {"scheme": "shift-round", ...}}}.
 */
@Command(name = "spec", description = "Generate a design from a typed spec file ({\"kind\": ..., \"spec\": {...}}, as a manifest carries it).")
public final class GenerateSpecCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The spec file (JSON).")
  Path file;

  @Option(names = "--out", defaultValue = "rtl-out", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--source-locators", description = "Annotate each named wire and register with the generator's Java source line.")
  boolean sourceLocators;

  @Override
  public Integer call() {
    JsonNode root;
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > (16 << 20)) {
        throw new UserError("no such spec file (or larger than 16 MiB): " + file);
      }
      root = ManifestIo.mapper().readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UserError("cannot read spec file " + file + ": " + e.getMessage().split("\n")[0]);
    }
    if (root == null || !root.isObject() || !root.path("kind").isTextual() || !root.has("spec")) {
      throw new UserError("spec file " + file + " must be an object with \"kind\" and \"spec\"");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!f.equals("kind") && !f.equals("spec")) {
        throw new UserError("spec file " + file + ": unknown field '" + f + "'");
      }
    }
    CompareCommand.checkOutputFolder(out);
    GeneratedDesign d = Designs.generate(SpecJson.fromTree(root.get("kind").asText(), root.get("spec"), file.toString()));
    Path manifest = Designs.write(d, out, new dev.qrtl.verilog.EmitOptions(sourceLocators));
    spec.commandLine().getOut().println("wrote " + manifest + " (" + d.module().name() + ")");
    return 0;
  }
}
