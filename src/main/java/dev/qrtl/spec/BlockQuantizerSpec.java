package dev.qrtl.spec;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A block quantizer: K values to one OCP MX block, an E8M0 shared scale and K element codes
 * ({@code docs/reference/microscaling.md}, "Converting a block to MX"). Where the reference leaves
 * a choice open, the choice is a component here, with the reference's default first.
 *
 * @param format the element format
 * @param block K, the elements sharing one scale: a power of two, 2..256
 * @param input integer accumulators with a power-of-two scale, or IEEE binary32 values
 * @param scaleRule floor (the OCP algorithm: the block maximum may saturate) or ceil (nothing saturates)
 * @param rounding of each element to its format: {@code HALF_EVEN} (IEEE) or {@code HALF_AWAY} (microxcaling's "nearest")
 * @param int8MinusTwo MXINT8 only: allow the code -128 (-2.0); the default leaves it unused (symmetric)
 * @param overflow a shared exponent above 127: a NaN scale (microxcaling) or 127 with saturated elements
 * @param zeroBlock the scale of an all-zero block: 2^-127 (code 0x00, the algorithm's limit) or 2^0 (0x7F)
 * @param pipeline register stages
 */
public record BlockQuantizerSpec(MxFormat format, int block, BlockInput input, ScaleRule scaleRule, Rounding rounding,
    boolean int8MinusTwo, ScaleOverflow overflow, ZeroBlock zeroBlock, int pipeline) implements DesignSpec {
  /** The largest block: eight of the reference's K = 32. */
  public static final int MAX_BLOCK = 256;
  /** The widest integer input: exact in a double (the golden model's arithmetic) with room. */
  public static final int MAX_INPUT_BITS = 48;
  /** Width of the run-time input exponent: signed, -128..127. */
  public static final int EXPONENT_BITS = 8;

  /** How the shared exponent is chosen. */
  public enum ScaleRule {
    /** {@code E = floor(log2(amax)) - emax}: the OCP algorithm; the block maximum can round past the largest element and saturate. */
    FLOOR,
    /** The smallest E with {@code amax <= largest * 2^E}: nothing saturates, up to one bit of resolution lost. */
    CEIL;

    public String cliName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A shared exponent above 127. */
  public enum ScaleOverflow {
    /** The NaN scale 0xFF (microxcaling); the elements are written as 0. */
    NAN,
    /** Scale 2^127, every element saturated as the conversion rounds it. */
    SATURATE;

    public String cliName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The scale of an all-zero block (the reference is silent). */
  public enum ZeroBlock {
    /** 2^-127, code 0x00: the limit of the algorithm with its clamp. */
    MIN,
    /** 2^0, code 0x7F, as some stacks write. */
    ONE;

    public String cliName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * What the quantizer reads: {@code INT} values are {@code acc * 2^x} with {@code acc} a signed
   * {@code bits}-bit integer and x the input exponent (a constant, or a run-time {@code in_exp}
   * input when absent); {@code FP32} values are IEEE binary32 bit patterns.
   */
  public record BlockInput(Type type, int bits, OptionalInt exponent) {
    public enum Type { INT, FP32 }

    public BlockInput {
      if (type == Type.FP32 && (bits != 32 || exponent.isPresent())) {
        throw new IllegalArgumentException("an fp32 input is 32 bits with no input exponent");
      }
      if (type == Type.INT && (bits < 2 || bits > MAX_INPUT_BITS)) {
        throw new IllegalArgumentException("an integer input of " + bits + " bits: MX block inputs take 2.." + MAX_INPUT_BITS + " bits");
      }
      if (exponent.isPresent() && (exponent.getAsInt() < -128 || exponent.getAsInt() > 127)) {
        throw new IllegalArgumentException("input exponent " + exponent.getAsInt() + " is outside -128..127");
      }
    }

    public static BlockInput integer(int bits, OptionalInt exponent) {
      return new BlockInput(Type.INT, bits, exponent);
    }

    public static BlockInput fp32() {
      return new BlockInput(Type.FP32, 32, OptionalInt.empty());
    }

    /** {@code int:16}, {@code fp32}. */
    public String text() {
      return type == Type.FP32 ? "fp32" : "int:" + bits;
    }
  }

  public BlockQuantizerSpec {
    if (block < 2 || block > MAX_BLOCK || Integer.bitCount(block) != 1) {
      throw new IllegalArgumentException("block size " + block + ": an MX block is a power of two from 2 to " + MAX_BLOCK);
    }
    if (rounding != Rounding.HALF_EVEN && rounding != Rounding.HALF_AWAY) {
      throw new IllegalArgumentException("rounding " + rounding.cliName() + ": MX conversion rounds to nearest, ties to even"
          + " (half-even) or away from zero (half-away)");
    }
    if (int8MinusTwo && format != MxFormat.MXINT8) {
      throw new IllegalArgumentException("the code -128 is an MXINT8 option; " + format.cliName() + " has no such code");
    }
    if (pipeline < 0 || pipeline > QuantizerSpec.MAX_PIPELINE) {
      throw new IllegalArgumentException("pipeline " + pipeline + " is outside 0.." + QuantizerSpec.MAX_PIPELINE);
    }
  }

  /** The defaults of the reference: floor rule, ties to even, symmetric INT8, a NaN scale on overflow, 2^-127 for a zero block. */
  public static BlockQuantizerSpec of(MxFormat format, int block, BlockInput input) {
    return new BlockQuantizerSpec(format, block, input, ScaleRule.FLOOR, Rounding.HALF_EVEN, false, ScaleOverflow.NAN, ZeroBlock.MIN, 0);
  }

  /** The input exponent x of integer inputs: a constant or the run-time {@code in_exp} input; none for fp32. */
  public List<Param> params() {
    if (input.type() == BlockInput.Type.FP32) {
      return List.of();
    }
    OptionalLong x = input.exponent().isPresent() ? OptionalLong.of(input.exponent().getAsInt()) : OptionalLong.empty();
    return List.of(Param.of("in_exp", Param.Role.SCALE, EXPONENT_BITS, true, "x", x));
  }

  public String moduleName() {
    String in = input.type() == BlockInput.Type.FP32 ? "f32" : "i" + input.bits() + params().get(0).nameTag();
    return "mxq_" + format.cliName().replace('-', '_') + "_k" + block + "_" + in + "_" + scaleRule.cliName() + "_"
        + rounding.cliName().replace('-', '_') + (int8MinusTwo ? "_m128" : "") + (overflow == ScaleOverflow.SATURATE ? "_osat" : "")
        + (zeroBlock == ZeroBlock.ONE ? "_z1" : "") + QuantizerSpec.pipeTag(pipeline);
  }
}
