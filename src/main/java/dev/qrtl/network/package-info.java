/**
 * The network's bill: the layers of a real network (built-in tables, or a quantized ONNX model
 * through {@code dev.qrtl.onnx}), and what requantizing their accumulators costs per inference
 * under each scheme next to the multiply-accumulates, unified against conventional.
 */
package dev.qrtl.network;
