package dev.qrtl.bench;

import dev.qrtl.energy.EnergyEstimator;
import dev.qrtl.energy.EnergyOptions;
import dev.qrtl.energy.EnergyReport;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.kind.Designs;
import dev.qrtl.spec.OutputSpec;
import dev.qrtl.spec.Rounding;
import dev.qrtl.spec.ShiftRoundSpec;
import dev.qrtl.spec.TfliteSpec;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.synth.SynthMode;
import dev.qrtl.synth.SynthResult;
import dev.qrtl.synth.SynthRunner;
import dev.qrtl.synth.TechLibraries;
import dev.qrtl.util.Lifecycle;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The energy estimator's cost: wall time per operation of one gate-level run (both timing
 * models, every output checked against the golden model, the cache bypassed) on shift-round and
 * tflite-double 32 -> 8 on the embedded default library, best of several rounds after a warm-up
 * (the synthesis is cached and not timed); then, on the same netlists and the same random inputs,
 * each simulator alone in gate evaluations per second on one thread: at zero delay the event
 * simulator with the library model and the bit-parallel one (issue 30), whose energies must agree
 * (the run stops otherwise), and the event simulator with delays; then the Icarus flow.
 */
public final class EnergyBenchmark {
  private EnergyBenchmark() {}

  public static void run(long ops, int rounds, PrintWriter out) {
    Path dir;
    try {
      dir = Lifecycle.scratchDirectory(null, "qrtl-bench-energy");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    OutputSpec s8 = new OutputSpec(8, true, false, true);
    var tech = TechLibraries.resolve("default", null);
    out.printf("energy estimation, %d operations per run, best of %d rounds after a warm-up, on %s:%n", ops, rounds, tech.library().name());
    for (var spec : List.of(new ShiftRoundSpec(32, s8, Rounding.HALF_UP, OptionalInt.empty(), false, 0, false),
        new TfliteSpec(32, s8, false, OptionalInt.empty(), OptionalInt.empty(), OptionalLong.empty(), false, 0))) {
      Path manifest = Designs.write(spec, dir.resolve(spec.moduleName()));
      Manifest m = ManifestIo.read(manifest);
      SynthResult s = SynthRunner.run(manifest, tech, SynthMode.FLAT, Duration.ofMinutes(30));
      EnergyOptions o = EnergyOptions.of(ops, 1, Stimulus.parse(EnergyOptions.DEFAULT_STIMULUS), OptionalDouble.empty(), 1024);
      EnergyEstimator.measure(manifest, m, s, tech.library(), o.withOperations(Math.max(10L * o.batches(), ops / 10))); // ten per batch at least
      double best = Double.MAX_VALUE;
      EnergyReport r = null;
      for (int i = 0; i < rounds; i++) {
        long t0 = System.nanoTime();
        r = EnergyEstimator.measure(manifest, m, s, tech.library(), o);
        best = Math.min(best, (System.nanoTime() - t0) / 1e9);
      }
      out.printf("  %-50s %6d cells  %8.2f us/operation (%.2f s per run)  %.4f pJ with delays%n", m.top(), s.cells(), best / ops * 1e6,
          best, r.delays().totalPj());
      var netlist = EnergyEstimator.netlist(s, m.top());
      zeroDelay(m.top(), new dev.qrtl.power.Elaboration(netlist, m.top(), tech.library()), ops, rounds, out);
      icarus(m, s, new dev.qrtl.power.Elaboration(netlist, m.top(), tech.library(), s.conditions()), Math.min(ops, ICARUS_OPS),
          dir.resolve(spec.moduleName() + "-icarus"), out);
    }
  }

  /** Operations of the Icarus comparison at most (its VCD grows by about 100 kB per operation of the tflite unit). */
  static final long ICARUS_OPS = 2000;

  /**
   * The flow a user would otherwise run, on the same netlist and the same {@code n} operations of
   * uniformly random inputs: Icarus Verilog at gate level with the cells' delays, dumping every
   * net to a VCD ({@link dev.qrtl.energy.IcarusGateLevel}; Debian 12's OpenSTA 2.0.17 has no
   * {@code read_vcd} or {@code read_saif}, so the power step that would read it is not timed),
   * against qrtl's two simulations priced (with delays: the event simulator, one thread; zero
   * delay: the bit-parallel one). One run each, after the warm-up of the runs above.
   */
  static void icarus(Manifest m, SynthResult s, dev.qrtl.power.Elaboration e, long n, Path dir, PrintWriter out) {
    try {
      java.nio.file.Files.createDirectories(dir);
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
    var inputs = m.inputs();
    long[][] stimulus = new long[(int) n + 1][inputs.size()];
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(30);
    for (long[] op : stimulus) {
      for (int i = 0; i < op.length; i++) {
        int w = inputs.get(i).width();
        op[i] = w >= 64 ? rnd.nextLong() : rnd.nextLong() & ((1L << w) - 1);
      }
    }
    long t0 = System.nanoTime();
    var model = new dev.qrtl.power.LibertyEnergyModel(e);
    var timed = new dev.qrtl.power.GateSimulator(e, dev.qrtl.power.GateSimulator.Timing.DELAYS, model);
    var words = new dev.qrtl.power.BitParallelZeroDelay(e, model.sibling());
    int lane = 0;
    for (int k = 0; k < stimulus.length; k++) {
      for (int i = 0; i < inputs.size(); i++) {
        timed.set(inputs.get(i).name(), stimulus[k][i]);
        words.set(inputs.get(i).name(), lane, stimulus[k][i]);
      }
      timed.eval();
      if (k == 0) {
        timed.resetCounts(); // the first operation leaves the reset state, as in Icarus's VCD
      }
      if (++lane == 64 || k == stimulus.length - 1) {
        words.evaluate(lane);
        lane = 0;
      }
    }
    double qrtl = (System.nanoTime() - t0) / 1e9;
    double period = Math.ceil(s.criticalPathNs() * 2 + 1);
    var r = dev.qrtl.energy.IcarusGateLevel.run(e, inputs, m.outputs(), stimulus, period, dir, Duration.ofMinutes(30));
    double icarus = r.compileSeconds() + r.simulateSeconds();
    out.printf("    against Icarus Verilog %s at gate level (-gspecify, VCD of every net), %d operations: Icarus %.2f s (compile %.2f s,"
        + " simulate %.2f s, VCD %.1f MB, %.0f cell-output transitions/op); qrtl with delays and at zero delay, priced, %.3f s (%.0f"
        + " transitions/op with delays): %.0fx faster%n", dev.qrtl.sim.IcarusCosim.toolVersion(), n, icarus, r.compileSeconds(),
        r.simulateSeconds(), r.vcdBytes() / 1e6, (double) r.cellOutputChanges() / n, qrtl, (double) timed.totalToggles() / n,
        icarus / qrtl);
    try {
      java.nio.file.Files.deleteIfExists(r.vcd()); // large; nothing reads it again
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
  }

  /**
   * The zero-delay simulators alone: {@code ops} operations of uniform random inputs through the
   * event simulator with the library model, and through the bit-parallel evaluator priced by the
   * same model's tables; best of {@code rounds} each after a warm-up.
   */
  static void zeroDelay(String top, dev.qrtl.power.Elaboration e, long ops, int rounds, PrintWriter out) {
    double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
    double[] energy = new double[2];
    for (int round = -1; round < rounds; round++) {
      long n = round < 0 ? Math.max(64, ops / 10) : ops;
      var model = new dev.qrtl.power.LibertyEnergyModel(e);
      var events = new dev.qrtl.power.GateSimulator(e, dev.qrtl.power.GateSimulator.Timing.ZERO_DELAY, model);
      var words = new dev.qrtl.power.BitParallelZeroDelay(e, new dev.qrtl.power.LibertyEnergyModel(e));
      String[] ports = words.inputs().keySet().toArray(new String[0]);
      long[][] values = new long[(int) n][ports.length];
      java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
      for (long[] v : values) {
        for (int p = 0; p < v.length; p++) {
          v[p] = rnd.nextLong();
        }
      }
      long t0 = System.nanoTime();
      for (long[] v : values) {
        for (int p = 0; p < ports.length; p++) {
          events.set(ports[p], v[p]);
        }
        events.eval();
      }
      double te = (System.nanoTime() - t0) / 1e9;
      t0 = System.nanoTime();
      int lane = 0;
      for (int i = 0; i < values.length; i++) {
        for (int p = 0; p < ports.length; p++) {
          words.set(ports[p], lane, values[i][p]);
        }
        if (++lane == 64 || i == values.length - 1) {
          words.evaluate(lane);
          lane = 0;
        }
      }
      double tw = (System.nanoTime() - t0) / 1e9;
      var timed = new dev.qrtl.power.GateSimulator(e, dev.qrtl.power.GateSimulator.Timing.DELAYS, new dev.qrtl.power.LibertyEnergyModel(e));
      t0 = System.nanoTime();
      for (long[] v : values) {
        for (int p = 0; p < ports.length; p++) {
          timed.set(ports[p], v[p]);
        }
        timed.eval();
      }
      double td = (System.nanoTime() - t0) / 1e9;
      double ee = events.energy(1.0).totalPj();
      double ew = words.energyByGroup(1.0).values().stream().mapToDouble(dev.qrtl.power.Energy::totalPj).sum();
      if (Math.abs(ee - ew) > 1e-9 * Math.abs(ee)) {
        throw new IllegalStateException(top + ": the bit-parallel zero-delay energy " + ew + " pJ differs from the event simulator's " + ee);
      }
      if (round >= 0) {
        best[0] = Math.min(best[0], te);
        best[1] = Math.min(best[1], tw);
        best[2] = Math.min(best[2], td);
        energy[0] = ee / n;
        energy[1] = ew / n;
      }
    }
    double gates = e.gateOutputNets().length;
    out.printf("    zero delay, one thread: event simulator %7.1f M gate evaluations/s (%.2f us/operation), bit-parallel %7.1f M/s"
        + " (%.3f us/operation): %.1fx; %.6f pJ per operation from both%n", gates * ops / best[0] / 1e6, best[0] / ops * 1e6,
        gates * ops / best[1] / 1e6, best[1] / ops * 1e6, best[0] / best[1], energy[1]);
    out.printf("    with delays, one thread: event simulator %7.1f M gate evaluations/s (%.2f us/operation)%n", gates * ops / best[2] / 1e6,
        best[2] / ops * 1e6);
  }
}
