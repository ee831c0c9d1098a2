package dev.qrtl.onnx;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.qrtl.onnx.proto.OnnxProto.GraphProto;
import dev.qrtl.onnx.proto.OnnxProto.ModelProto;
import dev.qrtl.onnx.proto.OnnxProto.NodeProto;
import dev.qrtl.onnx.proto.OnnxProto.OperatorSetIdProto;
import dev.qrtl.onnx.proto.OnnxProto.TensorProto;
import dev.qrtl.onnx.proto.OnnxProto.TensorShapeProto;
import dev.qrtl.onnx.proto.OnnxProto.ValueInfoProto;
import dev.qrtl.util.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imports a quantized ONNX model: parses it, infers every tensor's static shape in graph order,
 * and collects each quantized Conv, MatMul or Gemm with its scales and zero points
 * ({@link QuantizedLayers}). Nothing is executed; no ONNX Runtime is needed.
 */
public final class OnnxImport {
  /** The largest file qrtl reads (a protobuf message cannot exceed 2 GiB). */
  public static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8L;

  final ModelProto model;
  final List<Node> nodes = new ArrayList<>();
  final Map<String, long[]> shapes = new HashMap<>();
  final Map<String, Node> producer = new HashMap<>();
  final Map<String, List<Node>> consumers = new HashMap<>();
  private final Map<String, TensorProto> initializers = new HashMap<>();
  private final Map<String, Tensor> constants = new HashMap<>();
  private final Map<String, long[]> declared = new HashMap<>();
  private String input = "";

  private OnnxImport(ModelProto model) {
    this.model = model;
  }

  /**
   * Reads {@code file}. {@code inputShapes} gives the shape of a graph input whose shape the file
   * leaves dynamic (the key "" stands for the only such input); {@code feeds} supplies tensors
   * given at run time as constants (an ONNX node test's inputs).
   */
  public static OnnxModel read(Path file, Map<String, long[]> inputShapes, Map<String, TensorProto> feeds) {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw new OnnxException(file + " is " + size + " bytes, larger than a protobuf message can be");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new OnnxException("cannot read the model " + file + ": " + e.getMessage());
    }
    ModelProto m;
    try {
      m = ModelProto.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new OnnxException(file + " is not an ONNX model (protobuf: " + e.getMessage() + ")");
    }
    if (!m.hasGraph() || m.getGraph().getNodeCount() == 0 || m.getIrVersion() <= 0) {
      throw new OnnxException(file + " is not an ONNX model (no IR version or no graph nodes)");
    }
    OnnxImport g = new OnnxImport(m);
    g.load(m.getGraph(), inputShapes, feeds);
    g.infer();
    QuantizedLayers q = new QuantizedLayers(g);
    List<OnnxLayer> layers = q.collect();
    String name = m.getGraph().getName().isEmpty() ? stem(file) : Names.printable(m.getGraph().getName());
    String producer = Names.printable((m.getProducerName() + " " + m.getProducerVersion()).trim());
    return new OnnxModel(name, Names.printable(file.getFileName().toString()), Hashing.sha256File(bytes), producer, opset(m), g.input,
        layers, q.quantizers(), q.notes());
  }

  private static String stem(Path f) {
    String s = f.getFileName().toString();
    return Names.printable(s.endsWith(".onnx") ? s.substring(0, s.length() - 5) : s);
  }

  private static long opset(ModelProto m) {
    for (OperatorSetIdProto o : m.getOpsetImportList()) {
      if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) {
        return o.getVersion();
      }
    }
    return 0;
  }

  private void load(GraphProto graph, Map<String, long[]> inputShapes, Map<String, TensorProto> feeds) {
    for (TensorProto t : graph.getInitializerList()) {
      initializers.put(t.getName(), t);
      shapes.put(t.getName(), Tensor.dimsOf(t));
    }
    for (Map.Entry<String, TensorProto> f : feeds.entrySet()) {
      constants.put(f.getKey(), Tensor.decode(f.getValue().toBuilder().setName(f.getKey()).build()));
      shapes.put(f.getKey(), Tensor.dimsOf(f.getValue()));
    }
    for (ValueInfoProto v : graph.getValueInfoList()) {
      staticShape(v).ifPresent(s -> declared.put(v.getName(), s));
    }
    for (ValueInfoProto v : graph.getOutputList()) {
      staticShape(v).ifPresent(s -> declared.put(v.getName(), s));
    }
    List<String> dynamic = new ArrayList<>();
    for (ValueInfoProto v : graph.getInputList()) {
      if (shapes.containsKey(v.getName())) {
        continue; // an initializer listed as an input (IR < 4), or a fed tensor
      }
      Optional<long[]> s = staticShape(v);
      long[] given = inputShapes.getOrDefault(v.getName(), null);
      if (given != null) {
        int rank = v.getType().getTensorType().getShape().getDimCount();
        if (v.getType().getTensorType().hasShape() && rank != given.length) {
          throw new OnnxException("input '" + Names.printable(v.getName()) + "' has rank " + rank + "; --input-shape gives "
              + Shapes.show(given));
        }
        shapes.put(v.getName(), given);
      } else if (s.isPresent()) {
        shapes.put(v.getName(), s.get());
      } else {
        dynamic.add(v.getName());
      }
    }
    if (!dynamic.isEmpty()) {
      long[] only = inputShapes.get("");
      if (only == null || dynamic.size() > 1) {
        throw new OnnxException("input '" + Names.printable(dynamic.get(0)) + "' has a dynamic shape (" + describe(graph, dynamic.get(0))
            + "); give it with --input-shape" + (dynamic.size() > 1 ? " NAME=DIMS for each of " + dynamic.size() + " inputs" : ""));
      }
      shapes.put(dynamic.get(0), only);
    }
    List<String> inputs = new ArrayList<>();
    for (ValueInfoProto v : graph.getInputList()) {
      if (!initializers.containsKey(v.getName()) && !feeds.containsKey(v.getName())) {
        inputs.add(Names.printable(v.getName()) + " " + Shapes.show(shapes.get(v.getName())));
      }
    }
    input = String.join(", ", inputs);
    for (int i = 0; i < graph.getNodeCount(); i++) {
      NodeProto p = graph.getNode(i);
      Node n = Node.of(p, i);
      nodes.add(n);
      for (String in : p.getInputList()) {
        if (!in.isEmpty()) {
          consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(n);
        }
      }
      for (String out : p.getOutputList()) {
        if (!out.isEmpty() && producer.put(out, n) != null) {
          throw new OnnxException(n.where() + " writes tensor '" + Names.printable(out) + "', which another node also writes");
        }
      }
    }
  }

  private static String describe(GraphProto g, String name) {
    for (ValueInfoProto v : g.getInputList()) {
      if (v.getName().equals(name)) {
        if (!v.getType().getTensorType().hasShape()) {
          return "no shape";
        }
        List<String> dims = new ArrayList<>();
        for (TensorShapeProto.Dimension d : v.getType().getTensorType().getShape().getDimList()) {
          dims.add(d.hasDimValue() ? Long.toString(d.getDimValue()) : d.hasDimParam() ? Names.printable(d.getDimParam()) : "?");
        }
        return String.join(" x ", dims);
      }
    }
    return "unknown";
  }

  private static Optional<long[]> staticShape(ValueInfoProto v) {
    if (!v.hasType() || !v.getType().hasTensorType() || !v.getType().getTensorType().hasShape()) {
      return Optional.empty();
    }
    List<TensorShapeProto.Dimension> dims = v.getType().getTensorType().getShape().getDimList();
    long[] s = new long[dims.size()];
    for (int i = 0; i < s.length; i++) {
      if (!dims.get(i).hasDimValue() || dims.get(i).getDimValue() < 0) {
        return Optional.empty();
      }
      s[i] = dims.get(i).getDimValue();
    }
    return Optional.of(s);
  }

  /** A tensor's shape, which must be known by the time {@code reader} reads it. */
  long[] shape(String tensor, Node reader) {
    long[] s = shapes.get(tensor);
    if (s == null) {
      throw new OnnxException(reader.where() + " reads tensor '" + Names.printable(tensor)
          + "', which no initializer, input or earlier node provides");
    }
    return s;
  }

  /** A constant's values (initializer, fed tensor or folded Constant/Shape chain), or empty. */
  Optional<Tensor> constant(String tensor) {
    Tensor t = constants.get(tensor);
    if (t == null && initializers.containsKey(tensor)) {
      t = Tensor.decode(initializers.get(tensor));
      constants.put(tensor, t);
    }
    return Optional.ofNullable(t);
  }

  /** A constant a node needs (a scale, a zero point, a target shape): its absence is the model's fault. */
  Tensor requireConstant(String tensor, Node reader, String role) {
    return constant(tensor).orElseThrow(() -> new OnnxException(reader.where() + ": its " + role + " '" + Names.printable(tensor)
        + "' is not an initializer or constant" + (shapes.containsKey(tensor) ? " (it is computed at run time)" : " (missing)")));
  }

  boolean isInitializer(String tensor) {
    return initializers.containsKey(tensor);
  }

  private void infer() {
    for (Node n : nodes) {
      List<long[]> out = ShapeRules.apply(this, n);
      for (int i = 0; i < out.size() && i < n.outputs().size(); i++) {
        String name = n.outputs().get(i);
        if (name.isEmpty() || out.get(i) == null) {
          continue;
        }
        long[] d = declared.get(name);
        if (d != null && !Arrays.equals(d, out.get(i))) {
          throw new OnnxException("inconsistent shapes: tensor '" + Names.printable(name) + "' is declared " + Shapes.show(d) + " but "
              + n.where() + " gives " + Shapes.show(out.get(i)));
        }
        shapes.put(name, out.get(i));
      }
    }
  }

  void fold(String tensor, Tensor value) {
    constants.put(tensor, value);
  }
}
