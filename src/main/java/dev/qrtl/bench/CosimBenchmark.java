package dev.qrtl.bench;

import dev.qrtl.cosim.Cosim;
import dev.qrtl.cosim.CosimOptions;
import dev.qrtl.cosim.CosimReport;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.kind.Designs;
import dev.qrtl.sim.VerilatorCosim;
import dev.qrtl.spec.OutputSpec;
import dev.qrtl.spec.QuantizerSpec;
import dev.qrtl.spec.Rounding;
import dev.qrtl.spec.ShiftRoundSpec;
import dev.qrtl.spec.TfliteSpec;
import dev.qrtl.stimulus.Stimulus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Co-simulation throughput for shift-round and tflite-double at 32 -> 8: end to end (Java golden
 * model, packing, pipe, Verilator, comparison) and the raw Verilator rate (the harness's
 * self-test: evaluation only, no I/O, no golden model).
 */
public final class CosimBenchmark {
  private CosimBenchmark() {}

  public static void run(long vectors, int rounds, PrintWriter out) {
    OutputSpec s8 = new OutputSpec(8, true, false, true);
    List<QuantizerSpec> specs = List.of(
        new ShiftRoundSpec(32, s8, Rounding.HALF_UP, OptionalInt.empty(), false, 0, false),
        new TfliteSpec(32, s8, false, OptionalInt.empty(), OptionalInt.empty(), OptionalLong.empty(), false, 0));
    Path dir;
    try {
      dir = dev.qrtl.util.Lifecycle.scratchDirectory(null, "qrtl-bench");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.printf("co-simulation throughput, %d vectors (uniform stimulus), best of %d runs:%n", vectors, rounds);
    for (QuantizerSpec s : specs) {
      Path mp = Designs.write(s, dir);
      VerilatorCosim sim = VerilatorCosim.build(ManifestIo.read(mp), dir, false);
      double best = 0;
      for (int r = 0; r < rounds + 1; r++) {
        CosimReport rep = Cosim.run(mp, new CosimOptions(vectors, r + 1, Stimulus.parse("uniform"), dev.qrtl.sim.Simulator.VERILATOR, null, 1, Duration.ofMinutes(30)));
        if (!rep.passed()) {
          throw new IllegalStateException("benchmark run failed:\n" + rep.toText());
        }
        if (r > 0) {
          best = Math.max(best, rep.checkedPerSecond());
        }
      }
      out.printf("  %-44s end to end %6.2f M checked/s; %s%n", s.moduleName(), best / 1e6, sim.selftest(vectors));
      out.flush();
    }
    out.println("  (" + specs.get(0).getClass().getSimpleName() + " etc.; Verilator: " + VerilatorCosim.build(
        ManifestIo.read(dir.resolve(specs.get(0).moduleName() + ".json")), dir, false).verilatorVersion() + ")");
  }
}
