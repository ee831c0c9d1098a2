package dev.qrtl.core;

import java.util.Optional;

/**
 * The Java source line of user code that created a signal or an expression, for error messages.
 * Frames of the DSL itself ({@code dev.qrtl.core}) are skipped so the location points at the
 * generator line a user wrote.
 */
public record SourceLocation(String file, int line) {
  private static final StackWalker WALKER = StackWalker.getInstance();
  private static final String CORE_PACKAGE = "dev.qrtl.core";

  /** The first stack frame outside the DSL package, or {@code unknown}. */
  public static SourceLocation caller() {
    Optional<StackWalker.StackFrame> frame =
        WALKER.walk(
            s -> s.filter(f -> !isDsl(f.getClassName())).findFirst());
    return frame
        .map(f -> new SourceLocation(f.getFileName() == null ? "?" : f.getFileName(), f.getLineNumber()))
        .orElse(new SourceLocation("unknown", 0));
  }

  private static boolean isDsl(String className) {
    int dot = className.lastIndexOf('.');
    return dot > 0 && className.substring(0, dot).equals(CORE_PACKAGE);
  }

  @Override
  public String toString() {
    return file + ":" + line;
  }
}
