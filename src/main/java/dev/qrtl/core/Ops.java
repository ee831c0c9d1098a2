package dev.qrtl.core;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The width rules of {@link Expr}: each method checks its operands, computes the result type and
 * builds the node. Literal operands of slices and conversions are folded so the emitter never
 * has to slice a constant.
 */
final class Ops {
  /** Widest result a variable left shift may produce before we refuse it as a likely mistake. */
  private static final int MAX_VARIABLE_SHL_GROWTH = 1024;

  private Ops() {}

  static Expr add(Expr a, Expr b) {
    requireSameSignedness("add", a, b);
    return new Binary(BinaryOp.ADD, a, b, grow(a, b, a.signed()));
  }

  static Expr sub(Expr a, Expr b) {
    requireSameSignedness("sub", a, b);
    return new Binary(BinaryOp.SUB, a, b, grow(a, b, true));
  }

  static Expr neg(Expr a) {
    return new Unary(UnaryOp.NEG, a, new HwType(checkedWidth("neg", a.width() + 1), true));
  }

  static Expr mul(Expr a, Expr b) {
    requireSameSignedness("mul", a, b);
    return new Binary(
        BinaryOp.MUL, a, b, new HwType(checkedWidth("mul", a.width() + b.width()), a.signed()));
  }

  static Expr bitwise(BinaryOp op, Expr a, Expr b) {
    requireSameSignedness(op.name().toLowerCase(java.util.Locale.ROOT), a, b);
    return new Binary(op, a, b, new HwType(Math.max(a.width(), b.width()), a.signed()));
  }

  static Expr compare(BinaryOp op, Expr a, Expr b) {
    requireSameSignedness(op.name().toLowerCase(java.util.Locale.ROOT), a, b);
    return new Binary(op, a, b, HwType.u(1));
  }

  static Expr shlConst(Expr a, int n) {
    requireShift(a, n);
    if (n == 0) {
      return a;
    }
    Expr bits = concat(List.of(a, new Lit(BigInteger.ZERO, HwType.u(n))));
    return a.signed() ? reinterpret(bits, true) : bits;
  }

  static Expr shrConst(Expr a, int n) {
    requireShift(a, n);
    if (n == 0) {
      return a;
    }
    int w = a.width();
    if (n >= w) {
      // Every value bit shifted out: the floor is the sign (-1 or 0).
      return a.signed() ? reinterpret(slice(a, w - 1, w - 1), true) : new Lit(BigInteger.ZERO, HwType.u(1));
    }
    Expr bits = slice(a, w - 1, n);
    return a.signed() ? reinterpret(bits, true) : bits;
  }

  static Expr shlVar(Expr a, Expr amount) {
    requireAmount("shl", amount);
    long growth = (1L << Math.min(amount.width(), 40)) - 1;
    if (growth > MAX_VARIABLE_SHL_GROWTH) {
      throw new HdlException(
          "variable shl of "
              + describe(a)
              + " by "
              + describe(amount)
              + " ("
              + amount.type()
              + ") would grow the result by "
              + growth
              + " bits; truncate the amount first (at "
              + SourceLocation.caller()
              + ")");
    }
    return new Binary(
        BinaryOp.SHL, a, amount, new HwType(checkedWidth("shl", a.width() + (int) growth), a.signed()));
  }

  static Expr shrVar(Expr a, Expr amount) {
    requireAmount("shr", amount);
    return new Binary(BinaryOp.SHR, a, amount, a.type());
  }

  static Expr mux(Expr sel, Expr t, Expr f) {
    if (!sel.type().equals(HwType.u(1))) {
      throw new HdlException(
          "mux select " + describe(sel) + " is " + sel.type() + ", not u1 (at " + SourceLocation.caller() + ")");
    }
    requireSameSignedness("mux", t, f);
    return new Mux(sel, t, f, new HwType(Math.max(t.width(), f.width()), t.signed()));
  }

  static Expr slice(Expr a, int hi, int lo) {
    if (a instanceof Lit l && lo >= 0 && hi >= lo && hi < a.width()) {
      BigInteger bits = l.type().pattern(l.value()).shiftRight(lo);
      return new Lit(HwType.u(hi - lo + 1).pattern(bits), HwType.u(hi - lo + 1));
    }
    return new Slice(a, hi, lo);
  }

  static Expr concat(List<Expr> parts) {
    if (parts.isEmpty()) {
      throw new HdlException("concatenation of nothing (at " + SourceLocation.caller() + ")");
    }
    if (parts.size() == 1) {
      Expr only = parts.get(0);
      return only.signed() ? reinterpret(only, false) : only;
    }
    int w = 0;
    for (Expr p : parts) {
      w += p.width();
    }
    return new Concat(new ArrayList<>(parts), HwType.u(checkedWidth("concat", w)));
  }

  static Expr extend(Expr a, int w) {
    if (w < a.width()) {
      throw new HdlException(
          "cannot extend "
              + describe(a)
              + " ("
              + a.type()
              + ") to "
              + w
              + " bits: that is narrower; use truncate("
              + w
              + ") (at "
              + SourceLocation.caller()
              + ")");
    }
    if (w == a.width()) {
      return a;
    }
    HwType t = new HwType(w, a.signed());
    if (a instanceof Lit l) {
      return new Lit(l.value(), t);
    }
    return new Convert(ConvertOp.EXTEND, a, t);
  }

  static Expr truncate(Expr a, int w) {
    if (w > a.width()) {
      throw new HdlException(
          "cannot truncate "
              + describe(a)
              + " ("
              + a.type()
              + ") to "
              + w
              + " bits: that is wider; use extend("
              + w
              + ") (at "
              + SourceLocation.caller()
              + ")");
    }
    if (w == a.width()) {
      return a;
    }
    HwType t = new HwType(w, a.signed());
    if (a instanceof Lit l) {
      return new Lit(t.wrap(l.value()), t);
    }
    return new Convert(ConvertOp.TRUNCATE, a, t);
  }

  static Expr reinterpret(Expr a, boolean signed) {
    if (a.signed() == signed) {
      return a;
    }
    HwType t = a.type().withSigned(signed);
    if (a instanceof Lit l) {
      return new Lit(t.wrap(l.value()), t);
    }
    return new Convert(ConvertOp.REINTERPRET, a, t);
  }

  // ---- checks and messages ----------------------------------------------------------------

  private static HwType grow(Expr a, Expr b, boolean signed) {
    return new HwType(checkedWidth("result", Math.max(a.width(), b.width()) + 1), signed);
  }

  private static int checkedWidth(String what, int w) {
    if (w > HwType.MAX_WIDTH) {
      throw new HdlException(
          what + " would be " + w + " bits, over the " + HwType.MAX_WIDTH + "-bit limit (at "
              + SourceLocation.caller() + ")");
    }
    return w;
  }

  private static void requireSameSignedness(String op, Expr a, Expr b) {
    if (a.signed() != b.signed()) {
      throw new HdlException(
          "signedness mismatch in "
              + op
              + ": "
              + describe(a)
              + " is "
              + a.type()
              + " but "
              + describe(b)
              + " is "
              + b.type()
              + " (at "
              + SourceLocation.caller()
              + "); convert one explicitly with toSigned(), asSigned() or asUnsigned()");
    }
  }

  private static void requireShift(Expr a, int n) {
    if (n < 0) {
      throw new HdlException(
          "negative shift amount " + n + " for " + describe(a) + " (at " + SourceLocation.caller() + ")");
    }
    checkedWidth("shift", a.width() + (n > HwType.MAX_WIDTH ? HwType.MAX_WIDTH : n));
  }

  private static void requireAmount(String op, Expr amount) {
    if (amount.signed()) {
      throw new HdlException(
          op
              + " amount "
              + describe(amount)
              + " is signed ("
              + amount.type()
              + "); shift amounts are unsigned: use asUnsigned() (at "
              + SourceLocation.caller()
              + ")");
    }
  }

  /** A short human description of an expression for error messages. */
  static String describe(Expr e) {
    if (e instanceof Signal s) {
      return "'" + s.name() + "'";
    }
    String text = ExprPrinter.print(e, 60);
    return "expression " + text;
  }
}
