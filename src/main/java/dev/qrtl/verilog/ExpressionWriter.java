package dev.qrtl.verilog;

import dev.qrtl.core.Binary;
import dev.qrtl.core.Concat;
import dev.qrtl.core.Convert;
import dev.qrtl.core.Expr;
import dev.qrtl.core.ExprVisitor;
import dev.qrtl.core.HwType;
import dev.qrtl.core.Instance;
import dev.qrtl.core.Lit;
import dev.qrtl.core.Module;
import dev.qrtl.core.Mux;
import dev.qrtl.core.Register;
import dev.qrtl.core.Signal;
import dev.qrtl.core.Slice;
import dev.qrtl.core.Unary;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a module's expressions as Verilog: one named wire and one {@code assign} per shared
 * operation, operands extended explicitly to the operation's width (so Verilog's
 * context-dependent rules never change the meaning), multipliers at their operands' natural
 * widths, single-use reinterpretations written straight in. Names and declarations go to the
 * module's {@link ModuleScope}.
 */
final class ExpressionWriter {
  /** An operand as it appears in an expression: a declared name or a literal. */
  record Operand(String text, HwType type, boolean isName) {}

  private final Module module;
  private final ModuleScope scope;
  private final Map<Expr, Operand> emitted = new IdentityHashMap<>();
  private final Map<Expr, Integer> uses = new IdentityHashMap<>();
  private final Renderer renderer = new Renderer();

  ExpressionWriter(Module module, ModuleScope scope) {
    this.module = module;
    this.scope = scope;
    countUses();
  }

  /** Counts how often each operation node is read, so single-use wrappers can be inlined. */
  private void countUses() {
    List<Expr> roots = new ArrayList<>(module.drivers().values());
    for (Register r : module.registers()) {
      roots.add(r.next());
      r.enable().ifPresent(roots::add);
    }
    for (Instance inst : module.instances()) {
      roots.addAll(inst.inputs().values());
    }
    java.util.Deque<Expr> stack = new java.util.ArrayDeque<>(roots);
    while (!stack.isEmpty()) {
      Expr e = stack.pop();
      if (uses.merge(e, 1, Integer::sum) == 1) {
        stack.addAll(dev.qrtl.core.ExprWalk.children(e));
      }
    }
  }

  /** The same bits without signedness reinterpretations (which change no bit). */
  private static Expr peel(Expr e) {
    while (e instanceof Convert c && c.op() == dev.qrtl.core.ConvertOp.REINTERPRET) {
      e = c.operand();
    }
    return e;
  }

  void assignInto(String target, Expr e) {
    scope.assigns.add("assign " + target + " = " + rhs(e) + ";");
  }

  /** The right-hand side text for a node written straight into a named net. */
  private String rhs(Expr e) {
    if (e instanceof Signal || e instanceof Lit) {
      Operand o = operand(e);
      useAll(o);
      return o.text();
    }
    return e.accept(renderer);
  }

  /** A node as an operand: leaves as they are, operations through a temp wire (once). */
  Operand operand(Expr e) {
    Operand known = emitted.get(e);
    if (known != null) {
      return known;
    }
    Operand o;
    if (e instanceof Signal s) {
      o = new Operand(scope.signalNames.get(s), s.type(), true);
    } else if (e instanceof Lit l) {
      o = new Operand(VerilogLiteral.of(l.value(), l.type()), l.type(), false);
    } else {
      String text = e.accept(renderer);
      String t = scope.newTemp(e.type());
      scope.assigns.add("assign " + t + " = " + text + ";");
      o = new Operand(t, e.type(), true);
    }
    emitted.put(e, o);
    return o;
  }

  /** The operand as a declared name (a literal gets a temp), for bit selects. */
  private Operand named(Expr e) {
    Operand o = operand(e);
    if (o.isName()) {
      return o;
    }
    String t = scope.newTemp(o.type());
    scope.assigns.add("assign " + t + " = " + o.text() + ";");
    Operand n = new Operand(t, o.type(), true);
    emitted.put(e, n);
    return n;
  }

  void useAll(Operand o) {
    if (o.isName()) {
      scope.used.get(o.text()).set(0, o.type().width());
    }
  }

  private void useBits(Operand o, int hi, int lo) {
    scope.used.get(o.text()).set(lo, hi + 1);
  }

  /** Operand text extended (by its own signedness) to {@code w} bits; unsigned Verilog. */
  private String ext(Expr e, int w) {
    Operand o = operand(e);
    int ow = o.type().width();
    if (ow == w) {
      useAll(o);
      return o.text();
    }
    if (!o.isName()) {
      Lit l = (Lit) e;
      return VerilogLiteral.of(l.value(), new HwType(w, l.type().signed()));
    }
    useAll(o);
    int k = w - ow;
    if (o.type().signed()) {
      String msb = ow == 1 ? o.text() : o.text() + "[" + (ow - 1) + "]";
      return k == 1 ? "{" + msb + ", " + o.text() + "}" : "{{" + k + "{" + msb + "}}, " + o.text() + "}";
    }
    return "{" + k + "'d0, " + o.text() + "}";
  }

  /** Operand extended to {@code w} bits and read as signed when {@code signed}. */
  private String extSigned(Expr e, int w, boolean signed) {
    String text = ext(e, w);
    Operand o = operand(e);
    boolean plain = o.type().width() == w || !o.isName(); // literals are re-emitted signed at width w
    return signed && !plain ? "$signed(" + text + ")" : text;
  }

  private final class Renderer implements ExprVisitor<String> {
    @Override
    public String visitSignal(Signal s) {
      throw new AssertionError("leaves are operands, not rendered: " + s);
    }

    @Override
    public String visitLit(Lit l) {
      throw new AssertionError("leaves are operands, not rendered: " + l);
    }

    @Override
    public String visitUnary(Unary u) {
      switch (u.op()) {
        case NOT:
          return "~" + ext(u.operand(), u.type().width());
        case NEG:
          return "-" + ext(u.operand(), u.type().width());
        case AND_REDUCE:
        case OR_REDUCE:
        case XOR_REDUCE:
          {
            Operand o = named(peel(u.operand()));
            useAll(o);
            return u.op().symbol() + o.text();
          }
        default:
          throw new AssertionError(u.op());
      }
    }

    @Override
    public String visitBinary(Binary b) {
      int w = b.type().width();
      switch (b.op()) {
        case ADD:
        case SUB:
        case AND:
        case OR:
        case XOR:
          return ext(b.left(), w) + " " + b.op().symbol() + " " + ext(b.right(), w);
        case MUL:
          {
            // Natural widths: Verilog extends both (same-signedness) operands to the context
            // width, and synthesis sees a wa x wb multiplier instead of a w x w one.
            Operand l = operand(b.left());
            Operand r = operand(b.right());
            useAll(l);
            useAll(r);
            return l.text() + " * " + r.text();
          }
        case EQ:
        case NE:
        case LT:
        case LE:
        case GT:
        case GE:
          {
            int m = Math.max(b.left().width(), b.right().width());
            boolean s = b.left().signed();
            return extSigned(b.left(), m, s) + " " + b.op().symbol() + " " + extSigned(b.right(), m, s);
          }
        case SHL:
          {
            Operand amount = operand(b.right());
            useAll(amount);
            return ext(b.left(), w) + " << " + amount.text();
          }
        case SHR:
          {
            Operand value = operand(b.left());
            Operand amount = operand(b.right());
            useAll(value);
            useAll(amount);
            return value.text() + (b.left().signed() ? " >>> " : " >> ") + amount.text();
          }
        default:
          throw new AssertionError(b.op());
      }
    }

    @Override
    public String visitMux(Mux m) {
      Operand sel = operand(m.select());
      useAll(sel);
      int w = m.type().width();
      return sel.text() + " ? " + ext(m.ifTrue(), w) + " : " + ext(m.ifFalse(), w);
    }

    @Override
    public String visitSlice(Slice s) {
      Operand o = named(peel(s.operand()));
      useBits(o, s.hi(), s.lo());
      if (s.lo() == 0 && s.hi() == o.type().width() - 1) {
        return o.text();
      }
      return s.hi() == s.lo() ? o.text() + "[" + s.hi() + "]" : o.text() + "[" + s.hi() + ":" + s.lo() + "]";
    }

    @Override
    public String visitConcat(Concat c) {
      List<String> parts = new ArrayList<>();
      for (Expr p : c.parts()) {
        Operand o = operand(p);
        useAll(o);
        parts.add(o.text());
      }
      return "{" + String.join(", ", parts) + "}";
    }

    @Override
    public String visitConvert(Convert c) {
      int w = c.type().width();
      switch (c.op()) {
        case EXTEND:
          return ext(c.operand(), w);
        case TRUNCATE:
          {
            Operand o = named(peel(c.operand()));
            useBits(o, w - 1, 0);
            return w == 1 ? o.text() + "[0]" : o.text() + "[" + (w - 1) + ":0]";
          }
        case REINTERPRET:
          {
            Expr inner = peel(c.operand());
            if (!(inner instanceof Signal) && !(inner instanceof Lit)
                && !emitted.containsKey(inner) && uses.getOrDefault(inner, 0) == 1) {
              // Same bits, other signedness: write the single-use operation straight in.
              return inner.accept(this);
            }
            Operand o = operand(inner);
            if (!o.isName()) {
              Lit l = (Lit) inner;
              return VerilogLiteral.of(c.type().wrap(l.value()), c.type());
            }
            useAll(o);
            return o.text();
          }
        default:
          throw new AssertionError(c.op());
      }
    }
  }
}
