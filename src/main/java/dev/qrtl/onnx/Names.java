package dev.qrtl.onnx;

/** Names from a model file as they may appear in a message: printable, bounded, never able to forge a line. */
final class Names {
  private Names() {}

  static String printable(String s) {
    return dev.qrtl.util.Printable.of(s);
  }
}
