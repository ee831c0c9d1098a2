package dev.qrtl.cli;

import dev.qrtl.results.PipelineRow;
import dev.qrtl.accuracy.AccuracyConfig;
import dev.qrtl.results.AccuracyReport;
import dev.qrtl.accuracy.AccuracyStudy;
import dev.qrtl.accuracy.AccuracyText;
import dev.qrtl.accuracy.PipelineStudy;
import dev.qrtl.accuracy.PipelineText;
import dev.qrtl.accuracy.ScaleChoice;
import dev.qrtl.accuracy.ScalesFile;
import dev.qrtl.energy.EnergyOptions;
import dev.qrtl.golden.RealScaleModel;
import dev.qrtl.scheme.KRule;
import dev.qrtl.scheme.Schemes;
import dev.qrtl.stimulus.Stimulus;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qrtl error --schemes ... --acc-bits 32 --out-bits 8}: what each scheme costs in accuracy,
 * from the golden models alone (no synthesis): error against the exact requantizer at a real
 * scale, across one octave of scales, and with trained power-of-two scales.
 */
@Command(name = "error", aliases = "accuracy",
    description = "Measure each scheme's requantization error against the exact real-valued result (golden models only, no synthesis).",
    subcommands = ErrorMxCommand.class)
public final class ErrorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--schemes", paramLabel = "S,S,...", description = "Schemes in their comparison forms, as for compare (default: all).")
  String schemes;

  @Option(names = "--acc-bits", defaultValue = "32", description = "Accumulator width (default: ${DEFAULT-VALUE}).")
  int accBits;

  @Option(names = "--out-bits", split = ",", defaultValue = "8", description = "Output widths, one table each (default: ${DEFAULT-VALUE}).")
  List<Integer> outBits;

  @Option(names = "--stimulus", defaultValue = EnergyOptions.DEFAULT_STIMULUS, description = "Accumulator source (default: ${DEFAULT-VALUE}).")
  String stimulus;

  @Option(names = "--seed", defaultValue = "1", description = "Stimulus seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--samples", defaultValue = "100000", description = "Accumulators drawn (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--scale", description = "A real scale S (default: calibrated to the data: output maximum / (3 x spread)).")
  Double scale;

  @Option(names = "--scales", description = "Per-channel real scales: a JSON array, a CSV of numbers or a float .npy.")
  Path scalesFile;

  @Option(names = "--channels", defaultValue = "0", description = "The number of scales --scales must hold (default: any).")
  int channels;

  @Option(names = "--k-rule", defaultValue = "nearest", description = "Power-of-two shift from S: nearest, ceil, floor or best-for-data"
      + " (default: ${DEFAULT-VALUE}).")
  String kRule;

  @Option(names = "--zero-point", defaultValue = "0", description = "Output zero point (default: ${DEFAULT-VALUE}).")
  long zeroPoint;

  @Option(names = "--octave-points", defaultValue = "32", description = "Scales in the octave sweep (default: ${DEFAULT-VALUE}).")
  int octavePoints;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Option(names = "--pipelines", description = "Instead: the paper's hypothesis, one requantization per output (unified: bias, BN, ReLU"
      + " folded) against the conventional pipeline (requantize, integer BN, second requantization, ReLU), 32 -> 8 bits, per channel.")
  boolean pipelines;

  @Option(names = "--pipeline-channels", defaultValue = "64", description = "Output channels of the --pipelines layer (default: ${DEFAULT-VALUE}).")
  int pipelineChannels;

  @Option(names = "--out", paramLabel = "DIR", description = "Also write the tables as DIR/NAME.md and .json, and DIR's HTML report.")
  java.nio.file.Path out;

  @Option(names = "--name", paramLabel = "NAME", description = "The file name in --out, starting with 'error' (default: error-<acc-bits>;"
      + " with --pipelines always unified-vs-conventional).")
  String name;

  @Override
  public Integer call() {
    if (name != null && (out == null || pipelines || !name.matches("error[A-Za-z0-9._-]{0,80}"))) {
      throw new UserError("--name " + name + ": needs --out, not --pipelines, and a name of letters, digits, '.', '_', '-' that starts with 'error'");
    }
    if (out != null) {
      CompareCommand.checkOutputFolder(out);
    }
    KRule rule = KRule.parse(kRule);
    Stimulus stim = Stimulus.parse(stimulus);
    if (stim instanceof dev.qrtl.stimulus.NpyStimulus file) {
      // a file is read, not drawn from: its accumulators, in order, are the samples
      int held = dev.qrtl.accuracy.Accumulators.read(file, pipelines ? 32 : accBits).values().length;
      if (Checks.given(spec, "--samples") && samples != held) {
        throw new UserError("--samples " + samples + ": the stimulus " + file.file() + " holds " + held + " accumulators, which are the"
            + " samples (leave --samples out)");
      }
      if (!pipelines && Checks.given(spec, "--seed")) {
        throw new UserError("--seed has no effect with a .npy stimulus: its accumulators are read in order, not drawn");
      }
      samples = held;
    }
    Checks.notTogether(spec, "--scale", "--scales", scalesFile != null);
    if (!pipelines && Checks.given(spec, "--pipeline-channels")) {
      throw new UserError("--pipeline-channels is a --pipelines option");
    }
    if (channels != 0 && scalesFile == null) {
      throw new UserError("--channels " + channels + " needs --scales FILE");
    }
    if (channels < 0) {
      throw new UserError("--channels must be positive, not " + channels);
    }
    ScaleChoice scales;
    if (scale != null) {
      RealScaleModel.checkScale(scale);
      scales = new ScaleChoice.Given(scale);
    } else if (scalesFile != null) {
      List<Double> list = ScalesFile.read(scalesFile, channels);
      checkSamplesPerChannel(list.size());
      scales = new ScaleChoice.PerChannel(list);
    } else {
      scales = new ScaleChoice.Calibrated();
    }
    List<Schemes.Form> forms = schemes == null ? Schemes.defaultForms() : Schemes.forms(java.util.Arrays.asList(schemes.split(",", -1)));
    if (pipelines) {
      for (String o : List.of("--out-bits", "--acc-bits", "--scale", "--scales", "--channels", "--k-rule", "--zero-point", "--octave-points")) {
        if (Checks.given(spec, o)) {
          throw new UserError(o + " has no effect with --pipelines (32 -> 8 bits per channel, calibrated scales)");
        }
      }
      Checks.range("--pipeline-channels", pipelineChannels, 1, 4096);
      checkSamplesPerChannel(pipelineChannels);
      List<PipelineRow> rows = PipelineStudy.run(forms, stim, seed, samples, pipelineChannels);
      String table = PipelineText.table(rows, stim.text(), seed, samples, pipelineChannels);
      dev.qrtl.results.PipelinesFile file = new dev.qrtl.results.PipelinesFile(rows);
      ReportPrinter.print(file, table, json, spec.commandLine().getOut());
      save("unified-vs-conventional", file, table);
      return 0;
    }
    String version = "qrtl " + dev.qrtl.util.QrtlVersion.version();
    StringBuilder text = new StringBuilder();
    List<AccuracyReport> reports = new java.util.ArrayList<>();
    for (int b : outBits) {
      List<Schemes.Form> usable = forms.stream().filter(f -> schemes != null || f.scheme().unsupported(accBits, b).isEmpty()).toList();
      AccuracyConfig c = new AccuracyConfig(usable, accBits, b, stim, seed, samples, rule, zeroPoint, scales, octavePoints);
      AccuracyReport r = AccuracyStudy.report(AccuracyStudy.run(c), version);
      reports.add(r);
      text.append(AccuracyText.table(r)).append('\n');
    }
    Object result = new dev.qrtl.results.AccuracyFile(reports);
    ReportPrinter.print(result, text.toString(), json, spec.commandLine().getOut());
    save(name != null ? name : "error-" + accBits, result, text.toString());
    return 0;
  }

  /** With --out: the tables as Markdown and JSON, then the folder's report and its parent's index. */
  private void save(String file, Object result, String table) {
    if (out == null) {
      return;
    }
    try (dev.qrtl.util.OutputLock lock = dev.qrtl.util.OutputLock.acquire(out)) {
      java.nio.file.Files.createDirectories(out);
      dev.qrtl.util.AtomicFiles.writeString(out.resolve(file + ".md"), table);
      dev.qrtl.util.AtomicFiles.writeString(out.resolve(file + ".json"), ReportPrinter.json(result) + "\n");
      java.nio.file.Path parent = out.toAbsolutePath().normalize().getParent();
      ReportCommand.writeAfter(out, parent != null ? parent : out);
    } catch (java.io.IOException e) {
      throw new UserError("cannot write into " + out + ": " + e.getMessage());
    }
    spec.commandLine().getErr().println("wrote " + out.resolve(file + ".json") + ", .md and " + out.resolve(dev.qrtl.report.Reports.PAGE));
  }

  /** Every channel needs two samples at least for its intervals. */
  private void checkSamplesPerChannel(int channelCount) {
    if (samples < 2L * channelCount) {
      throw new UserError("--samples " + samples + " gives fewer than 2 samples to each of " + channelCount + " channels");
    }
  }
}
