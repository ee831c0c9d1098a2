package dev.qrtl.onnx;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.qrtl.results.Activation;
import dev.qrtl.results.Quantization;
import dev.qrtl.results.Widths;

/**
 * One imported layer whose accumulators are requantized: the node, its form, the shapes of its
 * activation input, weight (or second operand) and output, and its quantization.
 *
 * @param form {@code QDQ}, {@code QOperator} (QLinearConv, QLinearMatMul) or {@code integer}
 *     (ConvInteger, MatMulInteger)
 * @param kernel the spatial kernel of a convolution (empty for a product)
 * @param constantWeights whether the second operand is an initializer (weights, per-channel scales
 *     possible) rather than an activation
 * @param relu a Relu or Clip follows directly, or the output range leaves out negative values
 *     (foldable into the clamp)
 * @param activation which activation, and how it was detected (null when none)
 * @param widths the layer's own widths where the model fixes them (QONNX), else null
 * @param blocks its block-scaled tensors (opset 21 block_size), else null
 * @param batchNorm a BatchNormalization follows (not folded in the file)
 */
@JsonPropertyOrder({"node", "op", "form", "input", "weight", "output", "groups", "kernel", "strides", "constantWeights", "relu",
    "activation", "batchNorm", "quantization", "widths", "blocks"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OnnxLayer(String node, String op, String form, long[] input, long[] weight, long[] output, int groups, long[] kernel,
    long[] strides, boolean constantWeights, boolean relu, Activation activation, boolean batchNorm, Quantization quantization,
    Widths widths, dev.qrtl.results.Blocks blocks) {

  /** A convolution (rank-4 or other N-D input), as opposed to a matrix product. */
  public boolean convolution() {
    return op.contains("Conv");
  }
}
