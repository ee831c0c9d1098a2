package dev.qrtl.verilog;

import dev.qrtl.core.Expr;
import dev.qrtl.core.HwType;
import dev.qrtl.core.Instance;
import dev.qrtl.core.Lit;
import dev.qrtl.core.Module;
import dev.qrtl.core.Register;
import dev.qrtl.core.Signal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/** Emits the text of one module; see the package documentation for the emission scheme. */
final class ModuleEmitter {
  private final Module module;
  private final ModuleScope scope = new ModuleScope();
  private final Map<Instance, String> instanceNames = new java.util.IdentityHashMap<>();
  private final ExpressionWriter exprs;

  private final Map<Module, java.util.Set<String>> childDeclarations;
  private String sinkName;
  private final EmitOptions options;

  ModuleEmitter(Module module) {
    this(module, Map.of(), EmitOptions.DEFAULT);
  }

  /**
   * {@code childDeclarations}: every name each child module declares (from its own emission), so
   * that no instance is named like a net inside its module (Verilator's VARHIDDEN).
   */
  ModuleEmitter(Module module, Map<Module, java.util.Set<String>> childDeclarations, EmitOptions options) {
    this.module = module;
    this.options = options;
    this.childDeclarations = childDeclarations;
    this.exprs = new ExpressionWriter(module, scope);
  }

  /** {declared wires, of which emitter-named temporaries}; after {@link #emit}. */
  int[] wireCounts() {
    return new int[] {scope.wireDecls.size(), scope.temporaries};
  }

  /** Every name this module's Verilog declares (ports, nets, registers, instances); after {@link #emit}. */
  java.util.Set<String> declaredNames() {
    java.util.Set<String> names = new java.util.HashSet<>(scope.declaredTypes.keySet());
    names.addAll(instanceNames.values());
    if (sinkName != null) {
      names.add(sinkName);
    }
    return names;
  }

  String emit() {
    allocateNames();
    for (Signal w : module.wires()) {
      scope.wireDecls.add(declaration("wire", w.type(), scope.signalNames.get(w)) + locator(w));
    }
    for (Instance inst : module.instances()) {
      for (Signal o : inst.outputs().values()) {
        scope.wireDecls.add(declaration("wire", o.type(), scope.signalNames.get(o)));
      }
    }
    String stage = null;
    for (Map.Entry<Signal, Expr> d : module.drivers().entrySet()) {
      String s = d.getKey().stage().orElse(null);
      if (s != null && !s.equals(stage)) {
        if (!scope.assigns.isEmpty()) {
          scope.assigns.add("");
        }
        scope.assigns.add("// ---- " + s);
        stage = s;
      }
      exprs.assignInto(scope.signalNames.get(d.getKey()), d.getValue());
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

  /** A module's port names (as its generator named them) mapped to the names its Verilog declares. */
  static Map<String, String> portNameMap(Module m) {
    Map<String, String> names = new java.util.HashMap<>();
    List<String> verilog = portNames(m);
    for (int i = 0; i < m.ports().size(); i++) {
      names.put(m.ports().get(i).name(), verilog.get(i));
    }
    return names;
  }

  private void allocateNames() {
    for (Signal p : module.ports()) {
      scope.name(p);
    }
    for (Register r : module.registers()) {
      scope.name(r.q());
    }
    for (Signal w : module.wires()) {
      scope.name(w);
    }
    for (Instance inst : module.instances()) {
      for (Signal o : inst.outputs().values()) {
        scope.name(o);
      }
    }
    // Instances share the module's one namespace with nets (Verilog 2005, 12.1.3): allocated last.
    for (Instance inst : module.instances()) {
      java.util.Set<String> inside = childDeclarations.getOrDefault(inst.module(), java.util.Set.of());
      String n = scope.names.allocate(inst.name());
      while (inside.contains(n)) {
        n = scope.names.allocate(inst.name());
      }
      instanceNames.put(inst, n);
    }
  }

  // ---- registers and instances --------------------------------------------------------------

  /** {declaration, always block}. */
  private String[] registerTexts(Register r) {
    String q = scope.signalNames.get(r.q());
    String d;
    Expr next = r.next();
    if (next instanceof Signal || next instanceof Lit) {
      ExpressionWriter.Operand o = exprs.operand(next);
      exprs.useAll(o);
      d = o.text();
    } else {
      String base = q.endsWith("_q") ? q.substring(0, q.length() - 2) + "_d" : q + "_d";
      d = scope.names.allocate(base);
      scope.track(d, r.q().type());
      scope.wireDecls.add(declaration("wire", r.q().type(), d));
      scope.used.get(d).set(0, r.q().type().width());
      exprs.assignInto(d, next);
    }
    String enable = null;
    if (r.enable().isPresent()) {
      exprs.hint(q.endsWith("_q") ? q.substring(0, q.length() - 2) + "_en" : q + "_en");
      ExpressionWriter.Operand e = exprs.operand(r.enable().get());
      exprs.useAll(e);
      enable = e.text();
    }
    String clk = scope.signalNames.get(module.clock().orElseThrow());
    scope.used.get(clk).set(0);
    StringBuilder sb = new StringBuilder();
    sb.append("always @(posedge ").append(clk).append(") begin\n");
    String inner = "    ";
    if (r.resetValue().isPresent()) {
      String rst = scope.signalNames.get(module.reset().orElseThrow());
      scope.used.get(rst).set(0);
      sb.append(inner).append("if (").append(rst).append(") begin\n");
      sb.append(inner).append("    ").append(q).append(" <= ")
          .append(VerilogLiteral.of(r.resetValue().get(), r.q().type())).append(";\n");
      sb.append(inner).append(enable == null ? "end else begin\n" : "end else if (" + enable + ") begin\n");
    } else if (enable != null) {
      sb.append(inner).append("if (").append(enable).append(") begin\n");
    } else {
      sb.append(inner).append(q).append(" <= ").append(d).append(";\n");
      sb.append("end");
      return new String[] {declaration("reg", r.q().type(), q) + locator(r.q()), sb.toString()};
    }
    sb.append(inner).append("    ").append(q).append(" <= ").append(d).append(";\n");
    sb.append(inner).append("end\n");
    sb.append("end");
    return new String[] {declaration("reg", r.q().type(), q) + locator(r.q()), sb.toString()};
  }

  private List<String> instanceText(Instance inst) {
    List<String> conns = new ArrayList<>();
    Module child = inst.module();
    Map<String, String> childPorts = portNameMap(child); // the names the child's Verilog declares
    child.clock().ifPresent(c -> conns.add("." + childPorts.get(c.name()) + "(" + scope.markUsed(module.clock().orElseThrow()) + ")"));
    child.reset().ifPresent(r -> conns.add("." + childPorts.get(r.name()) + "(" + scope.markUsed(module.reset().orElseThrow()) + ")"));
    for (Map.Entry<String, Expr> in : inst.inputs().entrySet()) {
      exprs.hint(instanceNames.get(inst) + "_" + childPorts.get(in.getKey()));
      ExpressionWriter.Operand o = exprs.operand(in.getValue());
      exprs.useAll(o);
      conns.add("." + childPorts.get(in.getKey()) + "(" + o.text() + ")");
    }
    for (Map.Entry<String, Signal> out : inst.outputs().entrySet()) {
      conns.add("." + childPorts.get(out.getKey()) + "(" + scope.signalNames.get(out.getValue()) + ")");
    }
    List<String> lines = new ArrayList<>();
    lines.add(child.name() + " " + instanceNames.get(inst) + " (");
    for (int i = 0; i < conns.size(); i++) {
      lines.add("    " + conns.get(i) + (i + 1 < conns.size() ? "," : ""));
    }
    lines.add(");");
    return lines;
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
      w.line(dir + typeText(p.type()) + " " + scope.signalNames.get(p) + (i + 1 < ports.size() ? "," : ""));
    }
    w.dedent();
    w.line(");");
    w.indent();
    if (!regBlocks.isEmpty()) {
      w.blank();
      regBlocks.forEach(b -> w.line(b[0]));
    }
    if (!scope.wireDecls.isEmpty()) {
      w.blank();
      scope.wireDecls.forEach(w::line);
    }
    String sink = unusedSink();
    String sinkName = sink == null ? null : scope.names.allocate("unused");
    this.sinkName = sinkName;
    if (sink != null) {
      w.line("wire " + sinkName + ";");
    }
    if (!scope.assigns.isEmpty()) {
      w.blank();
      scope.assigns.forEach(w::line);
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
    module.outputs().forEach(p -> outputs.add(scope.signalNames.get(p)));
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, HwType> e : scope.declaredTypes.entrySet()) {
      String n = e.getKey();
      int width = e.getValue().width();
      if (outputs.contains(n)) {
        continue;
      }
      BitSet u = scope.used.get(n);
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


  /** {@code  // @[Generator.java:57]} with {@code --source-locators}, else nothing. */
  private String locator(Signal s) {
    return options.sourceLocators() ? "  // @[" + s.declaredAt() + "]" : "";
  }

  static String typeText(HwType t) {
    String s = t.signed() ? " signed" : "";
    return t.width() == 1 ? s : s + " [" + (t.width() - 1) + ":0]";
  }

  static String declaration(String kind, HwType t, String n) {
    return kind + typeText(t) + " " + n + ";";
  }
}
