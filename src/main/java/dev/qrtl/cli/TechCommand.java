package dev.qrtl.cli;

import dev.qrtl.liberty.CompactLibrary;
import dev.qrtl.liberty.Library;
import dev.qrtl.liberty.LibraryReader;
import dev.qrtl.synth.TechLibraries;
import dev.qrtl.util.AtomicFiles;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qrtl tech list}: the named libraries, where each is found and its hash;
 * {@code qrtl tech import LIB --out FILE}: condense a Liberty library into qrtl's compact form.
 */
@Command(name = "tech", description = "Cell-library tools.", subcommands = {TechCommand.ListLibraries.class, TechCommand.Import.class})
public final class TechCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say what to do: " + spec.subcommands().keySet());
  }

  /** Every library {@code --tech} names: where this machine finds it and its SHA-256. */
  @Command(name = "list", description = "List the libraries --tech can name, where each is found, and its SHA-256.")
  public static final class ListLibraries implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      out.printf("%-10s %-30s %-13s %-64s %s%n", "--tech", "library", "corner", "sha256", "found");
      int missing = 0;
      for (TechLibraries.Listing l : TechLibraries.list()) {
        out.printf("%-10s %-30s %-13s %-64s %s%n", l.tech(), l.library(), l.corner(), l.sha256(), l.source());
        missing += l.sha256().equals("-") ? 1 : 0;
      }
      out.flush();
      return missing == 0 ? 0 : 1;
    }
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
