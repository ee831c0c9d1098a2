package dev.qrtl.cli;

import dev.qrtl.kind.Designs;
import dev.qrtl.kind.GeneratedDesign;
import dev.qrtl.spec.GroupPeSpec;
import dev.qrtl.spec.GroupPeSpec.Granularity;
import dev.qrtl.spec.GroupPeSpec.GroupScale;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qrtl generate group-pe ...}: a MAC PE with a scale per group of G products (or the plain one). */
@Command(name = "group-pe", description = "Generate a MAC processing element whose group sums (G products along K) are scaled before they join the accumulator: by a shift, a dyadic m-bit multiplier or a binary16 multiply; --granularity tensor: the plain MAC.")
public final class GenerateGroupPeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--a-bits", defaultValue = "8", description = "Activation width, signed (default: ${DEFAULT-VALUE}).")
  int aBits;

  @Option(names = "--w-bits", defaultValue = "4", description = "Weight width, signed (default: ${DEFAULT-VALUE}).")
  int wBits;

  @Option(names = "--k", defaultValue = "4096", description = "Dot-product length K the accumulator is sized for (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--granularity", defaultValue = "group:32", description = "tensor, or group:G (default: ${DEFAULT-VALUE}).")
  String granularity;

  @Option(names = "--group-scale", defaultValue = "shift", description = "shift[:bits=B] (power of two, B = 1..5 bits of shift), dyadic:m=M (an M-bit"
      + " multiplier) or fp16 (default: ${DEFAULT-VALUE}).")
  String scale;

  @Option(names = "--out", defaultValue = "rtl-out", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() {
    GeneratedDesign d = Designs.generate(toSpec(aBits, wBits, k, granularity, scale));
    CompareCommand.checkOutputFolder(out);
    Path manifest = Designs.write(d, out);
    spec.commandLine().getOut().println("wrote " + manifest + " (" + d.module().name() + ", latency " + d.module().latency() + " cycles)");
    return 0;
  }

  static GroupPeSpec toSpec(int aBits, int wBits, int k, String granularity, String scale) {
    Granularity g;
    int group = 0;
    if (granularity.equals("tensor")) {
      g = Granularity.TENSOR;
    } else if (granularity.matches("group:[0-9]{1,7}")) {
      g = Granularity.GROUP;
      group = Integer.parseInt(granularity.substring(6));
    } else {
      throw new UserError("--granularity " + dev.qrtl.util.Printable.of(granularity) + ": use tensor or group:G");
    }
    GroupScale s;
    int bits;
    if (scale.equals("shift") || scale.matches("shift:bits=[0-9]{1,2}")) {
      s = GroupScale.SHIFT;
      bits = scale.equals("shift") ? 4 : Integer.parseInt(scale.substring(11));
    } else if (scale.matches("dyadic:m=[0-9]{1,2}")) {
      s = GroupScale.DYADIC;
      bits = Integer.parseInt(scale.substring(9));
    } else if (scale.equals("fp16")) {
      s = GroupScale.FP16;
      bits = 16;
    } else {
      throw new UserError("--group-scale " + dev.qrtl.util.Printable.of(scale) + ": use shift, shift:bits=B, dyadic:m=M or fp16");
    }
    try {
      return new GroupPeSpec(aBits, wBits, k, g, group, s, bits, 0);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }
}
