package dev.qrtl.cli;

import dev.qrtl.core.Module;
import dev.qrtl.scheme.Scheme;
import dev.qrtl.scheme.Schemes;
import dev.qrtl.spec.QuantizerSpec;
import dev.qrtl.synth.EquivalenceProof;
import dev.qrtl.synth.SynthRunner;
import dev.qrtl.verilog.VerilogEmitter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qrtl prove --scheme ...}: the lean requantizer that qrtl generates, proved equal to the
 * straightforward full-width form it replaced, with Yosys's SAT solver, for every input.
 */
@Command(name = "prove",
    description = "Prove a requantizer's lean datapath equivalent to the straightforward full-width form (Yosys SAT).",
    subcommands = ProveCommand.BlockQuantizer.class)
public final class ProveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin QuantizerOptions options;

  @Option(names = "--timeout", defaultValue = "600", description = "Seconds the SAT proof may take (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Override
  public Integer call() {
    if (timeoutSeconds < 1) {
      throw new UserError("--timeout must be at least 1 second, not " + timeoutSeconds);
    }
    QuantizerSpec s = options.toSpec();
    if (s.pipeline() != 0) {
      throw new UserError("prove compares the combinational function: use --pipeline 0 (the registers only delay it)");
    }
    Scheme<?> scheme = Schemes.of(s);
    Module lean = scheme.generateAny(s);
    Module plain = scheme.generatePlainAny(s).orElseThrow(() -> new UserError(
        "scheme " + scheme.name() + " has one structure only; there is nothing to prove"));
    return prove(spec, lean, plain, timeoutSeconds);
  }

  /** Proves {@code lean} equal to {@code plain}; prints the result or a counterexample; the exit code. */
  static int prove(CommandSpec spec, Module lean, Module plain, int timeoutSeconds) {
    if (timeoutSeconds < 1) {
      throw new UserError("--timeout must be at least 1 second, not " + timeoutSeconds);
    }
    EquivalenceProof.Result r = EquivalenceProof.prove(VerilogEmitter.emit(plain), VerilogEmitter.emit(lean),
        Duration.ofSeconds(timeoutSeconds));
    String seconds = String.format(Locale.ROOT, "%.1f s", r.time().toNanos() / 1e9);
    if (!r.proved()) {
      spec.commandLine().getErr().println("qrtl: " + lean.name() + " differs from " + plain.name() + " (" + seconds
          + "); a failing input:\n" + r.counterexample());
      return 1;
    }
    spec.commandLine().getOut().println("proved: " + lean.name() + " equals " + plain.name() + " for every input ("
        + seconds + ", " + SynthRunner.yosysVersion() + " sat)");
    return 0;
  }

  /** {@code qrtl prove block-quantizer ...}: the shared exponent from the OR's leading one and the aligned element conversion, against the comparison tree and full-width rounding. */
  @Command(name = "block-quantizer", description = "Prove an MX block quantizer's lean datapath equal to its plain form (comparison tree, full-width rounding).")
  public static final class BlockQuantizer implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin BlockQuantizerOptions options;

    @Option(names = "--timeout", defaultValue = "600", description = "Seconds the SAT proof may take (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() {
      var s = options.toSpec();
      if (s.pipeline() != 0) {
        throw new UserError("prove compares the combinational function: use --pipeline 0 (the registers only delay it)");
      }
      return prove(spec, dev.qrtl.gen.mx.BlockQuantizerGenerator.generate(s, dev.qrtl.gen.quant.Structure.LEAN),
          dev.qrtl.gen.mx.BlockQuantizerGenerator.generate(s, dev.qrtl.gen.quant.Structure.PLAIN), timeoutSeconds);
    }
  }
}
