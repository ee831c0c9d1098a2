package dev.qrtl.onnx;

/** Names from a model file as they may appear in a message: printable, bounded, never able to forge a line. */
final class Names {
  private static final int MAX = 80;

  private Names() {}

  static String printable(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().limit(MAX).forEach(c -> b.appendCodePoint(c < 0x20 || c == 0x7f || Character.isISOControl(c) ? '?' : c));
    return s.codePointCount(0, s.length()) > MAX ? b + "..." : b.toString();
  }
}
