package dev.qrtl.tools;

/** An external tool is missing, failed, or timed out; the message says which and why. */
public class ToolException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ToolException(String message) {
    super(message);
  }

  /**
   * A tool that ran and failed: the first line is qrtl's own sentence naming the tool, the design
   * and the exit status (and where the full log is kept); up to five lines of the tool's output follow.
   */
  public static ToolException failed(String tool, String design, ProcessResult r) {
    java.nio.file.Path log = ToolLogs.keep(r.stdout() + (r.stderr().isEmpty() ? "" : "\n" + r.stderr()), tool + "-" + design);
    String tail = r.tail(5);
    String what = tool + " failed on '" + design + "' (exit " + r.exitCode() + ")" + (log == null ? "" : "; full log: " + log);
    var syntax = SyntaxErrors.first(r.stdout() + "\n" + r.stderr(), java.util.Map.of());
    if (syntax.isPresent()) { // the user's Verilog does not parse: say where first
      return new ToolException(syntax.get() + " (" + what + ")");
    }
    return new ToolException(what + (tail.isBlank() ? "" : "\n" + tail));
  }
}
