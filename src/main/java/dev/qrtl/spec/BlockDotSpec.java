package dev.qrtl.spec;

import java.util.Locale;

/**
 * A block dot product ({@code docs/reference/microscaling.md}, "MX dot product"): two blocks of K
 * elements, each with its E8M0 scale, to {@code X_A * X_B * sum_i P_A[i] * P_B[i]}, or, as the
 * baseline beside it, the plain int8 dot product of the same length (no scales: the per-tensor
 * scale is applied by the requantizer after the whole dot product).
 *
 * @param format the elements of both blocks
 * @param scaled an MX dot product (false: plain int8, format MXINT8's codes read as integers)
 * @param block K
 * @param accumulation where the block's result goes: exact (the sum as a wide fixed-point integer
 *     with the exponent of its last bit) or into a binary32 accumulator, rounded to nearest even once
 *     per block
 * @param pipeline register stages on the outputs
 */
public record BlockDotSpec(MxFormat format, boolean scaled, int block, Accumulation accumulation, int pipeline) implements DesignSpec {
  /** What the block's dot product is added into. */
  public enum Accumulation {
    /** No rounding: the exact sum of the products as an integer, and the exponent of its last bit. */
    EXACT,
    /** {@code y = RNE_binary32(acc + dot)}: one rounding per block, as a binary32 accumulator over blocks does. */
    FP32;

    public String cliName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public BlockDotSpec {
    if (block < 2 || block > BlockQuantizerSpec.MAX_BLOCK || Integer.bitCount(block) != 1) {
      throw new IllegalArgumentException("block size " + block + ": an MX block is a power of two from 2 to " + BlockQuantizerSpec.MAX_BLOCK);
    }
    if (!scaled && format != MxFormat.MXINT8) {
      throw new IllegalArgumentException("the plain dot product without scales is int8's; " + format.cliName() + " blocks carry a scale");
    }
    if (!scaled && accumulation != Accumulation.EXACT) {
      throw new IllegalArgumentException("the plain int8 dot product is exact (its per-tensor scale comes after it)");
    }
    if (pipeline < 0 || pipeline > QuantizerSpec.MAX_PIPELINE) {
      throw new IllegalArgumentException("pipeline " + pipeline + " is outside 0.." + QuantizerSpec.MAX_PIPELINE);
    }
  }

  /** The element's magnitude in quanta, as the product grid counts it: an element is {@code n * 2^quantumExponent}. */
  public int magnitudeBits() {
    return format.integer() ? 8 : format.magnitudeBits(); // an int8 code's magnitude reaches 128
  }

  /** Width of the exact sum: two magnitudes' product, a sign, and log2(K) bits of growth. */
  public int sumBits() {
    return 2 * magnitudeBits() + 1 + Integer.numberOfTrailingZeros(block);
  }

  public String moduleName() {
    String f = scaled ? format.cliName().replace('-', '_') : "int8";
    return "mxdot_" + f + "_k" + block + "_" + accumulation.cliName() + QuantizerSpec.pipeTag(pipeline);
  }
}
