package dev.qrtl.bench;

import dev.qrtl.energy.EnergyEstimator;
import dev.qrtl.energy.EnergyOptions;
import dev.qrtl.energy.EnergyReport;
import dev.qrtl.gen.mac.UnifiedGenerator;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.kind.Designs;
import dev.qrtl.kind.GeneratedDesign;
import dev.qrtl.scheme.Schemes;
import dev.qrtl.spec.UnifiedSpec;
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
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What operand isolation of the unified module's epilogue saves: the same unified module (the
 * default 8x8 int8 array, K = 256, shift-round epilogue) with and without it, synthesized
 * hierarchically and simulated at gate level on the same tiles (every output golden-checked);
 * energy per output value, in total and for the requantizers alone.
 */
public final class IsolationBenchmark {
  private IsolationBenchmark() {}

  /** The two reports, isolated first. */
  public record Result(EnergyReport isolated, EnergyReport plain) {}

  public static Result measure(UnifiedSpec spec, String techName, long outputs, String stimulus) {
    Path dir;
    try {
      dir = Lifecycle.scratchDirectory(null, "qrtl-bench-isolation");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var tech = TechLibraries.resolve(techName, null);
    EnergyOptions o = EnergyOptions.of(outputs, 1, Stimulus.parse(stimulus), OptionalDouble.empty(), 1024);
    EnergyReport[] r = new EnergyReport[2];
    for (int v = 0; v < 2; v++) {
      GeneratedDesign d = GeneratedDesign.of(UnifiedGenerator.generate(spec, Schemes::generate, v == 0), spec);
      Path manifest = Designs.write(d, dir.resolve(v == 0 ? "isolated" : "plain"));
      Manifest m = ManifestIo.read(manifest);
      SynthResult s = SynthRunner.run(manifest, tech, SynthMode.HIER, Duration.ofMinutes(30));
      r[v] = EnergyEstimator.measure(manifest, m, s, tech.library(), o);
    }
    return new Result(r[0], r[1]);
  }

  /** The energy of the requantizer instances (their module group), per output value. */
  public static double requantizersPj(EnergyReport r) {
    return r.delays().byGroupPj().entrySet().stream().filter(e -> e.getKey().startsWith("requant_"))
        .mapToDouble(Map.Entry::getValue).sum();
  }

  public static void run(UnifiedSpec spec, String techName, long outputs, PrintWriter out) {
    Result r = measure(spec, techName, outputs, "products:k=64");
    out.printf(Locale.ROOT, "operand isolation of the epilogue, %s, %d output values (%s):%n", r.isolated().design(), outputs, r.isolated().library());
    double ti = r.isolated().delays().totalPj();
    double tp = r.plain().delays().totalPj();
    double qi = requantizersPj(r.isolated());
    double qp = requantizersPj(r.plain());
    out.printf(Locale.ROOT, "  total per output:        %10.3f pJ isolated, %10.3f pJ not (%.1f %% less)%n", ti, tp, 100 * (1 - ti / tp));
    out.printf(Locale.ROOT, "  requantizers per output: %10.3f pJ isolated, %10.3f pJ not (%.1f %% less)%n", qi, qp, 100 * (1 - qi / qp));
    out.printf(Locale.ROOT, "  checked against the golden model: %d and %d outputs%n", r.isolated().gateLevelChecks(), r.plain().gateLevelChecks());
  }
}
