package dev.qrtl.eval;

import dev.qrtl.core.Binary;
import dev.qrtl.core.BinaryOp;
import dev.qrtl.core.Concat;
import dev.qrtl.core.Convert;
import dev.qrtl.core.ConvertOp;
import dev.qrtl.core.Expr;
import dev.qrtl.core.ExprVisitor;
import dev.qrtl.core.HwType;
import dev.qrtl.core.Lit;
import dev.qrtl.core.Mux;
import dev.qrtl.core.Signal;
import dev.qrtl.core.Slice;
import dev.qrtl.core.Unary;
import dev.qrtl.core.UnaryOp;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The fast path of {@link ExprCompiler}: when every type in a module is at most {@link #MAX_WIDTH}
 * bits, every exact value fits a long, and each operation of {@code core.Semantics} is the same
 * operation on longs (sums, products and shifts cannot overflow because their result types fit).
 * A wider node makes {@link #compile} throw {@link TooWide}; the simulator then stays on
 * BigIntegers. The two paths are compared on random circuits by {@code IrSimulatorTest}.
 */
final class LongCompiler implements ExprVisitor<LongFn> {
  /** The widest type the fast path takes: its values and their two's-complement patterns fit a long. */
  static final int MAX_WIDTH = 62;

  /** A node wider than the fast path takes. */
  static final class TooWide extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooWide() {
      super(null, null, false, false);
    }
  }

  private final ToIntFunction<Signal> signalSlot;
  private final Map<Expr, Integer> sharedSlots;

  LongCompiler(ToIntFunction<Signal> signalSlot, Map<Expr, Integer> sharedSlots) {
    this.signalSlot = signalSlot;
    this.sharedSlots = sharedSlots;
  }

  LongFn compile(Expr e) {
    return e.accept(this);
  }

  static boolean fits(HwType t) {
    return t.width() <= MAX_WIDTH;
  }

  private LongFn child(Expr e) {
    if (!fits(e.type())) {
      throw new TooWide();
    }
    Integer slot = sharedSlots.get(e);
    if (slot != null) {
      int s = slot;
      return v -> v[s];
    }
    return e.accept(this);
  }

  private static long mask(int width) {
    return (1L << width) - 1;
  }

  /** The value of the pattern {@code p} (the low bits) in type t. */
  static long wrap(long p, HwType t) {
    long bits = p & mask(t.width());
    return t.signed() && (bits >>> (t.width() - 1)) != 0 ? bits - (1L << t.width()) : bits;
  }

  @Override
  public LongFn visitSignal(Signal s) {
    if (!fits(s.type())) {
      throw new TooWide();
    }
    int slot = signalSlot.applyAsInt(s);
    return v -> v[slot];
  }

  @Override
  public LongFn visitLit(Lit l) {
    if (!fits(l.type())) {
      throw new TooWide();
    }
    long value = l.value().longValueExact();
    return v -> value;
  }

  @Override
  public LongFn visitUnary(Unary u) {
    if (!fits(u.type())) {
      throw new TooWide();
    }
    LongFn a = child(u.operand());
    HwType in = u.operand().type();
    long m = mask(in.width());
    UnaryOp op = u.op();
    return switch (op) {
      case NOT -> in.signed() ? v -> ~a.eval(v) : v -> m - a.eval(v);
      case NEG -> v -> -a.eval(v);
      case AND_REDUCE -> v -> (a.eval(v) & m) == m ? 1 : 0;
      case OR_REDUCE -> v -> a.eval(v) != 0 ? 1 : 0;
      case XOR_REDUCE -> v -> Long.bitCount(a.eval(v) & m) & 1;
    };
  }

  @Override
  public LongFn visitBinary(Binary b) {
    if (!fits(b.type())) {
      throw new TooWide();
    }
    LongFn l = child(b.left());
    LongFn r = child(b.right());
    return switch (b.op()) {
      case ADD -> v -> l.eval(v) + r.eval(v);
      case SUB -> v -> l.eval(v) - r.eval(v);
      case MUL -> v -> l.eval(v) * r.eval(v);
      case AND -> v -> l.eval(v) & r.eval(v);
      case OR -> v -> l.eval(v) | r.eval(v);
      case XOR -> v -> l.eval(v) ^ r.eval(v);
      case EQ -> v -> l.eval(v) == r.eval(v) ? 1 : 0;
      case NE -> v -> l.eval(v) != r.eval(v) ? 1 : 0;
      case LT -> v -> l.eval(v) < r.eval(v) ? 1 : 0;
      case LE -> v -> l.eval(v) <= r.eval(v) ? 1 : 0;
      case GT -> v -> l.eval(v) > r.eval(v) ? 1 : 0;
      case GE -> v -> l.eval(v) >= r.eval(v) ? 1 : 0;
      case SHL -> v -> l.eval(v) << r.eval(v); // the result type fits: the amount is below 62
      case SHR -> v -> {
        long amount = r.eval(v);
        long a = l.eval(v);
        return amount >= 63 ? (a < 0 ? -1 : 0) : a >> amount;
      };
    };
  }

  @Override
  public LongFn visitMux(Mux m) {
    if (!fits(m.type())) {
      throw new TooWide();
    }
    LongFn s = child(m.select());
    LongFn t = child(m.ifTrue());
    LongFn f = child(m.ifFalse());
    return v -> s.eval(v) != 0 ? t.eval(v) : f.eval(v);
  }

  @Override
  public LongFn visitSlice(Slice s) {
    LongFn a = child(s.operand());
    int lo = s.lo();
    long m = mask(s.hi() - s.lo() + 1);
    long inMask = mask(s.operand().type().width());
    return v -> ((a.eval(v) & inMask) >>> lo) & m;
  }

  @Override
  public LongFn visitConcat(Concat c) {
    if (!fits(c.type())) {
      throw new TooWide();
    }
    List<Expr> parts = c.parts();
    LongFn[] fns = new LongFn[parts.size()];
    int[] widths = new int[parts.size()];
    for (int i = 0; i < fns.length; i++) {
      fns[i] = child(parts.get(i));
      widths[i] = parts.get(i).type().width();
    }
    return v -> {
      long acc = 0;
      for (int i = 0; i < fns.length; i++) {
        acc = (acc << widths[i]) | (fns[i].eval(v) & mask(widths[i]));
      }
      return acc;
    };
  }

  @Override
  public LongFn visitConvert(Convert c) {
    if (!fits(c.type())) {
      throw new TooWide();
    }
    LongFn a = child(c.operand());
    HwType out = c.type();
    return c.op() == ConvertOp.EXTEND ? a : v -> wrap(a.eval(v), out);
  }
}
