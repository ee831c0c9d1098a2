package dev.qrtl.liberty;

/** A Liberty file that cannot be read, does not parse, or lacks what qrtl needs. */
public class LibertyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LibertyException(String message) {
    super(message);
  }
}
