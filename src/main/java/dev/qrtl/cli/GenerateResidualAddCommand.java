package dev.qrtl.cli;

import dev.qrtl.kind.Designs;
import dev.qrtl.kind.GeneratedDesign;
import dev.qrtl.spec.ResidualAddSpec;
import dev.qrtl.spec.ResidualAddSpec.AddScheme;
import dev.qrtl.spec.Rounding;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qrtl generate residual-add ...}: the add of two quantized tensors with their own scales, for one scheme. */
@Command(name = "residual-add", description = "Generate a residual-add unit: two quantized inputs with their own scales and zero points"
    + " summed into an output with its own (every parameter a run-time input), by shift-round, tflite (TFLite's int8 Add), dyadic or"
    + " fp32-scale arithmetic.")
public final class GenerateResidualAddCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--scheme", defaultValue = "shift-round", description = "shift-round, tflite, dyadic or fp32-scale (default:"
      + " ${DEFAULT-VALUE}).")
  String scheme;

  @Option(names = "--bits", defaultValue = "8", description = "Width of both inputs and the output, 2..16 (tflite: up to 8) (default:"
      + " ${DEFAULT-VALUE}).")
  int bits;

  @Option(names = "--unsigned", description = "Unsigned inputs and output (uint8); signed by default.")
  boolean unsigned;

  @Option(names = "--rounding", description = "shift-round and dyadic: half-up (default), half-away, half-even or floor.")
  String rounding;

  @Option(names = "--m-bits", description = "dyadic: the multipliers' width, 2..16 (default 8).")
  Integer mBits;

  @Option(names = "--out", defaultValue = "rtl-out", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() {
    GeneratedDesign d = Designs.generate(toSpec());
    CompareCommand.checkOutputFolder(out);
    Path manifest = Designs.write(d, out);
    spec.commandLine().getOut().println("wrote " + manifest + " (" + d.module().name() + ", latency " + d.module().latency() + " cycles)");
    return 0;
  }

  ResidualAddSpec toSpec() {
    AddScheme s;
    try {
      s = AddScheme.parse(scheme);
    } catch (IllegalArgumentException e) {
      throw new UserError("--scheme " + dev.qrtl.util.Printable.of(scheme) + ": " + e.getMessage());
    }
    ResidualAddSpec d = ResidualAddSpec.of(s, Math.max(2, Math.min(bits, s == AddScheme.TFLITE ? 8 : 16)));
    if (rounding != null && (s == AddScheme.TFLITE || s == AddScheme.FP32_SCALE)) {
      throw new UserError("--rounding is for shift-round and dyadic; the " + s.cliName() + " add rounds " + d.rounding().cliName());
    }
    if (mBits != null && s != AddScheme.DYADIC) {
      throw new UserError("--m-bits is for the dyadic add, not " + s.cliName());
    }
    try {
      Rounding r = rounding == null ? d.rounding() : Rounding.parse(rounding);
      return new ResidualAddSpec(s, bits, !unsigned, r, mBits == null ? d.mBits() : mBits);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }
}
