package dev.qrtl.core;

import java.util.Optional;

/**
 * The Java source line of user code that created a signal or an expression, for error messages.
 * Frames of the DSL itself ({@code dev.qrtl.core}) are skipped so the location points at the
 * generator line a user wrote.
 */
public record SourceLocation(String file, int line) {
  private static final StackWalker WALKER = StackWalker.getInstance();
  private static final String CORE_PREFIX = "dev.qrtl.core.";

  /** The first stack frame outside the DSL package, or {@code unknown}. */
  public static SourceLocation caller() {
    Optional<StackWalker.StackFrame> frame =
        WALKER.walk(
            s -> s.filter(f -> !f.getClassName().startsWith(CORE_PREFIX)).findFirst());
    return frame
        .map(f -> new SourceLocation(f.getFileName() == null ? "?" : f.getFileName(), f.getLineNumber()))
        .orElse(new SourceLocation("unknown", 0));
  }

  @Override
  public String toString() {
    return file + ":" + line;
  }
}
