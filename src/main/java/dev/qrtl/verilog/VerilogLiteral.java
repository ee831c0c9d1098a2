package dev.qrtl.verilog;

import dev.qrtl.core.HwType;
import java.math.BigInteger;

/**
 * Sized Verilog literals: {@code 8'd200}, {@code 8'sd5}, {@code 72'h...}. A negative value is
 * written as its two's-complement bit pattern ({@code 8'shfb} for -5): a unary minus would make
 * the literal's width depend on its context and draw width warnings.
 */
final class VerilogLiteral {
  private VerilogLiteral() {}

  static String of(BigInteger value, HwType type) {
    int w = type.width();
    String s = type.signed() ? "s" : "";
    if (value.signum() < 0) {
      return w + "'" + s + "h" + type.pattern(value).toString(16);
    }
    return w + "'" + s + body(value, w);
  }

  private static String body(BigInteger magnitude, int width) {
    return width <= 64 ? "d" + magnitude : "h" + magnitude.toString(16);
  }
}
