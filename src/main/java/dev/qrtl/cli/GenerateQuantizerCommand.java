package dev.qrtl.cli;

import dev.qrtl.core.Module;
import dev.qrtl.gen.quant.QuantizerGenerator;
import dev.qrtl.verilog.DesignWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qrtl generate quantizer --scheme ... --out DIR}. */
@Command(name = "quantizer", description = "Generate a requantizer of any scheme: Verilog and manifest.")
public final class GenerateQuantizerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin QuantizerOptions options;

  @Option(names = "--out", defaultValue = "rtl-out", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() {
    Module m = QuantizerGenerator.generate(options.toSpec());
    Path manifest = DesignWriter.write(m, "quantizer", out);
    spec.commandLine().getOut().println("wrote " + manifest + " and " + m.name() + ".v (" + m.name() + ")");
    return 0;
  }
}
