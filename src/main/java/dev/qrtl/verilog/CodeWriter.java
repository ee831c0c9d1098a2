package dev.qrtl.verilog;

/** Owns indentation and line endings ({@code \n} only) of one emitted file. */
final class CodeWriter {
  private static final String INDENT = "    ";
  private final StringBuilder out = new StringBuilder();
  private int level;

  CodeWriter line(String text) {
    if (!text.isEmpty()) {
      out.append(INDENT.repeat(level)).append(text);
    }
    out.append('\n');
    return this;
  }

  CodeWriter blank() {
    out.append('\n');
    return this;
  }

  CodeWriter indent() {
    level++;
    return this;
  }

  CodeWriter dedent() {
    level--;
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
