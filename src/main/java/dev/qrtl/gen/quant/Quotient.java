package dev.qrtl.gen.quant;

import dev.qrtl.core.Expr;
import dev.qrtl.core.HwType;
import java.util.function.IntFunction;

/**
 * A rounded quotient kept in parts, {@code floor + increment}, so that the output stage can decide
 * saturation on a narrow window: {@code fitsIn.apply(w)} is 1 when the floor lies in the w-bit
 * signed range, computed without the floor's high bits where that is cheaper (for a shifter, from
 * the shifter's input and a thermometer mask, so only the window's bits of the shifter are built).
 *
 * @param floor the signed floor (wide)
 * @param increment the 0-or-1 rounding increment (u1)
 * @param sign the floor's sign bit, 1 for negative
 * @param fitsIn w -> u1: the floor is in [-2^(w-1), 2^(w-1))
 */
record Quotient(Expr floor, Expr increment, Expr sign, IntFunction<Expr> fitsIn) {

  /** The whole value, {@code floor + increment}, one bit wider than the floor. */
  Expr value() {
    return floor.add(increment.toSigned());
  }

  /** u1: signed {@code x} lies in the w-bit signed range: its bits w-1 and above are all equal. */
  static Expr fitsSigned(Expr x, int w) {
    int width = x.width();
    if (w >= width) {
      return Expr.lit(1, HwType.u(1));
    }
    Expr high = x.slice(width - 1, w - 1);
    return high.andR().or(high.orR().not());
  }
}
