package dev.qrtl.onnx;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One imported layer whose accumulators are requantized: the node, its form, the shapes of its
 * activation input, weight (or second operand) and output, and its quantization.
 *
 * @param form {@code QDQ}, {@code QOperator} (QLinearConv, QLinearMatMul) or {@code integer}
 *     (ConvInteger, MatMulInteger)
 * @param kernel the spatial kernel of a convolution (empty for a product)
 * @param constantWeights whether the second operand is an initializer (weights, per-channel scales
 *     possible) rather than an activation
 * @param relu a Relu or Clip follows directly (foldable into the clamp)
 * @param batchNorm a BatchNormalization follows (not folded in the file)
 */
@JsonPropertyOrder({"node", "op", "form", "input", "weight", "output", "groups", "kernel", "strides", "constantWeights", "relu",
    "batchNorm", "quantization"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OnnxLayer(String node, String op, String form, long[] input, long[] weight, long[] output, int groups, long[] kernel,
    long[] strides, boolean constantWeights, boolean relu, boolean batchNorm, Quantization quantization) {

  /** A convolution (rank-4 or other N-D input), as opposed to a matrix product. */
  public boolean convolution() {
    return op.contains("Conv");
  }

  /**
   * What the file says about the requantization of this layer's accumulators.
   *
   * @param accumulatorScale the real value of one accumulator LSB per output channel (or one for
   *     the tensor): input scale x weight scale; null when the file fixes it only at run time
   * @param outputScale the scale of the quantized output; null when the output is not quantized
   *     again (dequantized to float)
   * @param outputSigned int8 (true) or uint8 (false) output
   * @param weightZeroPoints per channel (or one); a non-zero one costs a correction term
   */
  @JsonPropertyOrder({"accumulatorScale", "outputScale", "outputZeroPoint", "outputSigned", "inputZeroPoint", "weightZeroPoints",
      "bias", "effectiveScale"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Quantization(double[] accumulatorScale, Double outputScale, long outputZeroPoint, boolean outputSigned,
      long inputZeroPoint, long[] weightZeroPoints, boolean bias) {
    /** S = s_in x s_w / s_out per channel: what the requantizer multiplies each accumulator by; null when unknown. */
    public double[] effectiveScale() {
      if (accumulatorScale == null || outputScale == null) {
        return null;
      }
      double[] s = new double[accumulatorScale.length];
      for (int i = 0; i < s.length; i++) {
        s[i] = accumulatorScale[i] / outputScale;
      }
      return s;
    }
  }
}
