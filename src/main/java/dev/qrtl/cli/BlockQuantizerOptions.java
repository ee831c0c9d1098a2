package dev.qrtl.cli;

import dev.qrtl.spec.BlockQuantizerSpec;
import dev.qrtl.spec.BlockQuantizerSpec.BlockInput;
import dev.qrtl.spec.BlockQuantizerSpec.ScaleOverflow;
import dev.qrtl.spec.BlockQuantizerSpec.ScaleRule;
import dev.qrtl.spec.BlockQuantizerSpec.ZeroBlock;
import dev.qrtl.spec.MxFormat;
import dev.qrtl.spec.Rounding;
import java.util.Locale;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/** The options that describe a block quantizer ({@code generate block-quantizer}, {@code prove block-quantizer}). */
public final class BlockQuantizerOptions {
  @Option(names = "--format", required = true, description = "Element format: mxint8, mxfp8-e4m3, mxfp8-e5m2, mxfp6-e2m3, mxfp6-e3m2, mxfp4.")
  String format;

  @Option(names = "--block", defaultValue = "32", description = "K, the elements sharing one scale: a power of two, 2..256 (default: ${DEFAULT-VALUE}).")
  int block;

  @Option(names = "--input", defaultValue = "int:32", description = "int:A (A-bit integers times 2^x) or fp32 (IEEE binary32) (default: ${DEFAULT-VALUE}).")
  String input;

  @Option(names = "--input-exp", description = "Integer inputs: the constant exponent x of their scale 2^x, -128..127 (default: a run-time in_exp input).")
  Integer inputExp;

  @Option(names = "--scale-rule", defaultValue = "floor", description = "floor (the OCP rule: the block maximum may saturate) or ceil (nothing saturates) (default: ${DEFAULT-VALUE}).")
  String scaleRule;

  @Option(names = "--rounding", defaultValue = "half-even", description = "half-even (IEEE) or half-away (microxcaling's nearest) (default: ${DEFAULT-VALUE}).")
  String rounding;

  @Option(names = "--int8-min", defaultValue = "-127", description = "MXINT8's most negative element: -127 (symmetric, the default) or -128.")
  int int8Min;

  @Option(names = "--scale-overflow", defaultValue = "nan", description = "A shared exponent above 127: nan (scale 0xFF, elements 0) or saturate (default: ${DEFAULT-VALUE}).")
  String overflow;

  @Option(names = "--zero-block-scale", defaultValue = "min", description = "The scale of an all-zero block: min (2^-127, code 0x00) or one (2^0, 0x7F) (default: ${DEFAULT-VALUE}).")
  String zeroBlock;

  @Option(names = "--pipeline", defaultValue = "0", description = "Register stages on the outputs (default: ${DEFAULT-VALUE}).")
  int pipeline;

  /** The spec; every problem one line naming the option. */
  BlockQuantizerSpec toSpec() {
    MxFormat f = parse("--format", () -> MxFormat.parse(format));
    if (block < 2 || block > BlockQuantizerSpec.MAX_BLOCK || Integer.bitCount(block) != 1) {
      throw new UserError("--block " + block + ": an MX block is a power of two from 2 to " + BlockQuantizerSpec.MAX_BLOCK);
    }
    if (inputExp != null && (inputExp < -128 || inputExp > 127)) {
      throw new UserError("--input-exp " + inputExp + " is outside -128..127");
    }
    if (pipeline < 0 || pipeline > dev.qrtl.spec.QuantizerSpec.MAX_PIPELINE) {
      throw new UserError("--pipeline " + pipeline + " is outside 0.." + dev.qrtl.spec.QuantizerSpec.MAX_PIPELINE);
    }
    BlockInput in = parseInput(input, inputExp);
    ScaleRule rule = choice("--scale-rule", scaleRule, ScaleRule.class);
    Rounding r = parse("--rounding", () -> Rounding.parse(rounding));
    if (r != Rounding.HALF_EVEN && r != Rounding.HALF_AWAY) {
      throw new UserError("--rounding " + rounding + ": the MX reference rounds to nearest, ties to even (half-even) or away from zero"
          + " (half-away)");
    }
    if (int8Min != -127 && int8Min != -128) {
      throw new UserError("--int8-min " + int8Min + ": MXINT8's most negative element is -127 or -128");
    }
    ScaleOverflow o = choice("--scale-overflow", overflow, ScaleOverflow.class);
    ZeroBlock z = choice("--zero-block-scale", zeroBlock, ZeroBlock.class);
    return parse("the block quantizer", () -> new BlockQuantizerSpec(f, block, in, rule, r, int8Min == -128, o, z, pipeline));
  }

  static BlockInput parseInput(String text, Integer exponent) {
    if (text.equals("fp32")) {
      if (exponent != null) {
        throw new UserError("--input-exp applies to integer inputs; fp32 values carry their own exponents");
      }
      return BlockInput.fp32();
    }
    if (!text.matches("int:[0-9]{1,3}")) {
      throw new UserError("--input " + dev.qrtl.util.Printable.of(text) + ": use int:A (A-bit integers, A = 2.." + BlockQuantizerSpec.MAX_INPUT_BITS
          + ") or fp32");
    }
    int bits = Integer.parseInt(text.substring(4));
    if (bits < 2 || bits > BlockQuantizerSpec.MAX_INPUT_BITS) {
      throw new UserError("--input " + text + ": MX block inputs are 2- to " + BlockQuantizerSpec.MAX_INPUT_BITS + "-bit integers or fp32");
    }
    return parse("--input", () -> BlockInput.integer(bits, exponent == null ? OptionalInt.empty() : OptionalInt.of(exponent)));
  }

  private static <E extends Enum<E>> E choice(String option, String value, Class<E> type) {
    for (E e : type.getEnumConstants()) {
      if (e.name().toLowerCase(Locale.ROOT).equals(value)) {
        return e;
      }
    }
    throw new UserError(option + " " + dev.qrtl.util.Printable.of(value) + ": use one of "
        + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList()));
  }

  private static <T> T parse(String what, java.util.function.Supplier<T> f) {
    try {
      return f.get();
    } catch (IllegalArgumentException e) {
      throw new UserError(what.startsWith("--") ? what + ": " + e.getMessage() : e.getMessage());
    }
  }
}
