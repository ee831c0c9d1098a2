package dev.qrtl.cli;

import dev.qrtl.accuracy.MxErrorStudy;
import dev.qrtl.accuracy.MxErrorText;
import dev.qrtl.accuracy.RealDistribution;
import dev.qrtl.results.MxAccuracyFile;
import dev.qrtl.spec.BlockQuantizerSpec.ScaleRule;
import dev.qrtl.spec.MxFormat;
import dev.qrtl.spec.Rounding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qrtl error mx ...}: what a block scale buys in accuracy over int8 with one scale per tensor or per channel. */
@Command(name = "mx", description = "The MX formats' error on real-valued data (Gaussian, Laplace, Student-t, outlier channels) beside int8 per tensor and per channel, from the golden models.")
public final class ErrorMxCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--formats", split = ",", defaultValue = "mxint8,mxfp8-e4m3,mxfp8-e5m2,mxfp6-e2m3,mxfp6-e3m2,mxfp4",
      description = "MX formats (default: all).")
  List<String> formats;

  @Option(names = "--blocks", split = ",", defaultValue = "8,16,32,64", description = "Block sizes K (default: ${DEFAULT-VALUE}).")
  List<Integer> blocks;

  @Option(names = "--scale-rules", split = ",", defaultValue = "floor,ceil", description = "floor, ceil or both (default: ${DEFAULT-VALUE}).")
  List<String> rules;

  @Option(names = "--rounding", defaultValue = "half-even", description = "Element rounding: half-even or half-away (default: ${DEFAULT-VALUE}).")
  String rounding;

  @Option(names = "--distributions", split = ",", defaultValue = "gaussian,laplace,student-t3,outlier-channels",
      description = "Data: gaussian, laplace, student-t3, outlier-channels (default: all).")
  List<String> distributions;

  @Option(names = "--rows", defaultValue = "256", description = "Rows of each data matrix (default: ${DEFAULT-VALUE}).")
  int rows;

  @Option(names = "--channels", defaultValue = "1024", description = "Channels (the blocked axis), a multiple of every K (default: ${DEFAULT-VALUE}).")
  int channels;

  @Option(names = "--seed", defaultValue = "1", description = "Data seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Option(names = "--out", description = "Also write mx-error.md and mx-error.json (and the folder's report) into this folder.")
  Path out;

  @Override
  public Integer call() {
    MxErrorStudy.Config c = config();
    if (out != null) {
      CompareCommand.checkFolder(out, "--out");
    }
    MxAccuracyFile r = MxErrorStudy.run(c, "qrtl " + dev.qrtl.util.QrtlVersion.version());
    String text = MxErrorText.markdown(r);
    ReportPrinter.print(r, text, json, spec.commandLine().getOut());
    if (out != null) {
      try (dev.qrtl.util.OutputLock lock = dev.qrtl.util.OutputLock.acquire(out)) {
        java.nio.file.Files.createDirectories(out);
        dev.qrtl.util.AtomicFiles.writeString(out.resolve("mx-error.md"), text);
        dev.qrtl.util.AtomicFiles.writeString(out.resolve("mx-error.json"), ReportPrinter.json(r) + "\n");
        Path parent = out.toAbsolutePath().normalize().getParent();
        ReportCommand.writeAfter(out, parent != null ? parent : out);
      } catch (java.io.IOException e) {
        throw new UserError("cannot write " + out + ": " + e.getMessage());
      }
    }
    return 0;
  }

  MxErrorStudy.Config config() {
    List<MxFormat> fs = new ArrayList<>();
    for (String f : formats) {
      fs.add(parse("--formats", () -> MxFormat.parse(f.strip())));
    }
    List<ScaleRule> rs = new ArrayList<>();
    for (String r : rules) {
      switch (r.strip()) {
        case "floor" -> rs.add(ScaleRule.FLOOR);
        case "ceil" -> rs.add(ScaleRule.CEIL);
        default -> throw new UserError("--scale-rules " + dev.qrtl.util.Printable.of(r) + ": use floor, ceil or both");
      }
    }
    List<RealDistribution> ds = new ArrayList<>();
    for (String d : distributions) {
      ds.add(parse("--distributions", () -> RealDistribution.parse(d.strip())));
    }
    Rounding ro = parse("--rounding", () -> Rounding.parse(rounding));
    Checks.range("--rows", rows, 1, 1 << 16);
    Checks.range("--channels", channels, 1, 1 << 16);
    return parse("the MX study", () -> new MxErrorStudy.Config(fs, blocks, rs, ro, ds, rows, channels, seed));
  }

  private static <T> T parse(String what, java.util.function.Supplier<T> f) {
    try {
      return f.get();
    } catch (IllegalArgumentException e) {
      throw new UserError((what.startsWith("--") ? what + ": " : "") + e.getMessage());
    }
  }
}
