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
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Emits the text of one module; see the package documentation for the emission scheme. */
final class ModuleEmitter {
  /** An operand as it appears in an expression: a declared name or a literal. */
  private record Operand(String text, HwType type, boolean isName) {}

  private final Module module;
  private final NameAllocator names = new NameAllocator();
  private final Map<Signal, String> signalNames = new IdentityHashMap<>();
  private final Map<Expr, Operand> emitted = new IdentityHashMap<>();
  private final Map<String, HwType> declaredTypes = new LinkedHashMap<>();
  private final Map<String, BitSet> used = new LinkedHashMap<>();
  private final List<String> wireDecls = new ArrayList<>();
  private final List<String> assigns = new ArrayList<>();
  private final Renderer renderer = new Renderer();
  private final Map<Expr, Integer> uses = new IdentityHashMap<>();
  private int tempCount;

  ModuleEmitter(Module module) {
    this.module = module;
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

  String emit() {
    countUses();
    allocateNames();
    for (Signal w : module.wires()) {
      wireDecls.add(declaration("wire", w.type(), signalNames.get(w)));
    }
    for (Instance inst : module.instances()) {
      for (Signal o : inst.outputs().values()) {
        wireDecls.add(declaration("wire", o.type(), signalNames.get(o)));
      }
    }
    for (Map.Entry<Signal, Expr> d : module.drivers().entrySet()) {
      assignInto(signalNames.get(d.getKey()), d.getValue());
    }
    List<String[]> regBlocks = new ArrayList<>();
    for (Register r : module.registers()) {
      regBlocks.add(registerTexts(r));
    }
    List<List<String>> instanceTexts = new ArrayList<>();
    for (Instance inst : module.instances()) {
      instanceTexts.add(instanceText(inst));
    }
    return assemble(regBlocks, instanceTexts);
  }

  // ---- names --------------------------------------------------------------------------------

  /**
   * The Verilog names of a module's ports, in port order: the first names its allocator hands
   * out, so they equal the names {@link #emit} declares (a keyword {@code reg} becomes {@code reg_}).
   */
  static java.util.List<String> portNames(Module m) {
    NameAllocator a = new NameAllocator();
    return m.ports().stream().map(p -> a.allocate(p.name())).toList();
  }

  private void allocateNames() {
    for (Signal p : module.ports()) {
      name(p);
    }
    for (Register r : module.registers()) {
      name(r.q());
    }
    for (Signal w : module.wires()) {
      name(w);
    }
    for (Instance inst : module.instances()) {
      for (Signal o : inst.outputs().values()) {
        name(o);
      }
    }
  }

  private void name(Signal s) {
    String n = names.allocate(s.name());
    signalNames.put(s, n);
    track(n, s.type());
  }

  private void track(String n, HwType t) {
    declaredTypes.put(n, t);
    used.put(n, new BitSet(t.width()));
  }

  private String newTemp(HwType t) {
    String n = names.allocate("t" + tempCount++);
    track(n, t);
    wireDecls.add(declaration("wire", t, n));
    return n;
  }

  // ---- expressions --------------------------------------------------------------------------

  private void assignInto(String target, Expr e) {
    assigns.add("assign " + target + " = " + rhs(e) + ";");
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
  private Operand operand(Expr e) {
    Operand known = emitted.get(e);
    if (known != null) {
      return known;
    }
    Operand o;
    if (e instanceof Signal s) {
      o = new Operand(signalNames.get(s), s.type(), true);
    } else if (e instanceof Lit l) {
      o = new Operand(VerilogLiteral.of(l.value(), l.type()), l.type(), false);
    } else {
      String text = e.accept(renderer);
      String t = newTemp(e.type());
      assigns.add("assign " + t + " = " + text + ";");
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
    String t = newTemp(o.type());
    assigns.add("assign " + t + " = " + o.text() + ";");
    Operand n = new Operand(t, o.type(), true);
    emitted.put(e, n);
    return n;
  }

  private void useAll(Operand o) {
    if (o.isName()) {
      used.get(o.text()).set(0, o.type().width());
    }
  }

  private void useBits(Operand o, int hi, int lo) {
    used.get(o.text()).set(lo, hi + 1);
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

  // ---- registers and instances --------------------------------------------------------------

  /** {declaration, always block}. */
  private String[] registerTexts(Register r) {
    String q = signalNames.get(r.q());
    String d;
    Expr next = r.next();
    if (next instanceof Signal || next instanceof Lit) {
      Operand o = operand(next);
      useAll(o);
      d = o.text();
    } else {
      String base = q.endsWith("_q") ? q.substring(0, q.length() - 2) + "_d" : q + "_d";
      d = names.allocate(base);
      track(d, r.q().type());
      wireDecls.add(declaration("wire", r.q().type(), d));
      used.get(d).set(0, r.q().type().width());
      assignInto(d, next);
    }
    String enable = null;
    if (r.enable().isPresent()) {
      Operand e = operand(r.enable().get());
      useAll(e);
      enable = e.text();
    }
    String clk = signalNames.get(module.clock().orElseThrow());
    used.get(clk).set(0);
    StringBuilder sb = new StringBuilder();
    sb.append("always @(posedge ").append(clk).append(") begin\n");
    String inner = "    ";
    if (r.resetValue().isPresent()) {
      String rst = signalNames.get(module.reset().orElseThrow());
      used.get(rst).set(0);
      sb.append(inner).append("if (").append(rst).append(") begin\n");
      sb.append(inner).append("    ").append(q).append(" <= ")
          .append(VerilogLiteral.of(r.resetValue().get(), r.q().type())).append(";\n");
      sb.append(inner).append(enable == null ? "end else begin\n" : "end else if (" + enable + ") begin\n");
    } else if (enable != null) {
      sb.append(inner).append("if (").append(enable).append(") begin\n");
    } else {
      sb.append(inner).append(q).append(" <= ").append(d).append(";\n");
      sb.append("end");
      return new String[] {declaration("reg", r.q().type(), q), sb.toString()};
    }
    sb.append(inner).append("    ").append(q).append(" <= ").append(d).append(";\n");
    sb.append(inner).append("end\n");
    sb.append("end");
    return new String[] {declaration("reg", r.q().type(), q), sb.toString()};
  }

  private List<String> instanceText(Instance inst) {
    List<String> conns = new ArrayList<>();
    Module child = inst.module();
    child.clock().ifPresent(c -> conns.add("." + c.name() + "(" + markUsed(module.clock().orElseThrow()) + ")"));
    child.reset().ifPresent(r -> conns.add("." + r.name() + "(" + markUsed(module.reset().orElseThrow()) + ")"));
    for (Map.Entry<String, Expr> in : inst.inputs().entrySet()) {
      Operand o = operand(in.getValue());
      useAll(o);
      conns.add("." + in.getKey() + "(" + o.text() + ")");
    }
    for (Map.Entry<String, Signal> out : inst.outputs().entrySet()) {
      conns.add("." + out.getKey() + "(" + signalNames.get(out.getValue()) + ")");
    }
    List<String> lines = new ArrayList<>();
    lines.add(child.name() + " " + NameAllocator.sanitize(inst.name()) + " (");
    for (int i = 0; i < conns.size(); i++) {
      lines.add("    " + conns.get(i) + (i + 1 < conns.size() ? "," : ""));
    }
    lines.add(");");
    return lines;
  }

  private String markUsed(Signal s) {
    String n = signalNames.get(s);
    used.get(n).set(0, s.type().width());
    return n;
  }

  // ---- assembly -----------------------------------------------------------------------------

  private String assemble(List<String[]> regBlocks, List<List<String>> instanceTexts) {
    CodeWriter w = new CodeWriter();
    HeaderComment.write(w, module);
    w.line("`default_nettype none").blank();
    List<Signal> ports = module.ports();
    w.line("module " + module.name() + " (");
    w.indent();
    for (int i = 0; i < ports.size(); i++) {
      Signal p = ports.get(i);
      String dir = p.kind() == dev.qrtl.core.SignalKind.INPUT ? "input  wire" : "output wire";
      w.line(dir + typeText(p.type()) + " " + signalNames.get(p) + (i + 1 < ports.size() ? "," : ""));
    }
    w.dedent();
    w.line(");");
    w.indent();
    if (!regBlocks.isEmpty()) {
      w.blank();
      regBlocks.forEach(b -> w.line(b[0]));
    }
    if (!wireDecls.isEmpty()) {
      w.blank();
      wireDecls.forEach(w::line);
    }
    String sink = unusedSink();
    String sinkName = sink == null ? null : names.allocate("unused");
    if (sink != null) {
      w.line("wire " + sinkName + ";");
    }
    if (!assigns.isEmpty()) {
      w.blank();
      assigns.forEach(w::line);
    }
    for (String[] b : regBlocks) {
      w.blank();
      for (String line : b[1].split("\n", -1)) {
        w.line(line);
      }
    }
    for (List<String> inst : instanceTexts) {
      w.blank();
      inst.forEach(w::line);
    }
    if (sink != null) {
      w.blank();
      w.line("// Bits no logic reads, gathered so lint tools see them used on purpose.");
      w.line("assign " + sinkName + " = " + sink + ";");
    }
    w.dedent();
    w.line("endmodule").blank();
    w.line("`default_nettype wire");
    return w.toString();
  }

  /** The reduction over every unread bit, or null when every bit is read. */
  private String unusedSink() {
    java.util.Set<String> outputs = new java.util.HashSet<>();
    module.outputs().forEach(p -> outputs.add(signalNames.get(p)));
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, HwType> e : declaredTypes.entrySet()) {
      String n = e.getKey();
      int width = e.getValue().width();
      if (outputs.contains(n)) {
        continue;
      }
      BitSet u = used.get(n);
      int i = u.nextClearBit(0);
      while (i < width) {
        int end = Math.min(u.nextSetBit(i) < 0 ? width : u.nextSetBit(i), width);
        if (width == 1) {
          parts.add(n);
        } else if (end - 1 == i) {
          parts.add(n + "[" + i + "]");
        } else if (i == 0 && end == width) {
          parts.add(n);
        } else {
          parts.add(n + "[" + (end - 1) + ":" + i + "]");
        }
        i = u.nextClearBit(end);
      }
    }
    if (parts.isEmpty()) {
      return null;
    }
    return "&{1'b0, " + String.join(", ", parts) + "}";
  }


  static String typeText(HwType t) {
    String s = t.signed() ? " signed" : "";
    return t.width() == 1 ? s : s + " [" + (t.width() - 1) + ":0]";
  }

  private static String declaration(String kind, HwType t, String n) {
    return kind + typeText(t) + " " + n + ";";
  }
}
