package dev.qrtl.gen.quant;

import dev.qrtl.core.Expr;
import dev.qrtl.core.HwType;
import dev.qrtl.spec.Rounding;
import java.math.BigInteger;
import java.util.function.IntFunction;

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
 * So no adder wider than the result is needed and the rounding add cannot overflow. A run-time
 * shift uses one shifter for the floor and the round bit together ({x, 0} >>> k), and masks from
 * {@code ~(ones << k)}; see docs/schemes.md, "How the hardware is built".
 */
final class RoundingShift {
  private RoundingShift() {}

  /** {@code R(x / 2^k)} for a constant k; x signed. */
  static Expr constant(Expr x, int k, Rounding r) {
    return divideConstant(Structure.LEAN, x, k, r).value();
  }

  /** {@code R(x / 2^k)} for a run-time k (unsigned); every k value is defined, also k >= width. */
  static Expr variable(Expr x, Expr k, Rounding r) {
    return divideVariable(Structure.LEAN, x, k, r).value();
  }

  /** {@code R(x / 2^k)} in parts, for a constant k. */
  static Quotient divideConstant(Structure structure, Expr x, int k, Rounding r) {
    int w = x.width();
    Expr sign = x.bit(w - 1);
    Expr floor = x.shr(k);
    // The floor fits n bits exactly when x fits n + k bits.
    IntFunction<Expr> fits = n -> Quotient.fitsSigned(x, n + k);
    if (k == 0 || r == Rounding.FLOOR) {
      return new Quotient(floor, Expr.lit(0, HwType.u(1)), sign, fits);
    }
    Expr round = k - 1 < w ? x.bit(k - 1) : sign;
    Expr sticky = k >= 2 ? x.slice(Math.min(k - 2, w - 1), 0).orR() : Expr.lit(0, HwType.u(1));
    Expr lsb = k < w ? x.bit(k) : sign;
    return new Quotient(floor, increment(r, round, sticky, sign, lsb), sign, fits);
  }

  /** {@code R(x / 2^k)} in parts, for a run-time k (unsigned). */
  static Quotient divideVariable(Structure structure, Expr x, Expr k, Rounding r) {
    if (structure == Structure.PLAIN) {
      return plainVariable(x, k, r);
    }
    int w = x.width();
    Expr sign = x.bit(w - 1);
    IntFunction<Expr> fits = n -> fitsAfterShift(x, k, n);
    if (r == Rounding.FLOOR) {
      return new Quotient(x.shr(k), Expr.lit(0, HwType.u(1)), sign, fits);
    }
    // One shifter gives the floor and the round bit: bit k-1 of x is bit 0 of {x, 0} >>> k.
    Expr doubled = x.shl(1);
    Expr shifted = doubled.shr(k);
    Expr floor = shifted.slice(w, 1).asSigned();
    Expr round = shifted.bit(0);
    Expr lsb = shifted.bit(1);
    Expr sticky = Expr.lit(0, HwType.u(1));
    if (r != Rounding.HALF_UP) {
      // Bits k-1..1 of {x, 0} are bits k-2..0 of x: keep them with the mask ~(ones << k).
      Expr below = ones(w + 1).shl(k).truncate(w + 1).not();
      sticky = doubled.asUnsigned().and(below).orR();
    }
    return new Quotient(floor, increment(r, round, sticky, sign, lsb), sign, fits);
  }

  /**
   * u1: {@code x >>> k} lies in the n-bit signed range, that is every bit of x from n-1+k up equals
   * the sign: tested as {@code ((x ^ sign) & (ones << (n-1) << k)) == 0}, a thermometer mask, so
   * the shifter itself only needs the window's bits.
   */
  private static Expr fitsAfterShift(Expr x, Expr k, int n) {
    int w = x.width();
    if (n >= w) {
      return Expr.lit(1, HwType.u(1));
    }
    Expr signs = x.shr(w - 1).extend(w);
    Expr differs = x.xor(signs).asUnsigned();
    BigInteger high = BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE.shiftLeft(n - 1));
    Expr mask = Expr.lit(high, HwType.u(w)).shl(k).truncate(w);
    return differs.and(mask).orR().not();
  }

  /**
   * The form the lean one replaced: a shifter for the floor, a second one for the round bit, and
   * the sticky mask built from {@code k == 0 ? 0 : k - 1}; fitting tested on the floor itself.
   */
  private static Quotient plainVariable(Expr x, Expr k, Rounding r) {
    int w = x.width();
    Expr floor = x.shr(k);
    Expr sign = x.bit(w - 1);
    IntFunction<Expr> fits = n -> Quotient.fitsSigned(floor, n);
    if (r == Rounding.FLOOR) {
      return new Quotient(floor, Expr.lit(0, HwType.u(1)), sign, fits);
    }
    Expr round = x.shl(1).shr(k).bit(0);
    Expr lsb = floor.bit(0);
    Expr sticky = Expr.lit(0, HwType.u(1));
    if (r != Rounding.HALF_UP) {
      Expr one = Expr.lit(1, HwType.u(1));
      Expr kMinus1 = k.eq(Expr.lit(0, HwType.u(1))).select(Expr.lit(0, k.type()), k.sub(one).asUnsigned().truncate(k.width()));
      Expr keep = ones(w).shl(kMinus1).truncate(w).not();
      sticky = x.asUnsigned().and(keep).orR();
    }
    return new Quotient(floor, increment(r, round, sticky, sign, lsb), sign, fits);
  }

  private static Expr ones(int width) {
    return Expr.lit(HwType.u(width).max(), HwType.u(width));
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
