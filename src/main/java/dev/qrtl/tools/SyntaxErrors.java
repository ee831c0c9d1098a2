package dev.qrtl.tools;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first Verilog syntax error in a tool's output, as {@code <file>:<line>: syntax error ...}:
 * when a user's Verilog does not parse, that is what they need to read first, not which tool
 * noticed it. Knows the forms Verilator ({@code %Error: f.v:43:26: syntax error, ...}), Yosys
 * ({@code f.v:43: ERROR: syntax error, ...}) and Icarus ({@code f.v:43: syntax error}) print.
 */
public final class SyntaxErrors {
  private static final Pattern VERILATOR = Pattern.compile("^%Error: (.+?):(\\d+):(?:\\d+:)? (syntax error.*)$", Pattern.MULTILINE);
  private static final Pattern YOSYS = Pattern.compile("^(.+?):(\\d+): ERROR: (syntax error.*)$", Pattern.MULTILINE);
  private static final Pattern ICARUS = Pattern.compile("^(.+?):(\\d+): (syntax error.*)$", Pattern.MULTILINE);

  private SyntaxErrors() {}

  /**
   * The first syntax error in {@code output}; {@code files} maps a file name as the tool saw it (a
   * copy in a scratch folder) to the user's own path.
   */
  public static Optional<String> first(String output, Map<String, String> files) {
    for (Pattern p : new Pattern[] {VERILATOR, YOSYS, ICARUS}) {
      Matcher m = p.matcher(output);
      if (m.find()) {
        String file = m.group(1).strip();
        String name = java.nio.file.Path.of(file).getFileName() == null ? file : java.nio.file.Path.of(file).getFileName().toString();
        file = files.getOrDefault(name, files.getOrDefault(file, file));
        return Optional.of(dev.qrtl.util.Printable.of(file, 400) + ":" + m.group(2) + ": " + dev.qrtl.util.Printable.of(m.group(3).strip(), 200));
      }
    }
    return Optional.empty();
  }
}
