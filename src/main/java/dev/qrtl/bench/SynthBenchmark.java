package dev.qrtl.bench;

import dev.qrtl.energy.EnergyOptions;
import dev.qrtl.kind.DefaultDesigns;
import dev.qrtl.kind.Designs;
import dev.qrtl.kind.GeneratedDesign;
import dev.qrtl.scheme.Schemes;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Yosys's default ABC script on every unit of the comparison sweep (each scheme's comparison
 * forms at 32 -> 4, 8, 16) and every default design, one Yosys at a time (one core), from an
 * empty cache (pointed at a scratch folder for the run): wall time per design, including Yosys's
 * start, the JSON reading and qrtl's static timing.
 */
public final class SynthBenchmark {
  private SynthBenchmark() {}

  public static void run(String techName, Duration limit, PrintWriter out) {
    Path dir;
    try {
      dir = Lifecycle.scratchDirectory(null, "qrtl-bench-synth");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String saved = System.getProperty("qrtl.cache");
    System.setProperty("qrtl.cache", dir.resolve("cache").toString());
    try {
      var tech = TechLibraries.resolve(techName, null);
      out.printf("Yosys (%s) default ABC script, one design at a time, empty cache, on %s:%n", SynthRunner.yosysVersion(), tech.library().name());
      Stimulus stimulus = Stimulus.parse(EnergyOptions.DEFAULT_STIMULUS);
      List<String[]> rows = new ArrayList<>();
      double worst = 0;
      for (int outBits : new int[] {4, 8, 16}) {
        for (Schemes.Form f : Schemes.defaultForms()) {
          if (f.scheme().unsupported(32, outBits).isPresent()) {
            continue;
          }
          Path m = Designs.write(Designs.generate(f.scheme().forComparison(f.form(), 32, outBits, stimulus, 0)),
              dir.resolve(f.label().replace(':', '_').replace('=', '_') + "_" + outBits));
          worst = Math.max(worst, time(out, f.label() + " 32 -> " + outBits, m, tech, SynthMode.FLAT, limit));
        }
      }
      for (GeneratedDesign d : DefaultDesigns.all()) {
        Path m = Designs.write(d, dir.resolve("defaults"));
        SynthMode mode = dev.qrtl.kind.DesignKinds.named(d.kind()).flatSynthesis() ? SynthMode.FLAT : SynthMode.HIER;
        worst = Math.max(worst, time(out, "default " + d.module().name(), m, tech, mode, limit));
      }
      out.printf(Locale.ROOT, "slowest: %.1f s (limit %d s)%n", worst, limit.toSeconds());
    } finally {
      if (saved == null) {
        System.clearProperty("qrtl.cache");
      } else {
        System.setProperty("qrtl.cache", saved);
      }
    }
  }

  private static double time(PrintWriter out, String label, Path manifest, TechLibraries.Resolved tech, SynthMode mode, Duration limit) {
    long t0 = System.nanoTime();
    SynthResult r = SynthRunner.run(manifest, tech, mode, limit);
    double s = (System.nanoTime() - t0) / 1e9;
    out.printf(Locale.ROOT, "  %-70s %8.1f s  %10.1f um^2%n", label, s, r.areaUm2());
    out.flush();
    return s;
  }
}
