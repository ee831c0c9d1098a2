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
 * (the synthesis is cached and not timed).
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
      EnergyEstimator.measure(manifest, m, s, tech.library(), o.withOperations(Math.max(100, ops / 10)));
      double best = Double.MAX_VALUE;
      EnergyReport r = null;
      for (int i = 0; i < rounds; i++) {
        long t0 = System.nanoTime();
        r = EnergyEstimator.measure(manifest, m, s, tech.library(), o);
        best = Math.min(best, (System.nanoTime() - t0) / 1e9);
      }
      out.printf("  %-50s %6d cells  %8.2f us/operation (%.2f s per run)  %.4f pJ with delays%n", m.top(), s.cells(), best / ops * 1e6,
          best, r.delays().totalPj());
    }
  }
}
