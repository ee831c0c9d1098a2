package dev.qrtl.tools;

/** An external tool is missing, failed, or timed out; the message says which and why. */
public class ToolException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ToolException(String message) {
    super(message);
  }
}
