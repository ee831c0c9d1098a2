package dev.qrtl.cli;

import dev.qrtl.cosim.Cosim;
import dev.qrtl.cosim.CosimReport;
import dev.qrtl.kind.Designs;
import dev.qrtl.spec.DesignSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qrtl cosim --manifest X.json}, {@code qrtl cosim quantizer ...}, {@code qrtl cosim
 * mac-array ...}: check generated Verilog against the golden models. Exit 1 on any mismatch.
 */
@Command(name = "cosim", description = "Co-simulate a design against its golden model (Verilator, or Icarus with X/Z checks).",
    subcommands = {CosimCommand.Quantizer.class, CosimCommand.MacArray.class})
public final class CosimCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--manifest", description = "A design's manifest (its Verilog next to it).")
  Path manifest;

  @Mixin CosimOptionsMixin options;

  @Override
  public Integer call() {
    if (manifest == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "give --manifest FILE, or a design: qrtl cosim quantizer|mac-array ...");
    }
    if (!Files.isRegularFile(manifest)) {
      throw new UserError("no such manifest: " + manifest);
    }
    return report(Cosim.run(manifest, options.toOptions()), options.json, spec.commandLine().getOut());
  }

  static int report(CosimReport r, boolean json, PrintWriter out) {
    ReportPrinter.print(r, r.toText(), json, out);
    return r.passed() ? 0 : 1;
  }

  /** {@code out}, or a new temporary folder when it is null. */
  static Path outOrTemp(Path out, String prefix) {
    try {
      return out != null ? out : dev.qrtl.util.Lifecycle.scratchDirectory(null, prefix);
    } catch (IOException e) {
      throw new UserError("cannot create a folder for the design: " + e.getMessage());
    }
  }

  /** Generates into a temporary folder (or --out) and co-simulates. */
  static int generateAndRun(DesignSpec design, Path out, CosimOptionsMixin options, PrintWriter pw) {
    Path mp = Designs.write(design, outOrTemp(out, "qrtl-cosim"));
    return report(Cosim.run(mp, options.toOptions()), options.json, pw);
  }

  /** {@code qrtl cosim quantizer ...}. */
  @Command(name = "quantizer", description = "Generate a requantizer and co-simulate it.")
  public static final class Quantizer implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin QuantizerOptions quantizer;

    @Mixin CosimOptionsMixin options;

    @Option(names = "--out", description = "Keep the generated design in this folder (default: a temporary one).")
    Path out;

    @Override
    public Integer call() {
      return generateAndRun(quantizer.toSpec(), out, options, spec.commandLine().getOut());
    }
  }

  /** {@code qrtl cosim mac-array ...}. */
  @Command(name = "mac-array", description = "Generate a MAC array (or unified / conventional module) and co-simulate it.")
  public static final class MacArray implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin GenerateMacArrayCommand.MacArrayOptions array;

    @Mixin QuantizerOptions epilogue;

    @Mixin CosimOptionsMixin options;

    @Option(names = "--conventional", description = "The conventional pipeline instead of the unified module.")
    boolean conventional;

    @Option(names = "--out", description = "Keep the generated design in this folder (default: a temporary one).")
    Path out;

    @Override
    public Integer call() {
      return generateAndRun(GenerateMacArrayCommand.build(array, epilogue, conventional, 8, 16), out, options, spec.commandLine().getOut());
    }
  }
}
