package dev.qrtl.gen.quant;

import dev.qrtl.core.Expr;
import dev.qrtl.core.HwType;
import dev.qrtl.spec.Rounding;

/**
 * Division by 2^k with a rounding rule, as hardware does it: the floor is an arithmetic shift,
 * and a 0-or-1 increment comes from the round bit (bit k-1), the sticky bit (any of bits k-2..0),
 * the sign and the floor's lowest bit:
 *
 * <ul>
 *   <li>half-up: round
 *   <li>half-away: round and (sign is + or sticky)
 *   <li>half-even: round and (sticky or floor is odd)
 *   <li>floor: 0
 * </ul>
 *
 * So no adder wider than the result is needed and the rounding add cannot overflow.
 */
final class RoundingShift {
  private RoundingShift() {}

  /** {@code R(x / 2^k)} for a constant k; x signed. */
  static Expr constant(Expr x, int k, Rounding r) {
    if (k == 0 || r == Rounding.FLOOR) {
      return x.shr(k);
    }
    int w = x.width();
    Expr floor = x.shr(k);
    Expr round = k - 1 < w ? x.bit(k - 1) : x.bit(w - 1);
    Expr sticky = k >= 2 ? x.slice(Math.min(k - 2, w - 1), 0).orR() : Expr.lit(0, HwType.u(1));
    Expr sign = x.bit(w - 1);
    Expr lsb = k < w ? x.bit(k) : sign;
    return floor.add(increment(r, round, sticky, sign, lsb).toSigned());
  }

  /** {@code R(x / 2^k)} for a run-time k (unsigned); every k value is defined, also k >= width. */
  static Expr variable(Expr x, Expr k, Rounding r) {
    Expr floor = x.shr(k);
    if (r == Rounding.FLOOR) {
      return floor;
    }
    int w = x.width();
    // Bit k-1 of x is bit 0 of (2x) >> k; for k = 0 it is 0, so nothing is added.
    Expr round = x.shl(1).shr(k).bit(0);
    Expr sign = x.bit(w - 1);
    Expr lsb = floor.bit(0);
    Expr sticky = Expr.lit(0, HwType.u(1));
    if (r != Rounding.HALF_UP) {
      // Bits below k-1: x & ~(all-ones << (k-1)), with k-1 taken as 0 when k = 0.
      Expr one = Expr.lit(1, HwType.u(1));
      Expr kMinus1 = k.eq(Expr.lit(0, HwType.u(1))).select(Expr.lit(0, k.type()), k.sub(one).asUnsigned().truncate(k.width()));
      Expr ones = Expr.lit(HwType.u(w).max(), HwType.u(w));
      Expr keep = ones.shl(kMinus1).truncate(w).not();
      sticky = x.asUnsigned().and(keep).orR();
    }
    return floor.add(increment(r, round, sticky, sign, lsb).toSigned());
  }

  private static Expr increment(Rounding r, Expr round, Expr sticky, Expr sign, Expr lsb) {
    return switch (r) {
      case HALF_UP -> round;
      case HALF_AWAY -> round.and(sign.not().or(sticky));
      case HALF_EVEN -> round.and(sticky.or(lsb));
      case FLOOR -> Expr.lit(0, HwType.u(1));
    };
  }
}
