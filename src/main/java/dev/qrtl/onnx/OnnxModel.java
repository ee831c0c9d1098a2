package dev.qrtl.onnx;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * An imported model: where it came from (file name and SHA-256, producer, opset), its input
 * shape, the quantized layers in graph order, every QuantizeLinear/DequantizeLinear with constant
 * parameters, and what was left out and why ({@code notes}: float
 * layers, a fixed-at-run-time scale).
 */
@JsonPropertyOrder({"name", "file", "sha256", "producer", "opset", "input", "layers", "quantizers", "notes"})
public record OnnxModel(String name, String file, String sha256, String producer, long opset, String input, List<OnnxLayer> layers,
    List<QdqNode> quantizers, List<String> notes) {
  public OnnxModel {
    layers = List.copyOf(layers);
    quantizers = List.copyOf(quantizers);
    notes = List.copyOf(notes);
  }
}
