package dev.qrtl.cli;

import dev.qrtl.accuracy.MxErrorStudy;
import dev.qrtl.accuracy.RealDistribution;
import dev.qrtl.compare.CompareConfig;
import dev.qrtl.compare.Comparison;
import dev.qrtl.compare.MxParetoStudy;
import dev.qrtl.compare.ResultFolder;
import dev.qrtl.energy.EnergyOptions;
import dev.qrtl.results.CompareResult;
import dev.qrtl.results.MxAccuracyFile;
import dev.qrtl.results.MxParetoResult;
import dev.qrtl.scheme.Schemes;
import dev.qrtl.spec.BlockQuantizerSpec.ScaleRule;
import dev.qrtl.spec.MxFormat;
import dev.qrtl.spec.Rounding;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.synth.TechLibraries;
import dev.qrtl.util.OutputLock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code qrtl pareto mx --tech nangate45}: the MX formats' accuracy against their cost per element
 * over format, block size and scale rule, with int8 per tensor and per channel beside them, into
 * {@code <out>/mx-<library>/} (the block quantizers' comparison and {@code mx-pareto.*}).
 */
@Command(name = "mx", description = "Accuracy against cost per element for the MX formats over format, block size and scale rule (synthesis"
    + " of every block quantizer, error from the golden models), with int8 per tensor and per channel; the fronts.")
public final class ParetoMxCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--liberty", description = "A Liberty file (.lib or .lib.gz).")
  Path liberty;

  @Option(names = "--tech", defaultValue = "default", description = "default (embedded 45 nm), nangate45 or sky130hd (default: ${DEFAULT-VALUE}).")
  String tech;

  @Option(names = "--formats", split = ",", defaultValue = "mxint8,mxfp8-e4m3,mxfp8-e5m2,mxfp6-e2m3,mxfp6-e3m2,mxfp4",
      description = "MX formats (default: all).")
  List<String> formats;

  @Option(names = "--blocks", split = ",", defaultValue = "8,16,32,64", description = "Block sizes K (default: ${DEFAULT-VALUE}).")
  List<Integer> blocks;

  @Option(names = "--acc-bits", defaultValue = "32", description = "The block quantizers' integer input width (default: ${DEFAULT-VALUE}).")
  int accBits;

  @Option(names = "--distribution", defaultValue = "student-t3", description = "The data the error is measured on: gaussian, laplace,"
      + " student-t3, outlier-channels (default: ${DEFAULT-VALUE}).")
  String distribution;

  @Option(names = "--stimulus", defaultValue = EnergyOptions.DEFAULT_STIMULUS, description = "Accumulator source for energy (default: ${DEFAULT-VALUE}).")
  String stimulus;

  @Option(names = "--seed", defaultValue = "1", description = "Stimulus and data seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--ops", defaultValue = "10000", description = "Elements simulated per unit for energy (default: ${DEFAULT-VALUE}).")
  long ops;

  @Option(names = "--clock-ns", description = "Synthesize every unit for one clock, with register stages (default: each at its own critical path).")
  Double clockNs;

  @Option(names = "--out", defaultValue = "docs/results", description = "Results folder; files go to <out>/mx-<library>/ (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--dot-block", defaultValue = "32", description = "K of the block dot products priced beside the int8 one (default: ${DEFAULT-VALUE}).")
  int dotBlock;

  @Option(names = "--pe-k", defaultValue = "4096", description = "The dot-product length the group-scaled PEs' accumulators are sized for (default: ${DEFAULT-VALUE}).")
  int peK;

  @Option(names = "--pe-groups", split = ",", defaultValue = "32,64,128", description = "Group sizes G of the group-scaled PEs (default: ${DEFAULT-VALUE}).")
  List<Integer> peGroups;

  @Option(names = "--timeout", defaultValue = "1800", description = "Seconds before a Yosys run is stopped (default: ${DEFAULT-VALUE}).")
  long timeout;

  @Mixin ProgressOptions progress;

  @Mixin TimingOptions timing;

  @Mixin ConventionOptions conventions;

  @Override
  public Integer call() {
    Checks.notTogether(spec, "--tech", "--liberty", liberty != null);
    Checks.range("--timeout", timeout, 1, Long.MAX_VALUE);
    List<MxFormat> fs = new ArrayList<>();
    for (String f : formats) {
      fs.add(parse("--formats", () -> MxFormat.parse(f.strip())));
    }
    RealDistribution d = parse("--distribution", () -> RealDistribution.parse(distribution));
    // every option checked before any synthesis starts
    MxErrorStudy.Config accuracy = parse("the MX study", () -> new MxErrorStudy.Config(fs, blocks, List.of(ScaleRule.values()),
        Rounding.HALF_EVEN, List.of(d), 256, 1024, seed));
    if (dotBlock < 2 || dotBlock > 256 || Integer.bitCount(dotBlock) != 1) {
      throw new UserError("--dot-block " + dotBlock + ": an MX block is a power of two from 2 to 256");
    }
    for (int g : peGroups) {
      if (g < 2 || peK % g != 0 || peK > 1 << 20) {
        throw new UserError("--pe-groups " + g + ": a group is 2..K products and divides --pe-k " + peK + " (at most 2^20)");
      }
    }
    OptionalDouble clock = clockNs == null ? OptionalDouble.empty() : OptionalDouble.of(clockNs);
    var lib = TechLibraries.resolve(tech, liberty);
    EnergyOptions e = EnergyOptions.of(ops, seed, Stimulus.parse(stimulus), clock, 1024).withConventions(conventions.conventions());
    // per-element requantizers at the element widths beside the block units: the baseline, the power-of-two one, the dyadic one
    List<Schemes.Form> refs = List.of(Schemes.form(Schemes.BASELINE), Schemes.form("shift-round"), Schemes.form(MxParetoStudy.REFERENCE));
    CompareConfig c = parse("the MX study", () -> new CompareConfig(refs, List.of(accBits), MxParetoStudy.elementBits(fs), lib,
        timing.conditions(lib.library()), e, false, 0, Duration.ofSeconds(timeout), progress.enabled(), clock,
        MxParetoStudy.forms(fs, blocks)));
    CompareCommand.checkOutputFolder(out);
    long start = System.nanoTime();
    try (OutputLock lock = OutputLock.acquire(out)) {
      CompareResult cost = Comparison.run(c);
      MxAccuracyFile error = MxErrorStudy.run(accuracy, cost.qrtl());
      MxParetoResult front = MxParetoStudy.build(cost, error, d, accBits);
      var units = dev.qrtl.compare.MxUnitsStudy.run(c, cost, fs, dotBlock, peK, peGroups);
      Path dir = ResultFolder.writeMx(cost, front, units, clock, out);
      ReportCommand.writeAfter(dir, out);
      long onFront = front.points().stream().filter(dev.qrtl.results.MxParetoPoint::energyFront).count();
      spec.commandLine().getOut().printf(java.util.Locale.ROOT, "%d points, %d on the energy front; wrote %s (comparison.*, mx-pareto.*,"
          + " mx-units.*, index.html) in %.1f s%n", front.points().size(), onFront, dir, (System.nanoTime() - start) / 1e9);
      spec.commandLine().getOut().flush();
    }
    return 0;
  }

  private static <T> T parse(String what, java.util.function.Supplier<T> f) {
    try {
      return f.get();
    } catch (IllegalArgumentException e) {
      throw new UserError((what.startsWith("--") ? what + ": " : "") + e.getMessage());
    }
  }
}
