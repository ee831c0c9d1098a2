package dev.qrtl.spec;

/**
 * Any design qrtl generates, as its validated spec: a requantizer, a MAC array, a unified module
 * or a conventional pipeline. The manifest carries it as typed JSON.
 */
public interface DesignSpec {
  /** The design family, the manifest's {@code kind}: {@code quantizer}, {@code mac-array}, {@code unified}, {@code conventional}. */
  String kind();
}
