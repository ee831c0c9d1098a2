package dev.qrtl.cli;

import dev.qrtl.kind.Designs;
import dev.qrtl.kind.GeneratedDesign;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qrtl generate quantizer --scheme ... --out DIR}. */
@Command(name = "quantizer", description = "Generate a requantizer of any scheme: Verilog and manifest.")
public final class GenerateQuantizerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin QuantizerOptions options;

  @Option(names = "--out", defaultValue = "rtl-out", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--source-locators", description = "Annotate each named wire and register with the generator's Java source line.")
  boolean sourceLocators;

  @Override
  public Integer call() {
    GeneratedDesign d = Designs.generate(options.toSpec());
    CompareCommand.checkOutputFolder(out);
    Path manifest = Designs.write(d, out, new dev.qrtl.verilog.EmitOptions(sourceLocators));
    spec.commandLine().getOut().println("wrote " + manifest + " and " + d.module().name() + ".v (" + d.module().name() + ")");
    return 0;
  }
}
