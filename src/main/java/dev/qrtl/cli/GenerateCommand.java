package dev.qrtl.cli;

import dev.qrtl.kind.DefaultDesigns;
import dev.qrtl.kind.Designs;
import dev.qrtl.kind.GeneratedDesign;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qrtl generate <kind> ...}: writes Verilog and manifests. */
@Command(
    name = "generate",
    description = "Generate Verilog and a JSON manifest.",
    subcommands = {GenerateCommand.Defaults.class, GenerateQuantizerCommand.class, GenerateMacArrayCommand.class, GenerateBlockQuantizerCommand.class, GenerateBlockDotCommand.class, GenerateGroupPeCommand.class, GenerateResidualAddCommand.class,
        GenerateSpecCommand.class})
public final class GenerateCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say what to generate: " + spec.subcommands().keySet());
  }

  /** {@code qrtl generate defaults}: every default design of the main job. */
  @Command(name = "defaults", description = "Generate every default design of the main job.")
  public static final class Defaults implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--out", defaultValue = "rtl-out", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--source-locators", description = "Annotate each named wire and register with the generator's Java source line.")
    boolean sourceLocators;

    @Override
    public Integer call() {
      CompareCommand.checkOutputFolder(out);
      writeAll(DefaultDesigns.all(), out, new dev.qrtl.verilog.EmitOptions(sourceLocators), spec.commandLine().getOut());
      return 0;
    }
  }

  /** Writes designs and prints one line per manifest; returns the manifest paths. */
  static List<Path> writeAll(List<GeneratedDesign> designs, Path out, PrintWriter pw) {
    return writeAll(designs, out, dev.qrtl.verilog.EmitOptions.DEFAULT, pw);
  }

  /** {@link #writeAll(List, Path, PrintWriter)} with the Verilog written as {@code options} say. */
  static List<Path> writeAll(List<GeneratedDesign> designs, Path out, dev.qrtl.verilog.EmitOptions options, PrintWriter pw) {
    List<Path> manifests = new ArrayList<>();
    for (GeneratedDesign d : designs) {
      Path m = Designs.write(d, out, options);
      manifests.add(m);
      pw.println("wrote " + m + " (" + d.module().name() + ")");
    }
    return manifests;
  }
}
