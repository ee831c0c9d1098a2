package dev.qrtl.verilog;

import dev.qrtl.core.Binary;
import dev.qrtl.core.Concat;
import dev.qrtl.core.Convert;
import dev.qrtl.core.Expr;
import dev.qrtl.core.HwType;
import dev.qrtl.core.Instance;
import dev.qrtl.core.Lit;
import dev.qrtl.core.Module;
import dev.qrtl.core.Mux;
import dev.qrtl.core.Register;
import dev.qrtl.core.Signal;
import dev.qrtl.core.Slice;
import dev.qrtl.core.Unary;
import java.math.BigInteger;
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
  record Operand(String text, HwType type, Kind kind) {
    boolean isName() {
      return kind == Kind.NAME;
    }
  }

  /**
   * A declared net (read with its declared signedness), a sized literal, or an expression text
   * (a part-select, or an operation in parentheses) that Verilog reads as unsigned at its width.
   */
  enum Kind { NAME, LITERAL, EXPR }

  private final Module module;
  private final ModuleScope scope;
  final Map<Expr, Operand> emitted = new IdentityHashMap<>();
  final Map<Expr, Integer> uses = new IdentityHashMap<>();
  private final OperationRenderer renderer = new OperationRenderer(this);
  /** The named net the expression being written feeds: temporaries are named after it. */
  private String hint = "v";

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
  static Expr peel(Expr e) {
    while (e instanceof Convert c && c.op() == dev.qrtl.core.ConvertOp.REINTERPRET) {
      e = c.operand();
    }
    return e;
  }

  void assignInto(String target, Expr e) {
    hint(target);
    scope.assigns.add("assign " + target + " = " + rhs(e) + ";");
  }

  /** Names the net that the next operands feed ({@code <hint>_sum}, {@code <hint>_shr}, ...). */
  void hint(String target) {
    hint = target;
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
    Bits whole = e instanceof Slice || isTruncate(e) ? bitsOf(e) : null;
    if (e instanceof Signal s) {
      o = new Operand(scope.signalNames.get(s), s.type(), Kind.NAME);
    } else if (e instanceof Lit l) {
      o = new Operand(VerilogLiteral.of(l.value(), l.type()), l.type(), Kind.LITERAL);
    } else if (e instanceof Convert c && c.op() == dev.qrtl.core.ConvertOp.REINTERPRET) {
      // Same bits, other signedness: the operand's own name, read with the new type (no copy).
      Expr inner = peel(c);
      Operand io = operand(inner);
      o = io.kind() == Kind.LITERAL
          ? new Operand(VerilogLiteral.of(e.type().wrap(((Lit) inner).value()), e.type()), e.type(), Kind.LITERAL)
          : new Operand(io.text(), e.type(), io.kind());
    } else if (whole != null && whole.lo() == 0 && whole.hi() == whole.base().width() - 1 && !(whole.base() instanceof Lit)) {
      // A slice that keeps every bit of a named net is that net.
      Operand b = named(whole.base());
      o = new Operand(b.text(), e.type(), Kind.NAME);
    } else if ((e instanceof Concat || e instanceof Convert cv && cv.op() == dev.qrtl.core.ConvertOp.EXTEND)
        && uses.getOrDefault(e, 0) == 1) {
      // A concatenation (or a zero- or sign-extension, which is one) read once: written where it is read.
      String text = e.accept(renderer);
      o = text.length() <= MAX_INLINE ? new Operand(text, e.type(), Kind.EXPR) : temporary(e, text);
    } else if (whole != null && !(whole.base() instanceof Lit)) {
      // A part-select of a named net is written where it is read.
      o = new Operand(range(whole), e.type(), Kind.EXPR);
    } else {
      String t = scope.newTemp(e.type(), hint + "_" + TempNames.word(e));
      String text = e.accept(renderer);
      scope.assigns.add("assign " + t + " = " + text + ";");
      o = new Operand(t, e.type(), Kind.NAME);
    }
    emitted.put(e, o);
    return o;
  }

  /** Longest operation written straight into its one reader (CIRCT's rule: inline while the line stays short). */
  private static final int MAX_INLINE = 60;

  /**
   * Whether {@code e} may be written straight into its only reader at its own width: an
   * operation whose bits are the same at any context width and signedness (sum, difference,
   * bitwise, left shift, select, or a one-bit comparison or reduction), read once, not yet named.
   */
  boolean inlinable(Expr e) {
    if (emitted.containsKey(e) || uses.getOrDefault(e, 0) != 1) {
      return false;
    }
    if (e instanceof Binary b) {
      return switch (b.op()) {
        case ADD, SUB, AND, OR, XOR, SHL -> true;
        case EQ, NE, LT, LE, GT, GE -> true; // one bit, self-determined operands
        default -> false;
      };
    }
    if (e instanceof Unary u) {
      return true; // ~, unary minus (modular), reductions (one bit)
    }
    return e instanceof Mux;
  }

  /** The operation's text in parentheses, or null (after naming it) when it is too long. */
  String inline(Expr e) {
    String saved = hint;
    String text = e.accept(renderer);
    hint = saved;
    if (text.length() <= MAX_INLINE) {
      emitted.put(e, new Operand("(" + text + ")", e.type(), Kind.EXPR));
      return "(" + text + ")";
    }
    Operand o = temporary(e, text);
    emitted.put(e, o);
    useAll(o);
    return o.text();
  }

  /** A new wire named after the net being fed, assigned {@code text} (the rendering of {@code e}). */
  private Operand temporary(Expr e, String text) {
    String t = scope.newTemp(e.type(), hint + "_" + TempNames.word(e));
    scope.assigns.add("assign " + t + " = " + text + ";");
    return new Operand(t, e.type(), Kind.NAME);
  }

  /** A bit range of a base expression that is not itself a slice or truncation. */
  record Bits(Expr base, int hi, int lo) {}

  private static boolean isTruncate(Expr e) {
    return e instanceof Convert c && c.op() == dev.qrtl.core.ConvertOp.TRUNCATE;
  }

  /** Slices of slices (and truncations) folded into one range of the innermost operand. */
  Bits bitsOf(Expr e) {
    int hi = e.width() - 1;
    int lo = 0;
    Expr cur = e;
    while (true) {
      if (cur != e && emitted.containsKey(cur)) {
        return new Bits(cur, hi, lo); // already a named net
      }
      if (cur instanceof Slice sl) {
        hi += sl.lo();
        lo += sl.lo();
        cur = peel(sl.operand());
      } else if (isTruncate(cur)) {
        cur = peel(((Convert) cur).operand());
      } else {
        return new Bits(cur, hi, lo);
      }
    }
  }

  /**
   * A name read with its operand's signedness where Verilog's meaning depends on it (multiply,
   * arithmetic shift, comparison): {@code $signed(x)} when the net was declared otherwise.
   */
  String typed(Operand o) {
    if (o.kind() == Kind.LITERAL) {
      return o.text();
    }
    if (o.kind() == Kind.EXPR) {
      return o.type().signed() ? "$signed(" + o.text() + ")" : o.text();
    }
    HwType declared = scope.declaredTypes.get(o.text());
    if (declared == null || declared.signed() == o.type().signed()) {
      return o.text();
    }
    return (o.type().signed() ? "$signed(" : "$unsigned(") + o.text() + ")";
  }

  /** The operand as a declared name (a literal gets a temp), for bit selects. */
  Operand named(Expr e) {
    Operand o = operand(e);
    if (o.isName()) {
      return o;
    }
    String t = scope.newTemp(o.type(), hint + (o.kind() == Kind.LITERAL ? "_const" : "_bits"));
    scope.assigns.add("assign " + t + " = " + o.text() + ";");
    Operand n = new Operand(t, o.type(), Kind.NAME);
    emitted.put(e, n);
    return n;
  }

  void useAll(Operand o) {
    if (o.isName()) {
      scope.used.get(o.text()).set(0, o.type().width());
    }
  }

  void useBits(Operand o, int hi, int lo) {
    scope.used.get(o.text()).set(lo, hi + 1);
  }

  /** Operand text extended (by its own signedness) to {@code w} bits. */
  String ext(Expr e, int w) {
    return extended(e, w).text();
  }

  /**
   * The operand extended to {@code w} bits: a bare name (read with its declared signedness) or a
   * literal when no extension is needed, else an unsigned expression text.
   */
  Operand extended(Expr e, int w) {
    Expr bare = peel(e);
    HwType type = new HwType(w, e.signed());
    if (e.width() < w && !emitted.containsKey(bare)) {
      // A zero-extended value widened again: one zero-extension of the original.
      if (bare instanceof Convert c && c.op() == dev.qrtl.core.ConvertOp.EXTEND && !c.operand().signed()
          && !emitted.containsKey(e)) {
        return new Operand(ext(c.operand(), w), type, Kind.EXPR);
      }
    }
    if (e.width() < w && (bare instanceof Slice || isTruncate(bare)) && !(bitsOf(bare).base() instanceof Lit)) {
      // A slice widened: the range of its named base, and the base's bit for the sign.
      Bits b = bitsOf(bare);
      String bits = range(b);
      int k = w - e.width();
      if (!e.signed()) {
        return new Operand("{" + k + "'d0, " + bits + "}", type, Kind.EXPR);
      }
      String msb = named(b.base()).text() + (b.base().width() == 1 ? "" : "[" + b.hi() + "]");
      return new Operand(k == 1 ? "{" + msb + ", " + bits + "}" : "{{" + k + "{" + msb + "}}, " + bits + "}", type, Kind.EXPR);
    }
    if ((e.width() == w || !e.signed()) && inlinable(e)) {
      // At its own width, or zero-extended by a concatenation (whose parts are self-determined).
      String text = inline(e);
      Operand o = emitted.get(e);
      if (!o.isName()) {
        return new Operand(e.width() == w ? text : "{" + (w - e.width()) + "'d0, " + text + "}", type, Kind.EXPR);
      }
    }
    Operand o = operand(e);
    int ow = o.type().width();
    if (ow == w) {
      useAll(o);
      return o;
    }
    if (o.kind() == Kind.LITERAL) {
      Lit l = (Lit) peel(e);
      BigInteger v = o.type().wrap(l.value());
      return new Operand(VerilogLiteral.of(v, type), type, Kind.LITERAL);
    }
    int k = w - ow;
    if (o.kind() == Kind.EXPR) {
      if (!o.type().signed()) {
        return new Operand("{" + k + "'d0, " + o.text() + "}", type, Kind.EXPR);
      }
      o = named(e); // sign extension reads the top bit: the value needs a name
    }
    useAll(o);
    if (o.type().signed()) {
      String msb = ow == 1 ? o.text() : o.text() + "[" + (ow - 1) + "]";
      return new Operand(k == 1 ? "{" + msb + ", " + o.text() + "}" : "{{" + k + "{" + msb + "}}, " + o.text() + "}", type, Kind.EXPR);
    }
    return new Operand("{" + k + "'d0, " + o.text() + "}", type, Kind.EXPR);
  }

  /** Operand extended to {@code w} bits and read as signed when {@code signed}, as a comparison needs. */
  String extSigned(Expr e, int w, boolean signed) {
    Operand o = extended(e, w);
    switch (o.kind()) {
      case NAME:
        return typed(o);
      case LITERAL:
        return o.text(); // re-emitted with the operand's signedness at width w
      default:
        return signed ? "$signed(" + o.text() + ")" : o.text();
    }
  }

  /** A multiplier operand: extended by Verilog to the product's width, so a constant is a bit pattern. */
  String factor(Operand o, Expr e) {
    if (o.kind() != Kind.LITERAL) {
      return typed(o);
    }
    Expr inner = peel(e);
    return VerilogLiteral.pattern(o.type().wrap(((Lit) inner).value()), o.type());
  }

  /** A bit range of a named net as Verilog text. */
  String range(Bits b) {
    Operand o = named(b.base());
    useBits(o, b.hi(), b.lo());
    if (b.lo() == 0 && b.hi() == o.type().width() - 1) {
      return o.text();
    }
    return b.hi() == b.lo() ? o.text() + "[" + b.hi() + "]" : o.text() + "[" + b.hi() + ":" + b.lo() + "]";
  }
}
