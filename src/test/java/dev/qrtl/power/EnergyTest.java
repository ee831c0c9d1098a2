package dev.qrtl.power;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.core.HwType;
import dev.qrtl.core.Module;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.core.Signal;
import dev.qrtl.synth.SynthMode;
import dev.qrtl.synth.SynthResult;
import dev.qrtl.synth.SynthRunner;
import dev.qrtl.synth.TechLibraries;
import dev.qrtl.synth.YosysNetlist;
import dev.qrtl.testing.ToolGate;
import dev.qrtl.verilog.DesignWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Activity-based energy per operation (zero-delay toggles) on the embedded default library. */
@Tag("tools")
class EnergyTest {
  private static final int OPS = 4000;

  @TempDir Path dir;

  /** a op b, both operands and the result registered: one operation per clock. */
  static Module registered(String name, boolean multiply) {
    ModuleBuilder m = new ModuleBuilder(name).latency(2);
    Signal a = m.input("a", HwType.u(8));
    Signal b = m.input("b", HwType.u(8));
    Signal aq = m.reg("a_q", HwType.u(8));
    Signal bq = m.reg("b_q", HwType.u(8));
    m.next(aq, a);
    m.next(bq, b);
    HwType outType = HwType.u(multiply ? 16 : 9);
    Signal y = m.reg("y_q", outType);
    m.next(y, multiply ? aq.mul(bq) : aq.add(bq));
    m.assign(m.output("y", outType), y);
    return m.build();
  }

  private double energyPerOp(Module m, LongSupplier operand) throws Exception {
    return energyPerOp(m, operand, GateSimulator.Timing.ZERO_DELAY);
  }

  private double energyPerOp(Module m, LongSupplier operand, GateSimulator.Timing timing) throws Exception {
    var tech = TechLibraries.resolve("default", null);
    SynthResult r = SynthRunner.run(DesignWriter.write(m, "example", null, dir), tech, SynthMode.FLAT, Duration.ofMinutes(10));
    YosysNetlist net = YosysNetlist.parse(Files.readString(Path.of(r.netlistDir(), "netlist.json")), "netlist");
    GateSimulator g = new GateSimulator(net, m.name(), tech.library(), timing);
    for (int i = 0; i < 10; i++) {
      g.set("a", operand.getAsLong()).set("b", operand.getAsLong()).clock();
    }
    g.resetCounts();
    for (int i = 0; i < OPS; i++) {
      g.set("a", operand.getAsLong()).set("b", operand.getAsLong()).clock();
    }
    Energy e = g.energy(1.0);
    System.out.printf("%s %s: %.4f pJ/op (combinational %.4f, registers+clock %.4f, leakage %.5f) over %d ops%n",
        m.name(), timing, e.totalPj() / OPS, e.combinationalPj() / OPS, e.sequentialPj() / OPS, e.leakagePj() / OPS, OPS);
    return e.totalPj() / OPS;
  }

  @Test
  void registeredAdderEnergyGrowsWithActivity() throws Exception {
    ToolGate.require("yosys");
    SplittableRandom rnd = new SplittableRandom(3);
    double quiet = energyPerOp(registered("reg_add8", false), () -> 0);
    double busy = energyPerOp(registered("reg_add8", false), () -> rnd.nextInt(256));
    assertTrue(quiet > 0, "the clock still costs energy");
    assertTrue(busy > quiet * 1.5, "random operands cost more than zeros: " + busy + " vs " + quiet);
  }

  @Test
  void aMultiplierCostsMoreThanAnAdderOfTheSameWidth() throws Exception {
    ToolGate.require("yosys");
    SplittableRandom rnd = new SplittableRandom(4);
    double add = energyPerOp(registered("reg_add8", false), () -> rnd.nextInt(256));
    double mul = energyPerOp(registered("reg_mul8", true), () -> rnd.nextInt(256));
    assertTrue(mul > add, "8x8 multiply " + mul + " pJ > 8-bit add " + add + " pJ");
  }

  /** Glitches: with cell delays a multiplier switches more than at zero delay, an adder's registers do not change. */
  @Test
  void delaysAddGlitchEnergyToAMultiplier() throws Exception {
    ToolGate.require("yosys");
    double zero = energyPerOp(registered("reg_mul8", true), new SplittableRandom(5)::nextLong, GateSimulator.Timing.ZERO_DELAY);
    double timed = energyPerOp(registered("reg_mul8", true), new SplittableRandom(5)::nextLong, GateSimulator.Timing.DELAYS);
    assertTrue(timed > zero * 1.1, "glitches in an 8x8 multiplier: delays " + timed + " pJ vs zero-delay " + zero + " pJ");
  }
}
