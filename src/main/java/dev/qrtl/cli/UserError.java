package dev.qrtl.cli;

/** A problem with what the user asked for, reported as one line. */
public final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserError(String message) {
    super(message);
  }
}
