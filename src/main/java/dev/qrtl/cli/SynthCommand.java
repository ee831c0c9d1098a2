package dev.qrtl.cli;

import dev.qrtl.kind.Designs;
import dev.qrtl.synth.SynthMode;
import dev.qrtl.synth.SynthResult;
import dev.qrtl.synth.SynthRunner;
import dev.qrtl.synth.TechLibraries;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qrtl synth --manifest X.json}, {@code qrtl synth quantizer ...}: area and timing with Yosys. */
@Command(name = "synth", description = "Synthesise with Yosys onto a Liberty library; report area and timing.",
    subcommands = {SynthCommand.Quantizer.class})
public final class SynthCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--manifest", description = "A design's manifest (its Verilog next to it); repeat for several designs, synthesised in parallel.")
  java.util.List<Path> manifests;

  @Mixin TechOptions tech;

  @Override
  public Integer call() {
    if (manifests == null || manifests.isEmpty()) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give --manifest FILE, or: qrtl synth quantizer ...");
    }
    for (Path m : manifests) {
      if (!Files.isRegularFile(m)) {
        throw new UserError("no such manifest: " + m);
      }
    }
    if (manifests.size() == 1) {
      return tech.runAndPrint(manifests.get(0), spec.commandLine().getOut());
    }
    return tech.runAllAndPrint(manifests, spec.commandLine().getOut());
  }

  /** Library and mode options. */
  public static final class TechOptions {
    @Spec(Spec.Target.MIXEE) CommandSpec mixee;

    @Option(names = "--liberty", description = "A Liberty file (.lib or .lib.gz).")
    Path liberty;

    @Option(names = "--tech", defaultValue = "default", description = "default (embedded 45 nm), nangate45 or sky130hd (default: ${DEFAULT-VALUE}).")
    String tech;

    @ArgGroup(exclusive = true)
    ModeFlags mode;

    @Option(names = "--timeout", defaultValue = "1800", description = "Seconds before Yosys is stopped (default: ${DEFAULT-VALUE}).")
    long timeout;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Mixin TimingOptions timing;

    /** The library, with the options checked: --timeout in range, --tech and --liberty not both. */
    TechLibraries.Resolved resolve() {
      Checks.range("--timeout", timeout, 1, 7 * 24 * 3600);
      Checks.notTogether(mixee, "--tech", "--liberty", liberty != null);
      return TechLibraries.resolve(tech, liberty);
    }

    int runAndPrint(Path manifestPath, PrintWriter out) {
      SynthMode m = mode == null ? defaultMode(manifestPath) : mode.hier ? SynthMode.HIER : SynthMode.FLAT;
      var lib = resolve();
      SynthResult r = SynthRunner.run(manifestPath, lib, m, timing.conditions(lib.library()), Duration.ofSeconds(timeout));
      ReportPrinter.print(r, r.toText(), json, out);
      return 0;
    }

    int runAllAndPrint(java.util.List<Path> manifestPaths, PrintWriter out) {
      SynthMode forced = mode == null ? null : mode.hier ? SynthMode.HIER : SynthMode.FLAT;
      var resolved = resolve();
      var conditions = timing.conditions(resolved.library());
      java.util.List<SynthResult> all = new java.util.ArrayList<>();
      // one parallel batch per mode, so each design keeps its default mode
      for (SynthMode m : SynthMode.values()) {
        java.util.List<Path> batch = manifestPaths.stream()
            .filter(p -> (forced != null ? forced : defaultMode(p)) == m).toList();
        if (!batch.isEmpty()) {
          all.addAll(SynthRunner.runAll(batch, resolved, m, conditions, Duration.ofSeconds(timeout)));
        }
      }
      for (SynthResult r : all) {
        ReportPrinter.print(r, r.toText(), json, out);
      }
      return 0;
    }

    /** Hierarchical for MAC designs (many identical instances), flat otherwise. */
    static SynthMode defaultMode(Path manifestPath) {
      return defaultMode(Designs.read(manifestPath).kind());
    }

    static SynthMode defaultMode(String kind) {
      // a kind qrtl does not know (a test bench's bundle of designs) keeps its hierarchy
      return dev.qrtl.kind.DesignKinds.find(kind).map(k -> k.flatSynthesis()).orElse(false) ? SynthMode.FLAT : SynthMode.HIER;
    }
  }

  /** {@code --flat} or {@code --hier}. */
  static final class ModeFlags {
    @Option(names = "--flat", description = "Flatten and optimise across modules.")
    boolean flat;

    @Option(names = "--hier", description = "Synthesise each distinct module once; combine by instance counts.")
    boolean hier;
  }

  /** {@code qrtl synth quantizer ...}: generate, then synthesise. */
  @Command(name = "quantizer", description = "Generate a requantizer and synthesise it.")
  public static final class Quantizer implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin QuantizerOptions quantizer;

    @Mixin TechOptions tech;

    @Option(names = "--out", description = "Keep the generated design in this folder (default: a temporary one).")
    Path out;

    @Override
    public Integer call() {
      Path dir = CosimCommand.outOrTemp(out, "qrtl-synth");
      return tech.runAndPrint(Designs.write(quantizer.toSpec(), dir), spec.commandLine().getOut());
    }
  }
}
