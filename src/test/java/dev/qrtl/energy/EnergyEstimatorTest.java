package dev.qrtl.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.kind.Designs;
import dev.qrtl.spec.MacArraySpec;
import dev.qrtl.spec.MacForm;
import dev.qrtl.spec.OutputSpec;
import dev.qrtl.spec.Rounding;
import dev.qrtl.spec.ShiftRoundSpec;
import dev.qrtl.spec.UnifiedSpec;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.synth.SynthMode;
import dev.qrtl.synth.SynthResult;
import dev.qrtl.synth.SynthRunner;
import dev.qrtl.synth.TechLibraries;
import dev.qrtl.testing.ToolGate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The energy estimator on a requantizer and on a hierarchical tile design, both golden-checked at gate level. */
@Tag("tools")
class EnergyEstimatorTest {
  @TempDir Path dir;

  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  @Test
  void requantizerEstimateIsReproducibleAndItsIntervalShrinksWithMoreOperations() {
    ToolGate.require("yosys");
    var tech = TechLibraries.resolve("default", null);
    Path manifest = Designs.write(new ShiftRoundSpec(24, new OutputSpec(8, true, true, true),
        Rounding.HALF_EVEN, OptionalInt.empty(), true, 0, false), dir);
    Manifest m = ManifestIo.read(manifest);
    SynthResult s = SynthRunner.run(manifest, tech, SynthMode.FLAT, TIMEOUT);
    EnergyOptions small = new EnergyOptions(1000, 7, Stimulus.parse("products:k=32"), OptionalDouble.empty(), 256, 25);
    EnergyReport a = EnergyEstimator.measure(manifest, m, s, tech.library(), small);
    EnergyReport b = EnergyEstimator.measure(manifest, m, s, tech.library(), small);
    assertEquals(a.delays(), b.delays(), "same seed, same energy");
    assertEquals(a.zeroDelay(), b.zeroDelay());
    assertEquals(1000, a.gateLevelChecks(), "every requantization compared with the golden model");
    EnergyReport large = EnergyEstimator.measure(manifest, m, s, tech.library(), small.withOperations(16_000));
    System.out.printf("shift-round 24->8 relu bias, products:k=32 seed 7: %.4f +- %.4f pJ (1000 ops), %.4f +- %.4f pJ (16000 ops)%n",
        a.delays().totalPj(), a.delays().ci95Pj(), large.delays().totalPj(), large.delays().ci95Pj());
    assertTrue(large.delays().ci95Pj() < a.delays().ci95Pj(), "16x the operations: a narrower interval");
    assertTrue(Math.abs(large.delays().totalPj() - a.delays().totalPj()) < 3 * a.delays().ci95Pj() + large.delays().ci95Pj(),
        "the small run's mean lies near the large run's");
    assertEquals(s.criticalPathNs(), a.clockNs(), 1e-12, "the clock defaults to the critical path");
  }

  /**
   * A run split across threads (each its own stretch of batches, from the record before it) gives
   * the figures of a run on one thread, to the last bit: the model counts events, and counts add
   * exactly. tflite-double 32 -> 8 (deep, glitchy logic), 3,000 operations of products:k=64, seed
   * 11, 20 batches: one thread, two and three stretches.
   */
  @Test
  void splitRunsGiveTheFiguresOfOneThreadBitForBit() {
    ToolGate.require("yosys");
    var tech = TechLibraries.resolve("default", null);
    Path manifest = Designs.write(new dev.qrtl.spec.TfliteSpec(32, new OutputSpec(8, true, false, true), false, OptionalInt.empty(),
        OptionalInt.empty(), java.util.OptionalLong.empty(), false, 0), dir);
    Manifest m = ManifestIo.read(manifest);
    SynthResult s = SynthRunner.run(manifest, tech, SynthMode.FLAT, TIMEOUT);
    EnergyOptions o = new EnergyOptions(3000, 11, Stimulus.parse("products:k=64"), OptionalDouble.empty(), 256, 20);
    EnergyReport one = EnergyEstimator.measure(manifest, m, s, tech.library(), o, 1);
    for (int threads : new int[] {2, 3}) {
      EnergyReport split = EnergyEstimator.measure(manifest, m, s, tech.library(), o, threads);
      assertEquals(one.delays(), split.delays(), threads + " stretches, with delays");
      assertEquals(one.zeroDelay(), split.zeroDelay(), threads + " stretches, zero delay");
      assertEquals(3000, split.gateLevelChecks(), "every record checked once");
    }
    assertTrue(one.delays().totalPj() > one.zeroDelay().totalPj(), "glitches cost energy: " + one.delays() + " vs " + one.zeroDelay());
  }

  /**
   * The bit-parallel simulators against the event simulators on the same records, every figure
   * equal to the last bit: a combinational requantizer (64 consecutive records a word), a
   * requantizer with two register stages and a 4x4 unified module on tiles of K = 40 (64
   * stretches a word, each warmed up until its registers are those the stretch before it left:
   * the tiles' accumulators need more than the first warm-up of 16 records).
   */
  @Test
  void bitParallelFiguresAreTheEventSimulatorsToTheLastBit() {
    ToolGate.require("yosys");
    var tech = TechLibraries.resolve("default", null);
    MacArraySpec arr = new MacArraySpec(4, 4, 8, true, 8, true, 40, OptionalInt.empty(), MacForm.SYSTOLIC, 1, true, false);
    var unified = new UnifiedSpec(arr, new ShiftRoundSpec(arr.accBits(), new OutputSpec(8, true, true, true), Rounding.HALF_UP,
        OptionalInt.empty(), true, 0, false));
    var comb = new ShiftRoundSpec(24, new OutputSpec(8, true, true, true), Rounding.HALF_EVEN, OptionalInt.empty(), true, 0, false);
    var staged = new ShiftRoundSpec(32, new OutputSpec(8, true, false, true), Rounding.HALF_UP, OptionalInt.empty(), false, 2, false);
    int n = 0;
    for (dev.qrtl.spec.DesignSpec spec : List.<dev.qrtl.spec.DesignSpec>of(comb, staged, unified)) {
      Path manifest = Designs.write(spec, dir.resolve("d" + n++));
      Manifest m = ManifestIo.read(manifest);
      SynthResult s = SynthRunner.run(manifest, tech, spec == unified ? SynthMode.HIER : SynthMode.FLAT, TIMEOUT);
      EnergyOptions o = new EnergyOptions(spec == unified ? 1600 : 3000, 5, Stimulus.parse("products:k=40"), OptionalDouble.empty(), 256, 20);
      long fallbacks = EnergyEstimator.FALLBACKS.get();
      EnergyReport words = EnergyEstimator.measure(manifest, m, s, tech.library(), o);
      assertEquals(fallbacks, EnergyEstimator.FALLBACKS.get(), "the stretches reproduced one run's registers (no fallback)");
      EnergyReport events = EnergyEstimator.measureOnEventSimulators(manifest, m, s, tech.library(), o);
      assertEquals(events.zeroDelay(), words.zeroDelay(), m.top() + ", zero delay");
      assertEquals(events.delays(), words.delays(), m.top() + ", with delays");
      assertEquals(events.gateLevelChecks(), words.gateLevelChecks(), m.top());
      System.out.printf("%s: %d operations, zero delay %.6f pJ, with delays %.6f pJ per %s from both; %.2f s bit-parallel, %.2f s events%n",
          m.top(), words.operations(), words.zeroDelay().totalPj(), words.delays().totalPj(), words.operation(), words.seconds(),
          events.seconds());
    }
  }

  /**
   * Zero delay with registers split into groups of batches, one per thread: the figures of one
   * thread to the last bit, and no fallback to the event simulator (every group's first round
   * started with the registers the group before it ended with). A 4x4 unified module on tiles of
   * K = 40 (about 47 records a tile), seed 5: 1,600 operations in 20 batches and 400 in 40 batches
   * of about 29 records (a round's stretches one record long, its warm-up longer than them).
   */
  @Test
  void zeroDelayGroupsGiveTheFiguresOfOneThreadBitForBit() {
    ToolGate.require("yosys");
    var tech = TechLibraries.resolve("default", null);
    MacArraySpec arr = new MacArraySpec(4, 4, 8, true, 8, true, 40, OptionalInt.empty(), MacForm.SYSTOLIC, 1, true, false);
    var unified = new UnifiedSpec(arr, new ShiftRoundSpec(arr.accBits(), new OutputSpec(8, true, true, true), Rounding.HALF_UP,
        OptionalInt.empty(), true, 0, false));
    Path manifest = Designs.write(unified, dir.resolve("groups"));
    Manifest m = ManifestIo.read(manifest);
    SynthResult s = SynthRunner.run(manifest, tech, SynthMode.HIER, TIMEOUT);
    for (int[] run : new int[][] {{1600, 20}, {400, 40}}) {
      EnergyOptions o = new EnergyOptions(run[0], 5, Stimulus.parse("products:k=40"), OptionalDouble.empty(), 256, run[1]);
      EnergyReport one = EnergyEstimator.measure(manifest, m, s, tech.library(), o, 1);
      for (int threads : new int[] {2, 3}) {
        long fallbacks = EnergyEstimator.FALLBACKS.get();
        EnergyReport split = EnergyEstimator.measure(manifest, m, s, tech.library(), o, threads);
        assertEquals(fallbacks, EnergyEstimator.FALLBACKS.get(), run[0] + " operations, " + threads + " groups: no fallback");
        assertEquals(one.zeroDelay(), split.zeroDelay(), run[0] + " operations, " + threads + " groups, zero delay");
        assertEquals(one.delays(), split.delays(), run[0] + " operations, " + threads + " groups, with delays");
        assertEquals(one.gateLevelChecks(), split.gateLevelChecks(), "every record checked once");
      }
    }
  }

  /**
   * A tile longer than the warm-up of a split run with delays (512 records): a 2x2 MAC array on
   * tiles of up to K = 2,304, 400 operations (100 tiles, about 120,000 records), seed 3 (before
   * the fix: "disagrees with the golden model at record 62250"). The second stretch
   * starts mid-tile with its accumulators not yet those of one run in order, so its first outputs
   * disagree with the golden model; that is no fault of the netlist (found by `network
   * --mac-array`, which threw it): the stretch is played again with more warm-up, and the figures
   * are one thread's, to the last bit.
   */
  @Test
  void aTileLongerThanTheWarmUpIsPlayedAgainNotReported() {
    ToolGate.require("yosys");
    var tech = TechLibraries.resolve("default", null);
    MacArraySpec arr = new MacArraySpec(2, 2, 8, false, 8, true, 2304, OptionalInt.empty(), MacForm.SYSTOLIC, 1, true, false);
    Path manifest = Designs.write(arr, dir.resolve("long-tiles"));
    Manifest m = ManifestIo.read(manifest);
    SynthResult s = SynthRunner.run(manifest, tech, SynthMode.FLAT, TIMEOUT);
    EnergyOptions o = new EnergyOptions(400, 3, Stimulus.parse("products:k=2304"), OptionalDouble.empty(), 256, 25);
    EnergyReport one = EnergyEstimator.measure(manifest, m, s, tech.library(), o, 1);
    EnergyReport two = EnergyEstimator.measure(manifest, m, s, tech.library(), o, 2);
    assertEquals(one.delays(), two.delays(), "with delays");
    assertEquals(one.zeroDelay(), two.zeroDelay(), "zero delay");
    assertEquals(one.gateLevelChecks(), two.gateLevelChecks(), "every record checked once");
  }

  /**
   * {@code --delay-ops}: with delays over the first 1,000 of 4,000 operations is the with-delays
   * figure of a 1,000-operation run (same records, same batches), to the last bit (a combinational
   * unit: one record per operation; a pipelined one adds drain records at the end); the zero-delay
   * figure is the 4,000-operation run's; every record is still checked.
   */
  @Test
  void delayPrefixIsTheShortRunsFigure() {
    ToolGate.require("yosys");
    var tech = TechLibraries.resolve("default", null);
    Path manifest = Designs.write(new ShiftRoundSpec(32, new OutputSpec(8, true, false, true), Rounding.HALF_UP, OptionalInt.empty(), false,
        0, false), dir);
    Manifest m = ManifestIo.read(manifest);
    SynthResult s = SynthRunner.run(manifest, tech, SynthMode.FLAT, TIMEOUT);
    EnergyOptions all = new EnergyOptions(4000, 9, Stimulus.parse("products:k=64"), OptionalDouble.empty(), 256, 20);
    EnergyReport prefix = EnergyEstimator.measure(manifest, m, s, tech.library(), all.withDelayOperations(1000));
    EnergyReport shortRun = EnergyEstimator.measure(manifest, m, s, tech.library(), all.withOperations(1000));
    EnergyReport full = EnergyEstimator.measure(manifest, m, s, tech.library(), all);
    assertEquals(shortRun.delays(), prefix.delays(), "with delays: the first 1,000 operations");
    assertEquals(full.zeroDelay(), prefix.zeroDelay(), "zero delay: all 4,000");
    assertEquals(1000, prefix.delayOperations());
    assertEquals(full.gateLevelChecks(), prefix.gateLevelChecks(), "every record checked by one simulator or the other");
  }

  @Test
  void hierarchicalTileDesignIsExpandedCheckedAndSplitByModule() {
    ToolGate.require("yosys");
    var tech = TechLibraries.resolve("default", null);
    MacArraySpec arr = new MacArraySpec(2, 2, 8, true, 8, true, 8, OptionalInt.empty(), MacForm.SYSTOLIC, 1, true, false);
    var spec = new UnifiedSpec(arr, new ShiftRoundSpec(arr.accBits(), new OutputSpec(8, true, true, true), Rounding.HALF_UP,
        OptionalInt.empty(), true, 0, false));
    Path manifest = Designs.write(spec, dir);
    Manifest m = ManifestIo.read(manifest);
    SynthResult s = SynthRunner.run(manifest, tech, SynthMode.HIER, TIMEOUT);
    EnergyReport e = EnergyEstimator.measure(manifest, m, s, tech.library(),
        new EnergyOptions(400, 3, Stimulus.parse("products:k=8"), OptionalDouble.empty(), 1024, 10));
    System.out.println(e.toText());
    assertEquals("output value", e.operation());
    assertTrue(e.gateLevelChecks() >= 400, "every output of every tile compared with the golden model: " + e.gateLevelChecks());
    assertTrue(e.delays().sequentialPj() > 0, "the array's registers and clock cost energy");
    assertTrue(e.delays().byGroupPj().keySet().stream().anyMatch(k -> k.startsWith("mac_array")), e.delays().byGroupPj().toString());
    assertTrue(e.delays().byGroupPj().keySet().stream().anyMatch(k -> k.startsWith("requant_")), e.delays().byGroupPj().toString());
    double sum = e.delays().byGroupPj().values().stream().mapToDouble(Double::doubleValue).sum();
    assertEquals(e.delays().totalPj(), sum, 1e-9 * sum, "the split adds up");
  }
}
