package dev.qrtl.gen.quant;

import dev.qrtl.core.Expr;
import dev.qrtl.core.HwType;

/** Leading-one detection and normalisation, the building blocks of the float datapath. */
final class FloatParts {
  private FloatParts() {}

  /**
   * The index of the most significant 1 of an unsigned value (0 when the value is 0), as a
   * priority chain from bit 0 upward.
   */
  static Expr msbIndex(Expr x) {
    int w = x.width();
    int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(w - 1));
    HwType t = HwType.u(bits);
    Expr index = Expr.lit(0, t);
    for (int i = 1; i < w; i++) {
      index = x.bit(i).select(Expr.lit(i, t), index);
    }
    return index;
  }

  /** Bits needed to hold the unsigned value {@code max}. */
  static int bitsFor(long max) {
    return Math.max(1, 64 - Long.numberOfLeadingZeros(max));
  }
}
