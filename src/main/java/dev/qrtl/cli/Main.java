package dev.qrtl.cli;

import dev.qrtl.core.HdlException;
import dev.qrtl.manifest.ManifestException;
import dev.qrtl.tools.ToolException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** Entry point: {@code qrtl <command> ...}. */
@Command(
    name = "qrtl",
    mixinStandardHelpOptions = true,
    scope = CommandLine.ScopeType.INHERIT, // --help and --version on every subcommand too
    versionProvider = VersionProvider.class,
    description = "Design, verify and price the requantization arithmetic of quantized neural-network inference.",
    subcommands = {
      RunCommand.class,
      GenerateCommand.class,
      CosimCommand.class,
      VectorsCommand.class,
      SynthCommand.class,
      EstimateCommand.class,
      CompareCommand.class,
      ErrorCommand.class,
      ParetoCommand.class,
      NetworkCommand.class,
      MergeCommand.class,
      StatusCommand.class,
      ReportCommand.class,
      ProveCommand.class,
      TechCommand.class,
      CacheCommand.class,
      LintCommand.class,
      DoctorCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
  }

  public static void main(String[] args) {
    System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs the CLI with the given streams; returns the exit code (for tests). */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new Main());
    QuantizerOptions.install(cl);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      commandLine.getErr().println("qrtl: " + message(ex));
      if (Boolean.getBoolean("qrtl.debug")) {
        ex.printStackTrace(commandLine.getErr());
      }
      commandLine.getErr().flush();
      return 1;
    });
    cl.setParameterExceptionHandler((ex, a) -> {
      CommandLine c = ex.getCommandLine();
      c.getErr().println("qrtl: " + ex.getMessage().strip().split("\n")[0]);
      c.getErr().println("try '" + c.getCommandSpec().qualifiedName() + " --help'");
      c.getErr().flush();
      return 2;
    });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  static String message(Throwable ex) {
    if (ex instanceof dev.qrtl.util.Lifecycle.ShuttingDownException) { // a signal arrived while workers still ran
      return "interrupted: " + ex.getMessage() + "; nothing was published";
    }
    if (ex instanceof HdlException || ex instanceof ToolException || ex instanceof ManifestException
        || ex instanceof IllegalArgumentException || ex instanceof UncheckedIOException
        || ex instanceof UserError || ex instanceof dev.qrtl.liberty.LibertyException || ex instanceof dev.qrtl.util.QrtlException) {
      return ex.getMessage();
    }
    return ex.getClass().getSimpleName() + ": " + ex.getMessage() + " (a bug in qrtl; rerun with -Dqrtl.debug=true for the stack trace)";
  }
}
