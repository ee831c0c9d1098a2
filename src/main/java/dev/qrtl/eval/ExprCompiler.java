package dev.qrtl.eval;

import dev.qrtl.core.Binary;
import dev.qrtl.core.Concat;
import dev.qrtl.core.Convert;
import dev.qrtl.core.Expr;
import dev.qrtl.core.ExprVisitor;
import dev.qrtl.core.HwType;
import dev.qrtl.core.Lit;
import dev.qrtl.core.Mux;
import dev.qrtl.core.Signal;
import dev.qrtl.core.Slice;
import dev.qrtl.core.Unary;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Compiles expressions of one module instance into {@link Fn} closures. Signals and shared
 * subexpressions (given slots by the caller) are read from slots.
 */
final class ExprCompiler implements ExprVisitor<Fn> {
  private final ToIntFunction<Signal> signalSlot;
  private final Map<Expr, Integer> sharedSlots;

  ExprCompiler(ToIntFunction<Signal> signalSlot, Map<Expr, Integer> sharedSlots) {
    this.signalSlot = signalSlot;
    this.sharedSlots = sharedSlots;
  }

  /** Compiles {@code e}; shared nodes below it are read from their slots. */
  Fn compile(Expr e) {
    return e.accept(this);
  }

  private Fn child(Expr e) {
    Integer slot = sharedSlots.get(e);
    if (slot != null) {
      int s = slot;
      return v -> v[s];
    }
    return e.accept(this);
  }

  private static Fn checked(Fn f, HwType t, Expr node) {
    return v -> {
      BigInteger r = f.eval(v);
      if (!t.fits(r)) {
        throw new AssertionError("IR invariant broken: " + r + " does not fit " + t + " in " + node);
      }
      return r;
    };
  }

  @Override
  public Fn visitSignal(Signal s) {
    int slot = signalSlot.applyAsInt(s);
    return v -> v[slot];
  }

  @Override
  public Fn visitLit(Lit l) {
    BigInteger value = l.value();
    return v -> value;
  }

  @Override
  public Fn visitUnary(Unary u) {
    Fn a = child(u.operand());
    HwType in = u.operand().type();
    BigInteger mask = in.mask();
    Fn f =
        switch (u.op()) {
          case NOT -> in.signed() ? v -> a.eval(v).not() : v -> mask.subtract(a.eval(v));
          case NEG -> v -> a.eval(v).negate();
          case AND_REDUCE -> v -> in.pattern(a.eval(v)).equals(mask) ? BigInteger.ONE : BigInteger.ZERO;
          case OR_REDUCE -> v -> a.eval(v).signum() != 0 ? BigInteger.ONE : BigInteger.ZERO;
          case XOR_REDUCE -> v -> (in.pattern(a.eval(v)).bitCount() & 1) == 1 ? BigInteger.ONE : BigInteger.ZERO;
        };
    return checked(f, u.type(), u);
  }

  @Override
  public Fn visitBinary(Binary b) {
    Fn l = child(b.left());
    Fn r = child(b.right());
    Fn f =
        switch (b.op()) {
          case ADD -> v -> l.eval(v).add(r.eval(v));
          case SUB -> v -> l.eval(v).subtract(r.eval(v));
          case MUL -> v -> l.eval(v).multiply(r.eval(v));
          case AND -> v -> l.eval(v).and(r.eval(v));
          case OR -> v -> l.eval(v).or(r.eval(v));
          case XOR -> v -> l.eval(v).xor(r.eval(v));
          case EQ -> v -> bool(l.eval(v).compareTo(r.eval(v)) == 0);
          case NE -> v -> bool(l.eval(v).compareTo(r.eval(v)) != 0);
          case LT -> v -> bool(l.eval(v).compareTo(r.eval(v)) < 0);
          case LE -> v -> bool(l.eval(v).compareTo(r.eval(v)) <= 0);
          case GT -> v -> bool(l.eval(v).compareTo(r.eval(v)) > 0);
          case GE -> v -> bool(l.eval(v).compareTo(r.eval(v)) >= 0);
          case SHL -> v -> l.eval(v).shiftLeft(r.eval(v).intValueExact());
          case SHR -> v -> shiftRight(l.eval(v), r.eval(v));
        };
    return checked(f, b.type(), b);
  }

  private static BigInteger shiftRight(BigInteger value, BigInteger amount) {
    // Amounts past the value's bit length all give the sign: avoid huge int conversions.
    int n = amount.bitLength() > 31 ? Integer.MAX_VALUE : amount.intValue();
    return value.shiftRight(n);
  }

  private static BigInteger bool(boolean b) {
    return b ? BigInteger.ONE : BigInteger.ZERO;
  }

  @Override
  public Fn visitMux(Mux m) {
    Fn s = child(m.select());
    Fn t = child(m.ifTrue());
    Fn f = child(m.ifFalse());
    return v -> s.eval(v).signum() != 0 ? t.eval(v) : f.eval(v);
  }

  @Override
  public Fn visitSlice(Slice s) {
    Fn a = child(s.operand());
    HwType in = s.operand().type();
    HwType out = s.type();
    int lo = s.lo();
    return v -> out.pattern(in.pattern(a.eval(v)).shiftRight(lo));
  }

  @Override
  public Fn visitConcat(Concat c) {
    List<Expr> parts = c.parts();
    Fn[] fns = new Fn[parts.size()];
    HwType[] types = new HwType[parts.size()];
    for (int i = 0; i < fns.length; i++) {
      fns[i] = child(parts.get(i));
      types[i] = parts.get(i).type();
    }
    return v -> {
      BigInteger acc = BigInteger.ZERO;
      for (int i = 0; i < fns.length; i++) {
        acc = acc.shiftLeft(types[i].width()).or(types[i].pattern(fns[i].eval(v)));
      }
      return acc;
    };
  }

  @Override
  public Fn visitConvert(Convert c) {
    Fn a = child(c.operand());
    HwType out = c.type();
    return switch (c.op()) {
      case EXTEND -> a;
      case TRUNCATE, REINTERPRET -> v -> out.wrap(a.eval(v));
    };
  }
}
