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
    return binary(BinaryOp.ADD, a, b, grow(a, b, a.signed()));
  }

  static Expr sub(Expr a, Expr b) {
    requireSameSignedness("sub", a, b);
    return binary(BinaryOp.SUB, a, b, grow(a, b, true));
  }

  static Expr neg(Expr a) {
    return unary(UnaryOp.NEG, a, new HwType(checkedWidth("neg", a.width() + 1), true));
  }

  static Expr mul(Expr a, Expr b) {
    requireSameSignedness("mul", a, b);
    return binary(
        BinaryOp.MUL, a, b, new HwType(checkedWidth("mul", a.width() + b.width()), a.signed()));
  }

  static Expr bitwise(BinaryOp op, Expr a, Expr b) {
    requireSameSignedness(op.name().toLowerCase(java.util.Locale.ROOT), a, b);
    return binary(op, a, b, new HwType(Math.max(a.width(), b.width()), a.signed()));
  }

  static Expr compare(BinaryOp op, Expr a, Expr b) {
    requireSameSignedness(op.name().toLowerCase(java.util.Locale.ROOT), a, b);
    Boolean constant = constantComparison(op, a, b);
    if (constant != null) {
      return new Lit(constant ? BigInteger.ONE : BigInteger.ZERO, HwType.u(1));
    }
    return binary(op, a, b, HwType.u(1));
  }

  /**
   * The result of a comparison that the operand types alone decide (such as {@code u >= 0}), or
   * null. Folding them keeps lint tools from flagging a constant comparison in the Verilog.
   */
  private static Boolean constantComparison(BinaryOp op, Expr a, Expr b) {
    if (a == b) {
      return op == BinaryOp.EQ || op == BinaryOp.LE || op == BinaryOp.GE;
    }
    BigInteger aLo = a instanceof Lit l ? l.value() : a.type().min();
    BigInteger aHi = a instanceof Lit l ? l.value() : a.type().max();
    BigInteger bLo = b instanceof Lit l ? l.value() : b.type().min();
    BigInteger bHi = b instanceof Lit l ? l.value() : b.type().max();
    if (!(a instanceof Lit) && !(b instanceof Lit)) {
      return null;
    }
    boolean alwaysLess = aHi.compareTo(bLo) < 0;
    boolean alwaysGreater = aLo.compareTo(bHi) > 0;
    boolean alwaysLe = aHi.compareTo(bLo) <= 0;
    boolean alwaysGe = aLo.compareTo(bHi) >= 0;
    boolean bothSame = aLo.equals(aHi) && bLo.equals(bHi) && aLo.equals(bLo);
    switch (op) {
      case EQ:
        return alwaysLess || alwaysGreater ? Boolean.FALSE : bothSame ? Boolean.TRUE : null;
      case NE:
        return alwaysLess || alwaysGreater ? Boolean.TRUE : bothSame ? Boolean.FALSE : null;
      case LT:
        return alwaysLess ? Boolean.TRUE : alwaysGe ? Boolean.FALSE : null;
      case LE:
        return alwaysLe ? Boolean.TRUE : alwaysGreater ? Boolean.FALSE : null;
      case GT:
        return alwaysGreater ? Boolean.TRUE : alwaysLe ? Boolean.FALSE : null;
      case GE:
        return alwaysGe ? Boolean.TRUE : alwaysLess ? Boolean.FALSE : null;
      default:
        throw new AssertionError(op);
    }
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
    return binary(
        BinaryOp.SHL, a, amount, new HwType(checkedWidth("shl", a.width() + (int) growth), a.signed()));
  }

  static Expr shrVar(Expr a, Expr amount) {
    requireAmount("shr", amount);
    return binary(BinaryOp.SHR, a, amount, a.type());
  }

  static Expr mux(Expr sel, Expr t, Expr f) {
    if (!sel.type().equals(HwType.u(1))) {
      throw new HdlException(
          "mux select " + describe(sel) + " is " + sel.type() + ", not u1 (at " + SourceLocation.caller() + ")");
    }
    requireSameSignedness("mux", t, f);
    int w = Math.max(t.width(), f.width());
    if (sel instanceof Lit l) {
      return extend(l.value().signum() != 0 ? t : f, w);
    }
    if (t instanceof Lit lt && f instanceof Lit lf && lt.value().equals(lf.value())) {
      return new Lit(lt.value(), new HwType(w, t.signed()));
    }
    return new Mux(sel, t, f, new HwType(w, t.signed()));
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
    HwType t = HwType.u(checkedWidth("concat", w));
    if (parts.stream().allMatch(p -> p instanceof Lit)) {
      return new Lit(Semantics.concat(
          parts.stream().map(p -> ((Lit) p).value()).toList(), parts.stream().map(Expr::type).toList()), t);
    }
    return new Concat(new ArrayList<>(parts), t);
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

  /** A unary node, folded to a literal when its operand is one. */
  static Expr unary(UnaryOp op, Expr a, HwType t) {
    if (a instanceof Lit l) {
      return new Lit(Semantics.unary(op, l.value(), l.type()), t);
    }
    return new Unary(op, a, t);
  }

  /**
   * A binary node, folded when both operands are literals or a zero literal decides the result
   * (x * 0, x & 0): lint tools propagate constants and would flag logic left constant.
   */
  private static Expr binary(BinaryOp op, Expr a, Expr b, HwType t) {
    if (a instanceof Lit la && b instanceof Lit lb) {
      return new Lit(Semantics.binary(op, la.value(), lb.value()), t);
    }
    if ((op == BinaryOp.MUL || op == BinaryOp.AND) && (isZero(a) || isZero(b))) {
      return new Lit(BigInteger.ZERO, t);
    }
    if (a == b && (op == BinaryOp.XOR || op == BinaryOp.SUB)) {
      return new Lit(BigInteger.ZERO, t); // x ^ x, x - x
    }
    if (a == b && (op == BinaryOp.AND || op == BinaryOp.OR)) {
      return a; // x & x, x | x
    }
    return new Binary(op, a, b, t);
  }

  private static boolean isZero(Expr e) {
    return e instanceof Lit l && l.value().signum() == 0;
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
