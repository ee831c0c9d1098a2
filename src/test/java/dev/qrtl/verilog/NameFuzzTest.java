package dev.qrtl.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.core.Expr;
import dev.qrtl.core.HwType;
import dev.qrtl.core.InstanceBuilder;
import dev.qrtl.core.Module;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.core.Signal;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.PortSpec;
import dev.qrtl.manifest.VerilogNames;
import dev.qrtl.sim.VerilogPorts;
import dev.qrtl.testing.ToolGate;
import dev.qrtl.tools.LintResult;
import dev.qrtl.tools.Linter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random hierarchies whose names are chosen to break an emitter: Verilog-2005 and SystemVerilog
 * keywords (ports included, as in {@code .reg(u0)}), names equal up to case, names of generated
 * temporaries ({@code t3}, {@code unused}, {@code x_1}), instance names equal to wire names, and
 * names with {@code $} or other characters no identifier may hold. Module names stay legal simple
 * identifiers. 500 hierarchies, 50 per file: each file passes the three linters with no warning,
 * and every module's manifest ports equal the ports its Verilog declares (verilator --xml-only).
 */
@Tag("tools")
class NameFuzzTest {
  private static final long SEED = 20261215L;
  private static final int HIERARCHIES = 500;
  private static final int PER_FILE = 50;
  private static final List<String> KEYWORDS = VerilogNames.KEYWORDS.stream().sorted().toList();
  private static final String[] TEMPS = {"t0", "t1", "t2", "t3", "t17", "unused", "x_1", "n_1", "clk", "rst", "u0", "u1", "q", "acc_q"};
  private static final String[] ODD = {"a$b", "$x", "w$", "1abc", "a b", "tab\tname", "x-y", "_", "__", "é"};
  private static final String[] PLAIN = {"a", "A", "sum", "Sum", "SUM", "reg_", "Reg", "REG", "wire_", "t", "T0"};

  @TempDir Path dir;

  @Test
  void randomHierarchiesLintCleanAndManifestsNameTheVerilogPorts() {
    ToolGate.require("verilator", "iverilog", "yosys");
    System.out.println("name fuzz: seed " + SEED + ", " + HIERARCHIES + " hierarchies, " + PER_FILE + " per file");
    Random rnd = new Random(SEED);
    int modulesChecked = 0;
    for (int batch = 0; batch < HIERARCHIES / PER_FILE; batch++) {
      List<Module> all = new ArrayList<>();
      Module top = batch(rnd, batch, all);
      Path out = dir.resolve("b" + batch);
      Manifest m = dev.qrtl.manifest.ManifestIo.read(DesignWriter.write(top, "example", null, out));
      List<Path> files = m.files().stream().map(out::resolve).toList();
      for (LintResult r : Linter.lintAll(files, m.top())) {
        assertTrue(r.clean(), r.tool() + " warns on batch " + batch + " (seed " + SEED + "):\n" + r.messages());
      }
      Map<String, Map<String, PortSpec>> declared = VerilogPorts.readAll(top.name(), files, all.stream().map(Module::name).toList());
      for (Module mod : all) {
        Map<String, PortSpec> expected = new LinkedHashMap<>();
        DesignWriter.manifest(mod, VerilogEmitter.emit(mod), "example", null).ports().forEach(p -> expected.put(p.name(), p));
        assertEquals(expected, declared.get(mod.name()), "ports of " + mod.name() + " (batch " + batch + ", seed " + SEED + ")");
        modulesChecked++;
      }
      assertEquals(m.ports().stream().map(PortSpec::name).toList(), List.copyOf(declared.get(top.name()).keySet()));
    }
    System.out.println("name fuzz: " + modulesChecked + " modules, 0 lint warnings, every manifest equals its Verilog ports");
  }

  private static Module batch(Random rnd, int b, List<Module> all) {
    ModuleBuilder m = new ModuleBuilder("fuzz_batch_" + b).description("name-fuzz batch " + b);
    Signal x0 = m.input("x0", HwType.u(8));
    Signal x1 = m.input("x1", HwType.u(8));
    for (int i = 0; i < PER_FILE; i++) {
      Module h = hierarchy(rnd, "h" + b + "_" + i, all);
      InstanceBuilder ib = m.instance(anyName(rnd), h);
      boolean first = true;
      for (Signal p : h.ports()) {
        if (p.kind() == dev.qrtl.core.SignalKind.INPUT && !p.name().equals("clk") && !p.name().equals("rst")) {
          ib.in(p.name(), fit(first ? x0 : x1, p.width()));
          first = !first;
        }
      }
      Signal o = h.ports().stream().filter(p -> p.kind() == dev.qrtl.core.SignalKind.OUTPUT).findFirst().orElseThrow();
      m.assign(m.output("y" + i, o.type()), ib.out(o.name()));
      for (Signal p : h.ports()) {
        if (p.kind() == dev.qrtl.core.SignalKind.OUTPUT && p != o) {
          m.assign(m.output("y" + i + "_" + p.width() + "_" + all.size() + "_" + Math.abs(p.name().hashCode() % 1000), p.type()), ib.out(p.name()));
        }
      }
    }
    Module top = m.build();
    all.add(top);
    return top;
  }

  /** A parent with fuzzed port, wire and instance names over one to three fuzzed children. */
  private static Module hierarchy(Random rnd, String name, List<Module> all) {
    ModuleBuilder m = new ModuleBuilder(name);
    List<String> portNames = distinct(rnd, 2 + rnd.nextInt(2), true);
    List<Expr> values = new ArrayList<>();
    for (int i = 0; i < portNames.size() - 1; i++) {
      values.add(m.input(portNames.get(i), HwType.u(1 + rnd.nextInt(8))));
    }
    int children = 1 + rnd.nextInt(3);
    for (int c = 0; c < children; c++) {
      Module child = child(rnd, name + "_c" + c);
      all.add(child);
      // Sometimes an instance named like a wire, a keyword or another instance's output net.
      InstanceBuilder ib = m.instance(rnd.nextInt(4) == 0 ? "u0" : anyName(rnd), child);
      for (Signal p : child.ports()) {
        if (p.kind() == dev.qrtl.core.SignalKind.INPUT && p != child.clock().orElse(null)) {
          ib.in(p.name(), fit(values.get(rnd.nextInt(values.size())), p.width()));
        }
      }
      for (Signal p : child.ports()) {
        if (p.kind() == dev.qrtl.core.SignalKind.OUTPUT) {
          Expr v = ib.out(p.name());
          values.add(rnd.nextBoolean() ? m.wire(anyName(rnd), v.xor(fit(values.get(0), v.width()))) : v);
        }
      }
    }
    Expr sum = values.get(0);
    for (int i = 1; i < values.size(); i++) {
      sum = fit(sum, 8).xor(fit(values.get(i), 8));
    }
    m.assign(m.output(portNames.get(portNames.size() - 1), HwType.u(8)), fit(sum, 8));
    Module h = m.build();
    all.add(h);
    return h;
  }

  /** A leaf: fuzzed ports, wires and sometimes a register, all read. */
  private static Module child(Random rnd, String name) {
    ModuleBuilder m = new ModuleBuilder(name);
    List<String> portNames = distinct(rnd, 3 + rnd.nextInt(2), true);
    int inputs = portNames.size() - 1 - rnd.nextInt(2);
    List<Expr> ins = new ArrayList<>();
    for (int i = 0; i < inputs; i++) {
      ins.add(m.input(portNames.get(i), HwType.u(1 + rnd.nextInt(8))));
    }
    Expr v = ins.get(0);
    for (int i = 1; i < ins.size(); i++) {
      Expr next = fit(ins.get(i), v.width());
      v = rnd.nextBoolean() ? m.wire(anyName(rnd), v.xor(next)) : v.add(next).truncate(v.width());
    }
    if (rnd.nextInt(3) == 0) {
      Signal r = m.reg(anyName(rnd), v.type());
      m.next(r, v);
      v = r;
    }
    for (int o = inputs; o < portNames.size(); o++) {
      Signal out = m.output(portNames.get(o), HwType.u(1 + rnd.nextInt(8)));
      m.assign(out, fit(o == inputs ? v : v.not(), out.width()));
    }
    return m.build();
  }

  private static Expr fit(Expr e, int width) {
    Expr u = e.signed() ? e.asUnsigned() : e;
    return u.width() >= width ? u.truncate(width) : u.extend(width);
  }

  /** n distinct names; ports draw from keywords, case variants, temporaries and plain words only. */
  private static List<String> distinct(Random rnd, int n, boolean port) {
    Set<String> seen = new HashSet<>();
    List<String> out = new ArrayList<>();
    while (out.size() < n) {
      String s = port ? portName(rnd) : anyName(rnd);
      if (!s.equals("clk") && !s.equals("rst") && seen.add(s)) {
        out.add(s);
      }
    }
    return out;
  }

  private static String portName(Random rnd) {
    return switch (rnd.nextInt(4)) {
      case 0 -> KEYWORDS.get(rnd.nextInt(KEYWORDS.size()));
      case 1 -> upper(rnd, KEYWORDS.get(rnd.nextInt(KEYWORDS.size())));
      case 2 -> TEMPS[rnd.nextInt(TEMPS.length)];
      default -> PLAIN[rnd.nextInt(PLAIN.length)];
    };
  }

  private static String anyName(Random rnd) {
    return rnd.nextInt(5) == 0 ? ODD[rnd.nextInt(ODD.length)] : portName(rnd);
  }

  private static String upper(Random rnd, String s) {
    return rnd.nextBoolean() ? s.toUpperCase(Locale.ROOT) : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
