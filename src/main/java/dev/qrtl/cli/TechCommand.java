package dev.qrtl.cli;

import dev.qrtl.liberty.CompactLibrary;
import dev.qrtl.liberty.Library;
import dev.qrtl.liberty.LibraryReader;
import dev.qrtl.util.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qrtl tech import LIB --out FILE}: condense a Liberty library into qrtl's compact form. */
@Command(name = "tech", description = "Cell-library tools.", subcommands = {TechCommand.Import.class})
public final class TechCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say what to do: " + spec.subcommands().keySet());
  }

  /** The condensing command. */
  @Command(name = "import", description = "Condense a Liberty library (.lib or .lib.gz) into qrtl's compact Liberty form.")
  public static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LIB", description = "The source Liberty file.")
    Path source;

    @Option(names = "--out", required = true, description = "The compact library to write.")
    Path out;

    @Option(names = "--name", defaultValue = "qrtl_compact", description = "Library name (default: ${DEFAULT-VALUE}).")
    String name;

    @Override
    public Integer call() {
      if (!Files.isRegularFile(source)) {
        throw new UserError("no such Liberty file: " + source);
      }
      Library lib = LibraryReader.read(source);
      String text = CompactLibrary.write(lib, name, source.getFileName().toString());
      AtomicFiles.writeString(out, text);
      spec.commandLine().getOut().printf("wrote %s: %d cells from %s (%s)%n", out, CompactLibrary.select(lib).size(), lib.name(), lib.corner());
      return 0;
    }
  }
}
