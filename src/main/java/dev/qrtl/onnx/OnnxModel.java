package dev.qrtl.onnx;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.qrtl.results.Elementwise;
import java.util.List;

/**
 * An imported model: where it came from (file name and SHA-256, producer, opset), its input
 * shape, the quantized layers in graph order, every QuantizeLinear/DequantizeLinear with constant
 * parameters, the element-wise requantizations between layers (residual adds, average pools,
 * concatenations), and what was left out and why ({@code notes}: float layers, a
 * fixed-at-run-time scale; {@code skipped}: the nodes {@code --skip-unknown} left out).
 */
@JsonPropertyOrder({"name", "file", "sha256", "producer", "opset", "input", "layers", "elementwise", "quantizers", "notes", "skipped"})
public record OnnxModel(String name, String file, String sha256, String producer, long opset, String input, List<OnnxLayer> layers,
    List<Elementwise> elementwise, List<QdqNode> quantizers, List<String> notes, List<String> skipped) {
  public OnnxModel {
    layers = List.copyOf(layers);
    elementwise = List.copyOf(elementwise);
    skipped = List.copyOf(skipped);
    quantizers = List.copyOf(quantizers);
    notes = List.copyOf(notes);
  }
}
