package dev.qrtl.energy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.core.HwType;
import dev.qrtl.core.Module;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.core.Signal;
import dev.qrtl.power.GateSimulator;
import dev.qrtl.synth.SynthMode;
import dev.qrtl.synth.SynthResult;
import dev.qrtl.synth.SynthRunner;
import dev.qrtl.synth.TechLibraries;
import dev.qrtl.testing.ToolGate;
import dev.qrtl.verilog.DesignWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calibration table of docs/energy.md: 8- and 32-bit adders and multipliers (combinational,
 * unsigned, uniformly random operands) synthesized on NanGate45 and priced by qrtl, printed
 * beside Horowitz's 45 nm figures. The assertions are about order, not about matching: the
 * published numbers are never a target.
 */
@Tag("tools")
class CalibrationTest {
  private static final int OPS = 4000;
  private static final long SEED = 45;

  @TempDir Path dir;

  static Module op(String name, int bits, boolean multiply) {
    ModuleBuilder m = new ModuleBuilder(name);
    Signal a = m.input("a", HwType.u(bits));
    Signal b = m.input("b", HwType.u(bits));
    m.assign(m.output("y", HwType.u(multiply ? 2 * bits : bits + 1)), multiply ? a.mul(b) : a.add(b));
    return m.build();
  }

  /** {area, zero-delay pJ, delay-aware pJ} per operation. */
  private double[] price(Module m, int bits, TechLibraries.Resolved tech) {
    SynthResult r = SynthRunner.run(DesignWriter.write(m, "example", null, dir), tech, SynthMode.FLAT, Duration.ofMinutes(10));
    var net = EnergyEstimator.netlist(r, m.name());
    double[] out = {r.areaUm2(), 0, 0};
    for (GateSimulator.Timing t : GateSimulator.Timing.values()) {
      GateSimulator g = new GateSimulator(net, m.name(), tech.library(), t);
      SplittableRandom rnd = new SplittableRandom(SEED);
      long mask = (1L << bits) - 1;
      for (int i = 0; i < OPS; i++) {
        g.set("a", rnd.nextLong() & mask).set("b", rnd.nextLong() & mask).eval();
      }
      out[t == GateSimulator.Timing.ZERO_DELAY ? 1 : 2] = g.energy(r.criticalPathNs()).totalPj() / OPS;
    }
    return out;
  }

  @Test
  void addersAndMultipliersBesideThePublishedFigures() {
    ToolGate.require("yosys");
    var tech = TechLibraries.fromFile(OpenStaPowerTest.NANGATE);
    Map<String, double[]> rows = new LinkedHashMap<>();
    Map<String, Double> horowitz = Map.of("add8", 0.03, "add32", 0.1, "mul8", 0.2, "mul32", 3.1);
    rows.put("add8", price(op("cal_add8", 8, false), 8, tech));
    rows.put("add32", price(op("cal_add32", 32, false), 32, tech));
    rows.put("mul8", price(op("cal_mul8", 8, true), 8, tech));
    rows.put("mul32", price(op("cal_mul32", 32, true), 32, tech));
    System.out.printf("calibration on %s (%.2f V), %d uniformly random operand pairs, seed %d, clock = critical path%n",
        tech.library().name(), tech.library().voltage(), OPS, SEED);
    System.out.println("| operation | area um^2 | qrtl zero-delay pJ | qrtl with delays pJ | Horowitz 45 nm 0.9 V pJ | qrtl (delays) / Horowitz |");
    for (var e : rows.entrySet()) {
      double[] v = e.getValue();
      System.out.printf("| %s | %.1f | %.4f | %.4f | %.2f | %.1fx |%n", e.getKey(), v[0], v[1], v[2], horowitz.get(e.getKey()),
          v[2] / horowitz.get(e.getKey()));
    }
    assertTrue(rows.get("add32")[2] > rows.get("add8")[2] * 2, "a 32-bit add costs more than an 8-bit one");
    assertTrue(rows.get("mul8")[2] > rows.get("add8")[2] * 2, "an 8-bit multiply costs more than an 8-bit add");
    assertTrue(rows.get("mul32")[2] > rows.get("mul8")[2] * 8, "multiplier cost grows faster than linearly in the width");
    for (var e : rows.entrySet()) {
      double ratio = e.getValue()[2] / horowitz.get(e.getKey());
      assertTrue(ratio > 0.2 && ratio < 20, e.getKey() + " within an order of magnitude of the published figure: " + ratio);
      assertTrue(e.getValue()[2] >= e.getValue()[1], "delays only add switching");
    }
  }
}
