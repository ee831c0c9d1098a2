package dev.qrtl.util;

/**
 * A failure qrtl expects and explains in one line (a folder in use, a cache that cannot be
 * written): printed as {@code qrtl: <message>}, never as a stack trace.
 */
public class QrtlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public QrtlException(String message) {
    super(message);
  }

  public QrtlException(String message, Throwable cause) {
    super(message, cause);
  }
}
