package dev.qrtl.eval;

import dev.qrtl.core.Binary;
import dev.qrtl.core.BinaryOp;
import dev.qrtl.core.Concat;
import dev.qrtl.core.ConvertOp;
import dev.qrtl.core.Semantics;
import dev.qrtl.core.UnaryOp;
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
    UnaryOp op = u.op();
    return checked(v -> Semantics.unary(op, a.eval(v), in), u.type(), u);
  }

  @Override
  public Fn visitBinary(Binary b) {
    Fn l = child(b.left());
    Fn r = child(b.right());
    BinaryOp op = b.op();
    return checked(v -> Semantics.binary(op, l.eval(v), r.eval(v)), b.type(), b);
  }

  @Override
  public Fn visitMux(Mux m) {
    Fn s = child(m.select());
    Fn t = child(m.ifTrue());
    Fn f = child(m.ifFalse());
    return v -> s.eval(v).signum() != 0 ? t.eval(v) : f.eval(v); // lazy Semantics.mux
  }

  @Override
  public Fn visitSlice(Slice s) {
    Fn a = child(s.operand());
    HwType in = s.operand().type();
    int lo = s.lo();
    int hi = s.hi();
    return v -> Semantics.slice(a.eval(v), in, hi, lo);
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
    List<HwType> typeList = List.of(types);
    return v -> {
      BigInteger[] vals = new BigInteger[fns.length];
      for (int i = 0; i < fns.length; i++) {
        vals[i] = fns[i].eval(v);
      }
      return Semantics.concat(List.of(vals), typeList);
    };
  }

  @Override
  public Fn visitConvert(Convert c) {
    Fn a = child(c.operand());
    HwType out = c.type();
    ConvertOp op = c.op();
    return op == ConvertOp.EXTEND ? a : v -> Semantics.convert(op, a.eval(v), out);
  }
}
