package dev.qrtl.manifest;

/** A manifest that cannot be read or does not describe its Verilog. */
public class ManifestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ManifestException(String message) {
    super(message);
  }
}
