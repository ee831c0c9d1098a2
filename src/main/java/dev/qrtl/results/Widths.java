package dev.qrtl.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A layer's own operand and output widths, where its model fixes them (QONNX's Quant nodes carry
 * any width per tensor), in place of the bill's {@code --a-bits}/{@code --w-bits}: the MACs are
 * priced at {@code aBits x wBits}, the accumulator is {@code aBits + wBits + ceil(log2 K)} wide,
 * and the requantizer produces {@code outBits}.
 *
 * @param source how the model says so ("QONNX Quant: input 6-bit unsigned, weight 4-bit signed
 *     narrow, output 6-bit unsigned, rounding ROUND")
 */
@JsonPropertyOrder({"aBits", "wBits", "outBits", "source"})
public record Widths(int aBits, int wBits, int outBits, String source) {
  /** The widths qrtl prices: its PEs and requantizers take 2..16 bits. */
  public static final int MIN_BITS = 2;
  public static final int MAX_BITS = 16;

  public Widths {
    for (int b : new int[] {aBits, wBits, outBits}) {
      if (b < MIN_BITS || b > MAX_BITS) {
        throw new IllegalArgumentException("widths " + aBits + "/" + wBits + "/" + outBits + " (activation/weight/output): qrtl prices "
            + MIN_BITS + ".." + MAX_BITS + "-bit operands and outputs");
      }
    }
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("widths need their source");
    }
  }
}
