/**
 * Reads quantized ONNX models (no ONNX Runtime): the protobuf through classes generated from ONNX's
 * own {@code onnx.proto} ({@code dev.qrtl.onnx.proto}), static shapes by inference over the
 * operators a CNN or transformer uses, and per layer the quantization its accumulators get - the
 * QDQ form (QuantizeLinear/DequantizeLinear around Conv, MatMul, Gemm) and the operator form
 * (QLinearConv, QLinearMatMul; ConvInteger and MatMulInteger with their scales from the Mul nodes
 * after them). Every name and number comes from someone else's file: each is checked, and a
 * failure names the node or tensor.
 */
package dev.qrtl.onnx;
