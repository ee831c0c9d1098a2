package dev.qrtl.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A layer's block-scaled tensors (ONNX opset 21 {@code block_size}, MX-style per-block scales):
 * weights or input activations with a scale per {@code group} consecutive elements along K are
 * priced by a group-scaled processing element (a power-of-two scale shifts each group sum, a float
 * one multiplies it as binary16); an output quantized with a scale per {@code outputBlock}
 * elements is requantized by the scheme's requantizer with its parameters changing per block, or,
 * where the output is an MX format ({@code outputFormat}: a shared exponent computed from each
 * block), by the MX block quantizer of that format whatever the scheme.
 *
 * @param group the K-group the PE scales (0: K not blocked)
 * @param scale {@code shift} (every block scale a power of two) or {@code fp16}
 * @param outputBlock the output's block size (0: per tensor or per channel)
 * @param outputFormat the MX format of the output ({@code mxint8}, {@code mxfp8-e4m3}), null for static block scales
 * @param source what the model says ("weight DequantizeLinear 'w_dq': block_size 32 along axis 1, 4096 float scales")
 */
@JsonPropertyOrder({"group", "scale", "outputBlock", "outputFormat", "source"})
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record Blocks(int group, String scale, int outputBlock, @Nullable String outputFormat, String source) {
  public Blocks {
    if (group < 0 || outputBlock < 0 || group == 0 && outputBlock == 0) {
      throw new IllegalArgumentException("blocks of " + group + " along K and " + outputBlock + " on the output: one must be positive");
    }
    if (outputFormat != null && outputBlock == 0) {
      throw new IllegalArgumentException("an MX output format needs its block");
    }
    if (!scale.equals("shift") && !scale.equals("fp16")) {
      throw new IllegalArgumentException("block scale '" + scale + "': shift or fp16");
    }
  }
}
