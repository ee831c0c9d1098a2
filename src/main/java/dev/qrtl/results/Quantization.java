package dev.qrtl.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What a model file says about the requantization of this layer's accumulators.
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
public record Quantization(@Nullable double[] accumulatorScale, @Nullable Double outputScale, long outputZeroPoint, boolean outputSigned,
    long inputZeroPoint, @Nullable long[] weightZeroPoints, boolean bias) {
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
