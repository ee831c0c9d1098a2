package dev.qrtl.onnx;

import dev.qrtl.onnx.proto.OnnxProto.AttributeProto;
import dev.qrtl.onnx.proto.OnnxProto.NodeProto;
import java.util.List;
import java.util.Optional;

/** A graph node with the name qrtl reports it by (its own, or its position and operator) and typed attributes. */
record Node(NodeProto proto, String label, int index) {
  static Node of(NodeProto p, int index) {
    String name = p.getName().isEmpty() ? "#" + index + " " + p.getOpType() : p.getName();
    return new Node(p, Names.printable(name), index);
  }

  String op() {
    return proto.getOpType();
  }

  /** "node 'conv1' (Conv)": how every message names it. */
  String where() {
    return "node '" + label + "' (" + Names.printable(op()) + ")";
  }

  /** Input {@code i}'s tensor name, or empty when absent (optional inputs may be given as ""). */
  Optional<String> input(int i) {
    return i < proto.getInputCount() && !proto.getInput(i).isEmpty() ? Optional.of(proto.getInput(i)) : Optional.empty();
  }

  String requiredInput(int i, String role) {
    return input(i).orElseThrow(() -> new OnnxException(where() + " has no " + role + " (input " + i + ")"));
  }

  String output(int i) {
    if (i >= proto.getOutputCount() || proto.getOutput(i).isEmpty()) {
      throw new OnnxException(where() + " has no output " + i);
    }
    return proto.getOutput(i);
  }

  private Optional<AttributeProto> attribute(String name) {
    return proto.getAttributeList().stream().filter(a -> a.getName().equals(name)).findFirst();
  }

  long intAttr(String name, long otherwise) {
    return attribute(name).map(AttributeProto::getI).orElse(otherwise);
  }

  Optional<Float> floatAttr(String name) {
    return attribute(name).map(AttributeProto::getF);
  }

  String stringAttr(String name, String otherwise) {
    return attribute(name).map(a -> a.getS().toStringUtf8()).orElse(otherwise);
  }

  /** An ints attribute, or {@code otherwise} when absent. */
  long[] intsAttr(String name, long[] otherwise) {
    return attribute(name).map(a -> a.getIntsList().stream().mapToLong(Long::longValue).toArray()).orElse(otherwise);
  }

  Optional<AttributeProto> tensorAttr(String name) {
    return attribute(name).filter(AttributeProto::hasT);
  }

  List<String> outputs() {
    return proto.getOutputList();
  }
}
