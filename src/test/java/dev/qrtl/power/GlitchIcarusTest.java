package dev.qrtl.power;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.manifest.PortSpec;
import dev.qrtl.synth.SynthMode;
import dev.qrtl.synth.SynthResult;
import dev.qrtl.synth.SynthRunner;
import dev.qrtl.synth.TechLibraries;
import dev.qrtl.synth.YosysNetlist;
import dev.qrtl.testing.Golden;
import dev.qrtl.testing.Netlists;
import dev.qrtl.testing.TechFiles;
import dev.qrtl.testing.ToolGate;
import dev.qrtl.verilog.DesignWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The glitches of qrtl's delay-aware simulation against an event-driven simulation of the same
 * netlist in Icarus Verilog ({@code -gspecify}): every cell instance becomes a module computing
 * its Liberty function with a {@code specify} path delay per arc - the library's rise and fall
 * delay at the instance's load and its input's propagated transition, wire delay included, as
 * static timing computes them - and both simulators see the same 1,000 operations of uniformly
 * random inputs (seed printed), one operation per period long enough to settle. Transitions of
 * the cells' outputs per operation must agree within 10 % on a 16x16 multiplier and on the
 * tflite-double requantizer (NanGate45). The remaining difference is explained in docs/energy.md:
 * qrtl uses one delay per input (the mean of the rise and fall delays) and removes pulses shorter
 * than the cell's fastest input delay; Icarus's path delays differ by edge and it filters pulses
 * shorter than the path delay the edge would take.
 */
@Tag("tools")
class GlitchIcarusTest {
  private static final int OPS = 1000;
  private static final long SEED = 20261215;
  @TempDir Path dir;

  @Test
  void transitionsPerOperationAgreeWithAnEventDrivenSimulation() throws Exception {
    ToolGate.require("yosys", "iverilog", "vvp");
    var tech = TechLibraries.fromFile(TechFiles.nangate45());
    List<String> failures = new ArrayList<>();
    for (Path manifest : List.of(DesignWriter.write(Netlists.multiplier16(), "example", null, dir.resolve("mul")),
        Golden.projectRoot().resolve("rtl-out/requant_tflite_double_a32_q8s_mrt_srt_zrt.json"))) {
      Manifest m = ManifestIo.read(manifest);
      SynthResult r = SynthRunner.run(manifest, tech, SynthMode.FLAT, Duration.ofMinutes(10));
      YosysNetlist net = YosysNetlist.parse(Files.readString(Path.of(r.netlistDir(), "netlist.json")), "netlist");
      Elaboration e = new Elaboration(net, m.top(), tech.library(), r.conditions());
      double period = Math.ceil(r.criticalPathNs() * 2 + 1);
      long[][] stimulus = stimulus(m.inputs(), new SplittableRandom(SEED));
      double qrtl = qrtlTransitions(e, m.inputs(), stimulus);
      double icarus = icarusTransitions(e, m, stimulus, period);
      double rel = qrtl / icarus - 1;
      System.out.printf(Locale.ROOT, "glitches, %s on NanGate45, %d operations (seed %d): qrtl %.1f cell-output transitions per operation,"
          + " Icarus -gspecify %.1f (%+.1f %%); zero delay would give %.1f%n", m.top(), OPS, SEED, qrtl, icarus, 100 * rel,
          zeroDelayTransitions(e, m.inputs(), stimulus));
      if (Math.abs(rel) > 0.10) {
        failures.add(m.top() + String.format(Locale.ROOT, " %+.1f %%", 100 * rel));
      }
    }
    assertTrue(failures.isEmpty(), "transitions per operation more than 10 % from Icarus's: " + failures);
  }

  private static long[][] stimulus(List<PortSpec> inputs, SplittableRandom rnd) {
    long[][] s = new long[OPS + 1][inputs.size()];
    for (long[] op : s) {
      for (int i = 0; i < op.length; i++) {
        int w = inputs.get(i).width();
        op[i] = w >= 64 ? rnd.nextLong() : rnd.nextLong() & ((1L << w) - 1);
      }
    }
    return s;
  }

  private static double count(Elaboration e, List<PortSpec> inputs, long[][] stimulus, GateSimulator.Timing timing) {
    long[] n = {0};
    EnergyModel counter = new EnergyModel() {
      @Override
      public void transition(int gate, double timeNs, boolean rising, int cause, double slew, int row) {
        n[0]++;
      }

      @Override
      public void sourceTransition(int net, boolean rising) {}

      @Override
      public void clockEdge() {}

      @Override
      public void evaluation() {}

      @Override
      public Map<String, Energy> energyByGroup(double clockNs) {
        return Map.of();
      }

      @Override
      public void reset() {
        n[0] = 0;
      }
    };
    GateSimulator g = new GateSimulator(e, timing, counter);
    for (int k = 0; k < stimulus.length; k++) {
      for (int i = 0; i < inputs.size(); i++) {
        g.set(inputs.get(i).name(), stimulus[k][i]);
      }
      g.eval();
      if (k == 0) {
        g.resetCounts(); // the first operation leaves the reset state; both simulators skip it
      }
    }
    return (double) n[0] / OPS;
  }

  private static double qrtlTransitions(Elaboration e, List<PortSpec> inputs, long[][] stimulus) {
    return count(e, inputs, stimulus, GateSimulator.Timing.DELAYS);
  }

  private static double zeroDelayTransitions(Elaboration e, List<PortSpec> inputs, long[][] stimulus) {
    return count(e, inputs, stimulus, GateSimulator.Timing.ZERO_DELAY);
  }

  /** The same operations in Icarus ({@link dev.qrtl.energy.IcarusGateLevel}): the cells' output changes per operation. */
  private double icarusTransitions(Elaboration e, Manifest m, long[][] stimulus, double periodNs) {
    dev.qrtl.energy.IcarusGateLevel.Result r = dev.qrtl.energy.IcarusGateLevel.run(e, m.inputs(), m.outputs(), stimulus, periodNs, dir, Duration.ofMinutes(10));
    return (double) r.cellOutputChanges() / OPS;
  }
}
