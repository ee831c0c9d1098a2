package dev.qrtl.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.core.ExprPrinter;
import dev.qrtl.core.HwType;
import dev.qrtl.core.Module;
import dev.qrtl.eval.IrSimulator;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.testing.RandomCircuits;
import dev.qrtl.testing.SideBySide;
import dev.qrtl.testing.ToolGate;
import dev.qrtl.tools.LintResult;
import dev.qrtl.tools.Linter;
import dev.qrtl.verilog.DesignWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential fuzzing of the whole DSL-to-Verilog path: seeded random circuits (widths 1..70,
 * signed and unsigned, with registers, resets and enables) are evaluated by the IR evaluator and
 * by Verilator on the same random inputs for many cycles, and every output of every cycle must
 * agree bit for bit. All circuits sit in one wrapper so Verilator builds once.
 */
@Tag("tools")
class FuzzDifferentialTest {
  private static final long SEED = Long.getLong("qrtl.fuzz.seed", 20261128L);
  private static final int CIRCUITS = Integer.getInteger("qrtl.fuzz.circuits", 500);
  private static final int CYCLES = Integer.getInteger("qrtl.fuzz.cycles", 48);

  @TempDir Path dir;

  @Test
  void irEvaluatorAndVerilatorAgreeOnRandomCircuits() {
    ToolGate.require("verilator", "iverilog", "yosys");
    RandomCircuits gen = new RandomCircuits(SEED);
    List<Module> circuits = new ArrayList<>();
    for (int i = 0; i < CIRCUITS; i++) {
      circuits.add(gen.next("fuzz_c" + i));
    }
    Module top = SideBySide.wrap("fuzz_top", circuits);
    Path manifestPath = DesignWriter.write(top, "fuzz", null, dir);
    Manifest manifest = ManifestIo.read(manifestPath);
    List<Path> files = manifest.files().stream().map(dir::resolve).toList();
    for (LintResult r : Linter.lintAll(files, manifest.top())) {
      // Random logic can be constant in ways only Verilator's constant propagation sees
      // (x < (y ^ y & z)...); real generators do not build such logic, and those two
      // warnings say nothing about whether the Verilog means what the IR means.
      List<String> real = r.messages().lines()
          .filter(l -> l.startsWith("%Warning") || l.startsWith("%Error"))
          .filter(l -> !l.startsWith("%Warning-UNSIGNED") && !l.startsWith("%Warning-CMPCONST"))
          .filter(l -> !l.startsWith("%Error: Exiting due to"))
          .toList();
      boolean clean = r.tool().equals("verilator") ? real.isEmpty() : r.clean();
      assertTrue(clean, r.tool() + " is not clean on the fuzz corpus:\n" + r.messages());
    }

    TextSimulator sim = TextSimulator.build(manifest, dir);
    IrSimulator ir = new IrSimulator(top);
    Random stim = new Random(SEED ^ 0x5eed);
    List<String> lines = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int cycle = 0; cycle < CYCLES; cycle++) {
      StringBuilder in = new StringBuilder();
      for (var p : manifest.dataInputs()) {
        HwType t = new HwType(p.width(), p.signed());
        BigInteger pattern = p.name().equals(manifest.reset())
            ? BigInteger.valueOf(cycle == 0 || stim.nextInt(16) == 0 ? 1 : 0)
            : RandomCircuits.randomPattern(stim, t);
        ir.poke(p.name(), t.wrap(pattern));
        in.append(in.length() == 0 ? "" : " ").append(pattern.toString(16));
      }
      StringBuilder out = new StringBuilder();
      for (var p : manifest.outputs()) {
        HwType t = new HwType(p.width(), p.signed());
        out.append(out.length() == 0 ? "" : " ").append(t.pattern(ir.peek(p.name())).toString(16));
      }
      lines.add(in.toString());
      expected.add(out.toString());
      ir.step();
    }
    List<String> actual = sim.run(lines, Duration.ofMinutes(5));

    List<String> outNames = manifest.outputs().stream().map(p -> p.name()).toList();
    int mismatches = 0;
    StringBuilder report = new StringBuilder();
    for (int cycle = 0; cycle < CYCLES; cycle++) {
      String[] e = expected.get(cycle).split(" ");
      String[] a = actual.get(cycle).split(" ");
      for (int k = 0; k < e.length; k++) {
        if (!e[k].equals(a[k])) {
          if (mismatches++ < 5) {
            String port = outNames.get(k);
            int circuit = Integer.parseInt(port.substring(1, port.indexOf('_')));
            Module c = circuits.get(circuit);
            String name = port.substring(port.indexOf('_') + 1);
            report.append("cycle ").append(cycle).append(" port ").append(port)
                .append(": IR ").append(e[k]).append(", Verilator ").append(a[k])
                .append("\n  driver: ").append(ExprPrinter.print(c.drivers().get(c.port(name)), 400)).append('\n');
          }
        }
      }
    }
    System.out.printf("differential fuzz: %d circuits x %d cycles, %d output ports, seed %d: %d mismatches%n",
        CIRCUITS, CYCLES, outNames.size(), SEED, mismatches);
    assertEquals(0, mismatches, report.toString());
  }
}
