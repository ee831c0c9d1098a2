package dev.qrtl.onnx;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A QuantizeLinear or DequantizeLinear with constant parameters: its scale and zero point, one per
 * tensor or one per slice along {@code axis}, and the integer type (int8 when {@code signed}).
 */
@JsonPropertyOrder({"node", "op", "tensor", "shape", "axis", "scale", "zeroPoint", "signed"})
public record QdqNode(String node, String op, String tensor, long[] shape, int axis, double[] scale, long[] zeroPoint, boolean signed) {}
