package dev.qrtl.util;

/**
 * Text from someone else's file as it may appear in a one-line message: control characters
 * (newlines among them) replaced, length bounded, so a name can never forge a second line.
 */
public final class Printable {
  private static final int MAX = 80;

  private Printable() {}

  public static String of(String s) {
    return of(s, MAX);
  }

  /** At most {@code max} characters (a file path may need more than a name). */
  public static String of(String s, int max) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder();
    s.codePoints().limit(max).forEach(c -> b.appendCodePoint(c < 0x20 || c == 0x7f || Character.isISOControl(c) ? '?' : c));
    return s.codePointCount(0, s.length()) > max ? b + "..." : b.toString();
  }
}
