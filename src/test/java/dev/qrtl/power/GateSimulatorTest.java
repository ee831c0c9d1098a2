package dev.qrtl.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.golden.OutputRange;
import dev.qrtl.golden.ShiftRoundModel;
import dev.qrtl.golden.TfliteModel;
import dev.qrtl.kind.Designs;
import dev.qrtl.scheme.Schemes;
import dev.qrtl.spec.OutputSpec;
import dev.qrtl.spec.Rounding;
import dev.qrtl.spec.ShiftRoundSpec;
import dev.qrtl.spec.TfliteSpec;
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
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mapped netlist, simulated gate by gate from the library's cell functions, still computes
 * the golden model: a check of synthesis itself, and the basis of switching-activity estimates.
 */
@Tag("tools")
class GateSimulatorTest {
  private static final long SEED = 99;

  @TempDir Path dir;

  private GateSimulator simulate(dev.qrtl.core.Module m, TechLibraries.Resolved tech) throws Exception {
    return simulate(m, tech, GateSimulator.Timing.ZERO_DELAY);
  }

  private GateSimulator simulate(dev.qrtl.core.Module m, TechLibraries.Resolved tech, GateSimulator.Timing timing) throws Exception {
    SynthResult r = SynthRunner.run(DesignWriter.write(m, "quantizer", null, dir), tech, SynthMode.FLAT, Duration.ofMinutes(10));
    YosysNetlist net = YosysNetlist.parse(Files.readString(Path.of(r.netlistDir(), "netlist.json")), "netlist");
    return new GateSimulator(net, m.name(), tech.library(), timing);
  }

  private static long signExtend(long v, int bits) {
    return (v << (64 - bits)) >> (64 - bits);
  }

  @Test
  void mappedShiftRoundWithPipelineMatchesTheGoldenModel() throws Exception {
    ToolGate.require("yosys");
    OutputSpec s8 = new OutputSpec(8, true, true, true);
    var spec = new ShiftRoundSpec(16, s8, Rounding.HALF_EVEN, OptionalInt.empty(), true, 1, false);
    var tech = TechLibraries.fromFile(dev.qrtl.testing.TechFiles.nangate45());
    GateSimulator g = simulate(Schemes.generate(spec), tech);
    assertTrue(g.flopCount() > 0, "the pipeline register is in the netlist");
    SplittableRandom rnd = new SplittableRandom(SEED);
    OutputRange r = new OutputRange(8, true, true, true);
    long previous = Long.MIN_VALUE;
    int vectors = 20_000;
    for (int i = 0; i < vectors; i++) {
      long acc = rnd.nextInt(1 << 16) - (1 << 15);
      long bias = rnd.nextInt(1 << 16) - (1 << 15);
      int k = rnd.nextInt(16);
      g.set("acc", acc).set("bias", bias).set("shift", k).clock();
      if (previous != Long.MIN_VALUE) {
        assertEquals(previous, signExtend(g.get("q"), 8), "vector " + i);
      }
      previous = ShiftRoundModel.requantize(acc, bias, k, Rounding.HALF_EVEN, r);
    }
    System.out.printf("gate-level shift-round 16->8 on NanGate45: %d vectors, seed %d, %d gates, %d flops%n",
        vectors, SEED, g.gateCount(), g.flopCount());
  }

  /** Both timing models must settle to the golden value; the delay model sees at least as many transitions. */
  @Test
  void mappedTfliteOnTheDefaultLibraryMatchesTheGoldenModel() throws Exception {
    ToolGate.require("yosys");
    long zeroDelayToggles = tflite(GateSimulator.Timing.ZERO_DELAY);
    long timedToggles = tflite(GateSimulator.Timing.DELAYS);
    System.out.printf("tflite-double 32->8 (16-bit accumulators), 5000 vectors seed %d: %d transitions at zero delay, %d with cell delays%n",
        SEED, zeroDelayToggles, timedToggles);
    assertTrue(timedToggles > zeroDelayToggles, "a multiplier glitches");
  }

  private long tflite(GateSimulator.Timing timing) throws Exception {
    OutputSpec s8 = new OutputSpec(8, true, false, true);
    // the 32-bit unit, as energyModelsSeeConsistentEvents (one synthesis for both), fed 16-bit accumulators
    var spec = new TfliteSpec(32, s8, false, OptionalInt.empty(), OptionalInt.empty(), OptionalLong.empty(), false, 0);
    GateSimulator g = simulate(Schemes.generate(spec), TechLibraries.resolve("default", null), timing);
    SplittableRandom rnd = new SplittableRandom(SEED);
    OutputRange r = new OutputRange(8, true, false, true);
    for (int i = 0; i < 5_000; i++) {
      long acc = rnd.nextInt(1 << 16) - (1 << 15);
      int m0 = (1 << 30) + rnd.nextInt(1 << 30);
      int shift = -rnd.nextInt(20);
      long zp = rnd.nextInt(256) - 128;
      g.set("acc", acc).set("m0", m0).set("shift", shift).set("zero_point", zp).eval();
      assertEquals(TfliteModel.requantize(acc, 0, m0, shift, zp, false, r), signExtend(g.get("q"), 8), timing + " vector " + i);
    }
    return g.totalToggles();
  }

  @Test
  void switchingGrowsWithInputActivity() throws Exception {
    ToolGate.require("yosys");
    var spec = new ShiftRoundSpec(16, new OutputSpec(8, true, false, true), Rounding.HALF_UP, OptionalInt.of(6), false, 0, false);
    GateSimulator quiet = simulate(Schemes.generate(spec), TechLibraries.resolve("default", null));
    GateSimulator busy = simulate(Schemes.generate(spec), TechLibraries.resolve("default", null));
    SplittableRandom rnd = new SplittableRandom(SEED);
    for (int i = 0; i < 2000; i++) {
      quiet.set("acc", 0).eval();
      busy.set("acc", rnd.nextInt(1 << 16) - (1 << 15)).eval();
    }
    assertEquals(0, quiet.totalToggles(), "constant inputs switch nothing");
    assertTrue(busy.totalToggles() > 10_000, "random inputs switch many nets: " + busy.totalToggles());
  }

  /**
   * The energy-model seam: a model that only records events sees every transition the simulator
   * makes, each consistent with its gate's function at the reported input values (the output
   * rises exactly when the truth table says 1), in time order per net, at zero delay at time 0.
   */
  @Test
  void energyModelsSeeConsistentEvents() throws Exception {
    ToolGate.require("yosys");
    OutputSpec s8 = new OutputSpec(8, true, false, true);
    // 32 bits, the comparison's own unit (often cached by then; Yosys's ABC takes 29 s on it, 67 s on the 16-bit one)
    var spec = new TfliteSpec(32, s8, false, OptionalInt.empty(), OptionalInt.empty(), OptionalLong.empty(), false, 0);
    var tech = TechLibraries.resolve("default", null);
    SynthResult r = SynthRunner.run(Designs.write(spec, dir), tech, SynthMode.FLAT, Duration.ofMinutes(10));
    YosysNetlist net = YosysNetlist.parse(Files.readString(Path.of(r.netlistDir(), "netlist.json")), "netlist");
    Elaboration e = new Elaboration(net, spec.moduleName(), tech.library());
    for (GateSimulator.Timing timing : GateSimulator.Timing.values()) {
      long[] counts = new long[3];
      double[] lastTime = new double[e.netCount()];
      EnergyModel recorder = new EnergyModel() {
        @Override
        public void transition(int gate, double timeNs, boolean rising, int cause, double slew, int row) {
          Elaboration.Gate g = e.gates[gate];
          assertEquals(((g.truthTable() >>> row) & 1) != 0, rising, "the output follows the gate's function");
          assertTrue(timing == GateSimulator.Timing.DELAYS ? timeNs > 0 : timeNs == 0, "time " + timeNs);
          assertTrue(timeNs >= lastTime[g.output()], "transitions of a net come in time order");
          lastTime[g.output()] = timeNs;
          assertTrue(cause >= -1 && cause < g.inputs().length);
          counts[0]++;
        }

        @Override
        public void sourceTransition(int n, boolean rising) {
          counts[1]++;
        }

        @Override
        public void clockEdge() {}

        @Override
        public void evaluation() {
          counts[2]++;
          java.util.Arrays.fill(lastTime, 0);
        }

        @Override
        public java.util.Map<String, Energy> energyByGroup(double clockNs) {
          return java.util.Map.of();
        }

        @Override
        public void reset() {}
      };
      GateSimulator g = new GateSimulator(e, timing, recorder);
      SplittableRandom rnd = new SplittableRandom(SEED);
      for (int i = 0; i < 1000; i++) {
        g.set("acc", rnd.nextInt(1 << 16) - (1 << 15)).set("m0", (1 << 30) + rnd.nextInt(1 << 30)).set("shift", -rnd.nextInt(20))
            .set("zero_point", rnd.nextInt(256) - 128).eval();
      }
      assertEquals(1000, counts[2]);
      assertEquals(g.totalToggles(), counts[0] + counts[1], timing + ": every transition reaches the model");
      assertTrue(counts[0] > 10_000, timing + ": " + counts[0]);
      System.out.printf("energy-model seam, tflite-double 32->8 (16-bit accumulators), %s: %d gate transitions, %d input changes in 1000 evaluations (seed %d)%n",
          timing, counts[0], counts[1], SEED);
    }
  }
}
