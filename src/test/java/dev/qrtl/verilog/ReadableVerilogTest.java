package dev.qrtl.verilog;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.core.Instance;
import dev.qrtl.core.Module;
import dev.qrtl.kind.DefaultDesigns;
import dev.qrtl.kind.GeneratedDesign;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The default designs read like hand RTL: at most 20 % of the declared wires carry a name the
 * emitter made up (the rest are named by the generator), no wire is a plain copy of another
 * ({@code assign a = b;}), no slice of a slice, and negative constants are written as such.
 */
class ReadableVerilogTest {
  private static final Pattern COPY = Pattern.compile("assign (\\w+) = (\\w+);");
  private static final Pattern WIRE = Pattern.compile("^\\s*wire(?: signed)?(?: \\[\\d+:0\\])? (\\w+);", Pattern.MULTILINE);

  @Test
  void defaultDesignsHaveFewGeneratedNamesAndNoCopies() {
    int wires = 0;
    int temps = 0;
    int requantWires = 0;
    int requantTemps = 0;
    List<String> copies = new ArrayList<>();
    List<String> report = new ArrayList<>();
    for (GeneratedDesign d : DefaultDesigns.all()) {
      for (Module m : modules(d.module())) {
        ModuleEmitter e = new ModuleEmitter(m);
        String text = e.emit();
        int[] c = e.wireCounts();
        wires += c[0];
        temps += c[1];
        if (m.name().startsWith("requant_")) {
          requantWires += c[0];
          requantTemps += c[1];
        }
        report.add(String.format(Locale.ROOT, "%s %d/%d", m.name(), c[1], c[0]));
        Set<String> declaredWires = new LinkedHashSet<>();
        Matcher w = WIRE.matcher(text);
        while (w.find()) {
          declaredWires.add(w.group(1));
        }
        Matcher a = COPY.matcher(text);
        while (a.find()) {
          if (declaredWires.contains(a.group(1)) && declaredWires.contains(a.group(2))) {
            copies.add(m.name() + ": " + a.group());
          }
        }
        assertTrue(!text.contains("'sh1ffffff80"), m.name() + " writes -128 as a bit pattern");
      }
    }
    double share = temps / (double) wires;
    System.out.printf(Locale.ROOT, "readable Verilog: %d of %d declared wires named by the emitter (%.1f %%); the requantizers alone %d of"
        + " %d (%.1f %%); %s%n", temps, wires, 100 * share, requantTemps, requantWires, 100.0 * requantTemps / requantWires,
        String.join(", ", report));
    assertTrue(copies.isEmpty(), "wires that copy another: " + copies);
    assertTrue(share <= 0.20, "more than 20 % generated names: " + temps + " of " + wires);
  }

  private static List<Module> modules(Module top) {
    Map<Module, Boolean> seen = new IdentityHashMap<>();
    List<Module> out = new ArrayList<>();
    java.util.ArrayDeque<Module> todo = new java.util.ArrayDeque<>(List.of(top));
    while (!todo.isEmpty()) {
      Module m = todo.pop();
      if (seen.put(m, true) == null) {
        out.add(m);
        for (Instance i : m.instances()) {
          todo.push(i.module());
        }
      }
    }
    return out;
  }
}
