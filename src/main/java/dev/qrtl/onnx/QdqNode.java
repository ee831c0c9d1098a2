package dev.qrtl.onnx;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A QuantizeLinear or DequantizeLinear with constant parameters: its scale and zero point, one per
 * tensor, one per slice along {@code axis}, or one per block of {@code blockSize} elements along it
 * (opset 21; the scales in row-major order of the scale tensor, the input's shape with the axis
 * divided by the block size), and the integer type (int8 when {@code signed}).
 */
@JsonPropertyOrder({"node", "op", "tensor", "shape", "axis", "scale", "zeroPoint", "signed", "blockSize"})
public record QdqNode(String node, String op, String tensor, long[] shape, int axis, double[] scale, long[] zeroPoint, boolean signed,
    int blockSize) {}
