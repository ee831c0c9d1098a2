package dev.qrtl.verilog;

import dev.qrtl.core.HwType;
import java.math.BigInteger;

/**
 * Sized Verilog literals: {@code 8'd200}, {@code 8'sd5}, {@code 72'h...}. A negative value is
 * written {@code -8'sd5}: the minus applies to a positive sized literal, so the value is the same
 * in any context width or signedness. The most negative value (-2^(w-1)) has no positive w-bit
 * form and stays a bit pattern, {@code 8'sh80}.
 */
final class VerilogLiteral {
  private VerilogLiteral() {}

  static String of(BigInteger value, HwType type) {
    int w = type.width();
    String s = type.signed() ? "s" : "";
    if (value.signum() < 0) {
      BigInteger magnitude = value.negate();
      if (type.signed() && magnitude.bitLength() < w) {
        return "-" + w + "'s" + body(magnitude, w);
      }
      return w + "'" + s + "h" + type.pattern(value).toString(16);
    }
    return w + "'" + s + body(value, w);
  }

  /**
   * The literal as a bit pattern ({@code 8'shfb} for -5), for operands that Verilog extends to a
   * wider context, as a multiplier's are: a minus there draws Verilator's WIDTH warning.
   */
  static String pattern(BigInteger value, HwType type) {
    if (value.signum() >= 0) {
      return of(value, type);
    }
    return type.width() + "'" + (type.signed() ? "s" : "") + "h" + type.pattern(value).toString(16);
  }

  private static String body(BigInteger magnitude, int width) {
    return width <= 64 ? "d" + magnitude : "h" + magnitude.toString(16);
  }
}
