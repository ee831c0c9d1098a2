package dev.qrtl.core;

/**
 * A design error found while building a circuit: a width or signedness mismatch, an undriven
 * output, a combinational loop. The message names the signals, their types and the Java source
 * line that caused it.
 */
public class HdlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public HdlException(String message) {
    super(message);
  }
}
