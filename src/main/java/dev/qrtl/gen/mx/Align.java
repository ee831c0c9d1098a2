package dev.qrtl.gen.mx;

import dev.qrtl.core.Expr;
import dev.qrtl.core.HwType;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.gen.Arith;

/**
 * A magnitude divided by 2^r (r a signed run-time amount within a range known when generating),
 * as an integer part of a given width, the first bit below it, a sticky bit for everything further
 * below, and whether the integer part does not fit. One right shifter does it: the magnitude is
 * padded on the right so that the smallest r becomes a shift of 0, and shifted with one extra bit
 * that becomes the round bit (as {@code gen.quant.RoundingShift} does); the sticky bit is the
 * magnitude masked by the low {@code amount} ones.
 */
final class Align {
  final Expr integer;
  final Expr round;
  final Expr sticky;
  final Expr tooBig;

  private Align(Expr integer, Expr round, Expr sticky, Expr tooBig) {
    this.integer = integer;
    this.round = round;
    this.sticky = sticky;
    this.tooBig = tooBig;
  }

  /**
   * @param r the right-shift amount, signed; only values in {@code rMin..rMax} are used (others
   *     give don't-care results)
   * @param width the integer part's width
   */
  static Align of(ModuleBuilder m, String name, Expr mag, Expr r, int rMin, int rMax, int width) {
    int pad = Math.max(0, -rMin);
    Expr padded = pad == 0 ? mag : mag.shl(pad);
    int w = padded.width();
    int maxAmount = Math.max(0, rMax + pad);
    // amounts past w + 1 shift everything into the sticky bit: cap there to keep the shifter small
    int cap = Math.min(maxAmount, w + 1);
    int aBits = Arith.bitsFor(cap);
    Expr amountFull = r.asSigned().add(Expr.lit(pad, HwType.s(Arith.bitsFor(pad) + 1)));
    Expr amount;
    if (maxAmount > cap) {
      Expr over = amountFull.gt(Expr.lit(cap, amountFull.type()));
      amount = over.select(Expr.lit(cap, HwType.u(aBits)), amountFull.asUnsigned().truncate(aBits));
    } else {
      amount = amountFull.asUnsigned().truncate(aBits);
    }
    amount = m.wire(name + "_amount", amount);
    Expr doubled = padded.shl(1);
    Expr shifted = m.wire(name + "_shifted", doubled.shr(amount));
    Expr full = shifted.slice(w, 1);
    Expr round = shifted.bit(0);
    Expr below = Arith.lowOnes(w + 1, amount);
    Expr sticky = doubled.and(below).orR();
    Expr integer;
    Expr tooBig;
    if (w > width) {
      integer = full.slice(width - 1, 0);
      tooBig = full.slice(w - 1, width).orR();
    } else {
      integer = full.extend(width);
      tooBig = Expr.lit(0, HwType.u(1));
    }
    return new Align(m.wire(name + "_t", integer), round, m.wire(name + "_sticky", sticky), tooBig);
  }
}
