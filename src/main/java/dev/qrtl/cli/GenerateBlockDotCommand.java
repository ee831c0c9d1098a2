package dev.qrtl.cli;

import dev.qrtl.kind.Designs;
import dev.qrtl.kind.GeneratedDesign;
import dev.qrtl.spec.BlockDotSpec;
import dev.qrtl.spec.BlockQuantizerSpec;
import dev.qrtl.spec.MxFormat;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qrtl generate block-dot ...}: two MX blocks to their dot product, or the plain int8 one. */
@Command(name = "block-dot", description = "Generate a block dot product: two MX blocks (K elements and an E8M0 scale each) to their exact dot product or into a binary32 accumulator; --format int8: the plain int8 dot product beside it.")
public final class GenerateBlockDotCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--format", required = true, description = "mxint8, mxfp8-e4m3, mxfp8-e5m2, mxfp6-e2m3, mxfp6-e3m2, mxfp4, or int8 (no scales).")
  String format;

  @Option(names = "--block", defaultValue = "32", description = "K: a power of two, 2..256 (default: ${DEFAULT-VALUE}).")
  int block;

  @Option(names = "--accumulation", defaultValue = "exact", description = "exact (the sum and its exponent) or fp32 (y = RNE(acc + dot)) (default: ${DEFAULT-VALUE}).")
  String accumulation;

  @Option(names = "--pipeline", defaultValue = "0", description = "Register stages on the outputs (default: ${DEFAULT-VALUE}).")
  int pipeline;

  @Option(names = "--out", defaultValue = "rtl-out", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() {
    GeneratedDesign d = Designs.generate(toSpec(format, block, accumulation, pipeline));
    CompareCommand.checkOutputFolder(out);
    Path manifest = Designs.write(d, out);
    spec.commandLine().getOut().println("wrote " + manifest + " (" + d.module().name() + ", latency " + d.module().latency() + " cycles)");
    return 0;
  }

  static BlockDotSpec toSpec(String format, int block, String accumulation, int pipeline) {
    boolean plain = format.toLowerCase(Locale.ROOT).equals("int8");
    MxFormat f;
    try {
      f = plain ? MxFormat.MXINT8 : MxFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw new UserError("--format: " + e.getMessage() + ", or int8");
    }
    if (block < 2 || block > BlockQuantizerSpec.MAX_BLOCK || Integer.bitCount(block) != 1) {
      throw new UserError("--block " + block + ": an MX block is a power of two from 2 to " + BlockQuantizerSpec.MAX_BLOCK);
    }
    BlockDotSpec.Accumulation acc = switch (accumulation) {
      case "exact" -> BlockDotSpec.Accumulation.EXACT;
      case "fp32" -> BlockDotSpec.Accumulation.FP32;
      default -> throw new UserError("--accumulation " + dev.qrtl.util.Printable.of(accumulation) + ": use exact or fp32");
    };
    if (plain && acc != BlockDotSpec.Accumulation.EXACT) {
      throw new UserError("--accumulation fp32 applies to MX blocks; the int8 dot product is exact (its per-tensor scale comes after it)");
    }
    if (pipeline < 0 || pipeline > dev.qrtl.spec.QuantizerSpec.MAX_PIPELINE) {
      throw new UserError("--pipeline " + pipeline + " is outside 0.." + dev.qrtl.spec.QuantizerSpec.MAX_PIPELINE);
    }
    return new BlockDotSpec(f, !plain, block, acc, pipeline);
  }
}
