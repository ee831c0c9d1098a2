package dev.qrtl.cli;

import dev.qrtl.energy.EnergyEstimator;
import dev.qrtl.energy.EnergyOptions;
import dev.qrtl.energy.EnergyReport;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.kind.Designs;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.synth.SynthResult;
import dev.qrtl.synth.SynthRunner;
import dev.qrtl.synth.TechLibraries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qrtl estimate --manifest X.json}, {@code qrtl estimate quantizer ...}: energy per
 * operation from gate-level switching activity; {@code qrtl estimate --fast ...}: the fitted
 * analytic model, no synthesis.
 */
@Command(name = "estimate", description = "Energy per operation from gate-level activity on the mapped netlist (or --fast: the fitted model).",
    subcommands = {EstimateCommand.Quantizer.class})
public final class EstimateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--manifest", description = "A design's manifest (its Verilog next to it).")
  Path manifest;

  @Option(names = "--fast", description = "Use the fitted analytic model (no synthesis): needs --scheme, --acc-bits, --out-bits.")
  boolean fast;

  @Option(names = "--model", description = "With --fast: a fitted model (qrtl compare writes fast-model.json); default the embedded one, fitted on the default library.")
  Path model;

  @Option(names = "--scheme", description = "With --fast: the scheme.")
  String scheme;

  @Option(names = "--acc-bits", description = "With --fast: accumulator width.")
  Integer accBits;

  @Option(names = "--out-bits", description = "With --fast: output width.")
  Integer outBits;

  @Mixin SynthCommand.TechOptions tech;

  @Mixin EnergyFlags energy;

  @Override
  public Integer call() {
    if (fast) {
      List<String> simulationOnly = new java.util.ArrayList<>(List.of("--manifest", "--tech", "--liberty", "--ops", "--delay-ops", "--stimulus", "--seed",
          "--clock-ns", "--param-period", "--flat", "--hier"));
      simulationOnly.addAll(List.of(TimingOptions.NAMES));
      simulationOnly.addAll(List.of(ConventionOptions.NAMES));
      for (String o : simulationOnly) {
        Checks.notTogether(spec, o, "--fast (the fitted model simulates nothing)", true);
      }
      return FastEstimate.print(scheme, accBits, outBits, model, tech.json, spec.commandLine().getOut());
    }
    for (String o : new String[] {"--scheme", "--acc-bits", "--out-bits", "--model"}) {
      if (Checks.given(spec, o)) {
        throw new UserError(o + " is used only with --fast (a design comes from --manifest, or use qrtl estimate quantizer)");
      }
    }
    if (manifest == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give --manifest FILE, --fast, or: qrtl estimate quantizer ...");
    }
    if (!Files.isRegularFile(manifest)) {
      throw new UserError("no such manifest: " + manifest);
    }
    return run(manifest, tech, energy, spec);
  }

  static int run(Path manifestPath, SynthCommand.TechOptions tech, EnergyFlags energy, CommandSpec spec) {
    Manifest m = Designs.read(manifestPath);
    var lib = tech.resolve();
    SynthResult s = SynthRunner.run(manifestPath, lib, SynthCommand.TechOptions.defaultMode(m.kind()), tech.timing.conditions(lib.library()),
        Duration.ofSeconds(tech.timeout));
    EnergyReport r = EnergyEstimator.estimate(manifestPath, m, s, lib.library(), energy.toOptions());
    ReportPrinter.print(r, s.toText() + r.toText(), tech.json, spec.commandLine().getOut());
    return 0;
  }

  /** Stimulus, length and clock of an energy estimate. */
  public static final class EnergyFlags {
    @Option(names = "--ops", defaultValue = "10000", description = "Operations to simulate (default: ${DEFAULT-VALUE}).")
    long ops;

    @Option(names = "--delay-ops", description = "Simulate only the first N operations with cell delays, all of --ops at zero delay"
        + " (default: all with delays too).")
    Long delayOps;

    @Option(names = "--seed", defaultValue = "1", description = "Stimulus seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--stimulus", defaultValue = EnergyOptions.DEFAULT_STIMULUS,
        description = "Accumulator / operand source, as for cosim: uniform, gaussian:sigma=S, laplace:b=B, products:k=K,..., or a .npy file (default: ${DEFAULT-VALUE}).")
    String stimulus;

    @Option(names = "--clock-ns", description = "Clock period for leakage (default: the design's critical path).")
    Double clockNs;

    @Option(names = "--param-period", defaultValue = "1024", description = "Operations between fresh run-time parameters (default: ${DEFAULT-VALUE}).")
    int paramPeriod;

    @Mixin ConventionOptions conventions;

    public EnergyOptions toOptions() {
      EnergyOptions o = EnergyOptions.of(ops, seed, Stimulus.parse(stimulus), clockNs == null ? OptionalDouble.empty() : OptionalDouble.of(clockNs),
          paramPeriod).withConventions(conventions.conventions());
      return delayOps == null ? o : o.withDelayOperations(delayOps);
    }
  }

  /** {@code qrtl estimate quantizer ...}: generate, synthesise, estimate. */
  @Command(name = "quantizer", description = "Generate a requantizer, synthesise it and estimate its energy per requantization.")
  public static final class Quantizer implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin QuantizerOptions quantizer;

    @Mixin SynthCommand.TechOptions tech;

    @Mixin EnergyFlags energy;

    @Option(names = "--out", description = "Keep the generated design in this folder (default: a temporary one).")
    Path out;

    @Override
    public Integer call() {
      Path dir = CosimCommand.outOrTemp(out, "qrtl-estimate");
      return run(Designs.write(quantizer.toSpec(), dir), tech, energy, spec);
    }
  }
}
