package dev.qrtl.cli;

import dev.qrtl.accuracy.AccuracyConfig;
import dev.qrtl.accuracy.ScaleChoice;
import dev.qrtl.compare.CompareConfig;
import dev.qrtl.results.CompareResult;
import dev.qrtl.compare.Comparison;
import dev.qrtl.compare.ParetoAxis;
import dev.qrtl.results.ParetoResult;
import dev.qrtl.compare.ParetoStudy;
import dev.qrtl.compare.ResultFolder;
import dev.qrtl.energy.EnergyOptions;
import dev.qrtl.scheme.KRule;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.synth.TechLibraries;
import dev.qrtl.util.OutputLock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qrtl pareto --tech nangate45}: error against area and energy for every scheme and for
 * dyadic m = 1..31 at 32 -> 8, the front and its knee, into {@code <out>/<library>/pareto.*}.
 */
@Command(name = "pareto", description = "Accuracy against cost at 32 -> 8: every scheme and dyadic m = 1..31 (synthesis at "
    + "m = 2, 4, 6, 8, 12, 16, 24, 31, a fitted model between), the Pareto front and its knee.", subcommands = ParetoMxCommand.class)
public final class ParetoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--liberty", description = "A Liberty file (.lib or .lib.gz).")
  Path liberty;

  @Option(names = "--tech", defaultValue = "default", description = "default (embedded 45 nm), nangate45 or sky130hd (default: ${DEFAULT-VALUE}).")
  String tech;

  @Option(names = "--stimulus", defaultValue = EnergyOptions.DEFAULT_STIMULUS, description = "Accumulator source for error and energy"
      + " (default: ${DEFAULT-VALUE}).")
  String stimulus;

  @Option(names = "--seed", defaultValue = "1", description = "Stimulus seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--ops", defaultValue = "10000", description = "Requantizations simulated per unit for energy (default: ${DEFAULT-VALUE}).")
  long ops;

  @Option(names = "--samples", defaultValue = "100000", description = "Accumulators per scale for the error (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--octave-points", defaultValue = "32", description = "Scales across the octave (default: ${DEFAULT-VALUE}).")
  int octavePoints;

  @Option(names = "--out", defaultValue = "docs/results", description = "Results folder; files go to <out>/<library>/pareto.* (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--timeout", defaultValue = "1800", description = "Seconds before a Yosys run is stopped (default: ${DEFAULT-VALUE}).")
  long timeout;

  @Mixin ProgressOptions progress;

  @Mixin TimingOptions timing;

  @Mixin ConventionOptions conventions;

  @Override
  public Integer call() {
    Checks.notTogether(spec, "--tech", "--liberty", liberty != null);
    Checks.range("--timeout", timeout, 1, Long.MAX_VALUE);
    Stimulus stim = Stimulus.parse(stimulus);
    if (stim instanceof dev.qrtl.stimulus.NpyStimulus file) {
      // a file is read, not drawn from: its accumulators are the error's samples
      int held = dev.qrtl.accuracy.Accumulators.samples(file, 32, samples);
      if (Checks.given(spec, "--samples") && samples != held) {
        throw new UserError("--samples " + samples + ": the stimulus " + file.file() + " holds " + held + " accumulators, which are the"
            + " samples (leave --samples out)");
      }
      samples = held;
    }
    // every option checked before any synthesis starts
    ParetoAxis axis = ParetoAxis.DYADIC_M;
    AccuracyConfig accuracy = new AccuracyConfig(List.of(), axis.accBits(), axis.outBits(), stim, seed, samples, KRule.NEAREST, 0, new ScaleChoice.Calibrated(),
        octavePoints);
    var lib = TechLibraries.resolve(tech, liberty);
    EnergyOptions e = EnergyOptions.of(ops, seed, stim, OptionalDouble.empty(), 1024).withConventions(conventions.conventions());
    CompareConfig c = new CompareConfig(ParetoStudy.synthesizedForms(axis), List.of(axis.accBits()), List.of(axis.outBits()), lib, timing.conditions(lib.library()), e,
        false, 0, Duration.ofSeconds(timeout), progress.enabled());
    CompareCommand.checkOutputFolder(out);
    long start = System.nanoTime();
    try (OutputLock lock = OutputLock.acquire(out)) {
      CompareResult synth = Comparison.run(c);
      ParetoResult r = ParetoStudy.build(axis, synth, List.of(), accuracy);
      if (!r.knee().cost().equals("synthesis")) { // price the knee itself, so its ratios are measured
        CompareConfig knee = new CompareConfig(List.of(dev.qrtl.scheme.Schemes.form(axis.label(r.knee().m()))), List.of(axis.accBits()),
            List.of(axis.outBits()),
            lib, c.timing(), e, false, 0, c.timeout(), progress.enabled());
        r = ParetoStudy.build(axis, synth, Comparison.run(knee).rows(), accuracy);
      }
      Path dir = ResultFolder.writePareto(r, out);
      ReportCommand.writeAfter(dir, out);
      PrintWriter pw = spec.commandLine().getOut();
      ParetoResult.Knee k = r.knee();
      pw.printf(Locale.ROOT, "knee on %s: dyadic m = %d (RMS %.4f LSB, tflite-double %.4f); tflite-double has %.2fx its area and %.2fx its"
          + " energy (%s)%n", r.library(), k.m(), k.rms(), r.baselineRms(), k.areaRatio(), k.energyRatio(), k.cost());
      pw.printf(Locale.ROOT, "wrote %s/pareto.{md,csv,json,png,svg} and index.html in %.1f s%n", dir, (System.nanoTime() - start) / 1e9);
      pw.flush();
    }
    return 0;
  }
}
