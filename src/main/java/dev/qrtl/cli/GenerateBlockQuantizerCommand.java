package dev.qrtl.cli;

import dev.qrtl.kind.Designs;
import dev.qrtl.kind.GeneratedDesign;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qrtl generate block-quantizer ...}: K values to one OCP MX block. */
@Command(name = "block-quantizer", description = "Generate an OCP MX block quantizer: K values (integers times 2^x, or fp32) to an E8M0 scale and K elements.")
public final class GenerateBlockQuantizerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin BlockQuantizerOptions options;

  @Option(names = "--out", defaultValue = "rtl-out", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--source-locators", description = "Annotate each named wire and register with the generator's Java source line.")
  boolean sourceLocators;

  @Override
  public Integer call() {
    GeneratedDesign d = Designs.generate(options.toSpec());
    CompareCommand.checkOutputFolder(out);
    Path manifest = Designs.write(d, out, new dev.qrtl.verilog.EmitOptions(sourceLocators));
    spec.commandLine().getOut().println("wrote " + manifest + " (" + d.module().name() + ", latency " + d.module().latency() + " cycles)");
    return 0;
  }
}
