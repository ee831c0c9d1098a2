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
  /** Nodes left out under {@code --skip-unknown}, each with why, in graph order. */
  private final Map<Node, String> skipped = new java.util.LinkedHashMap<>();
  /** Tensors a skipped node writes whose shape the file does not declare. */
  private final java.util.Set<String> unshaped = new java.util.HashSet<>();
  private boolean skipUnknown;
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
    return read(file, inputShapes, feeds, false);
  }

  /**
   * {@link #read(Path, Map, Map)}; with {@code skipUnknown} an operator qrtl does not import is left
   * out instead of refusing the model, and so is every node that reads a tensor it writes whose
   * shape the file does not declare; the model's {@code skipped} list names each, with why.
   */
  public static OnnxModel read(Path file, Map<String, long[]> inputShapes, Map<String, TensorProto> feeds, boolean skipUnknown) {
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
    g.skipUnknown = skipUnknown;
    QuantizedLayers q;
    List<OnnxLayer> layers;
    List<QdqNode> quantizers;
    List<dev.qrtl.results.Elementwise> elementwise;
    try {
      g.load(m.getGraph(), inputShapes, feeds);
      g.infer();
      q = new QuantizedLayers(g);
      layers = q.collect();
      elementwise = new ElementwiseOps(g).collect();
      quantizers = q.quantizers();
    } catch (ArithmeticException e) {
      throw new OnnxException(file + ": a tensor's size overflows 64-bit arithmetic (limit " + Long.MAX_VALUE + ")");
    }
    String name = m.getGraph().getName().isEmpty() ? stem(file) : Names.printable(m.getGraph().getName());
    String producer = Names.printable((m.getProducerName() + " " + m.getProducerVersion()).trim());
    List<String> skippedNodes = g.skipped.entrySet().stream().map(e -> e.getKey().where() + ": " + e.getValue()).toList();
    return new OnnxModel(name, Names.printable(file.getFileName().toString()), Hashing.sha256File(bytes), producer, opset(m), g.input,
        layers, elementwise, quantizers, q.notes(), skippedNodes);
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
    applyInputShapes(graph, inputShapes);
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

  /**
   * Gives every graph input its shape: the model's where it is static, {@code --input-shape}'s
   * where the model leaves dimensions symbolic. Every given shape is used or refused: a name the
   * model has no input of, a shape whose rank differs, or one that would replace a dimension the
   * model fixes is an error (a shape equal to the model's own is accepted); the unnamed form ""
   * stands for the one input left dynamic.
   */
  private void applyInputShapes(GraphProto graph, Map<String, long[]> inputShapes) {
    Map<String, ValueInfoProto> real = new java.util.LinkedHashMap<>();
    for (ValueInfoProto v : graph.getInputList()) {
      if (!shapes.containsKey(v.getName())) { // not an initializer listed as an input (IR < 4), nor a fed tensor
        real.put(v.getName(), v);
      }
    }
    for (String name : inputShapes.keySet()) {
      if (!name.isEmpty() && !real.containsKey(name)) {
        throw new OnnxException("--input-shape names input '" + Names.printable(name) + "', which the model does not have (its inputs: "
            + String.join(", ", real.keySet().stream().map(Names::printable).toList()) + ")");
      }
    }
    List<String> dynamic = new ArrayList<>();
    for (ValueInfoProto v : real.values()) {
      long[] given = inputShapes.get(v.getName());
      if (given != null) {
        shapes.put(v.getName(), fit(v, given, "--input-shape " + Names.printable(v.getName()) + "=" + Shapes.show(given)));
      } else {
        Optional<long[]> s = staticShape(v);
        if (s.isPresent()) {
          shapes.put(v.getName(), s.get());
        } else {
          dynamic.add(v.getName());
        }
      }
    }
    long[] only = inputShapes.get("");
    if (dynamic.isEmpty()) {
      if (only != null) {
        // nothing is left to give: accepted only if it is what the model already says of its one input
        if (real.size() != 1) {
          throw new OnnxException("--input-shape " + Shapes.show(only) + " names no input, and the model has no input left with a dynamic"
              + " shape (give NAME=DIMS)");
        }
        ValueInfoProto v = real.values().iterator().next();
        fit(v, only, "--input-shape " + Shapes.show(only));
      }
      return;
    }
    if (only == null || dynamic.size() > 1) {
      throw new OnnxException("input '" + Names.printable(dynamic.get(0)) + "' has a dynamic shape (" + describe(graph, dynamic.get(0))
          + "); give it with --input-shape" + (dynamic.size() > 1 ? " NAME=DIMS for each of " + dynamic.size() + " inputs" : ""));
    }
    shapes.put(dynamic.get(0), fit(real.get(dynamic.get(0)), only, "--input-shape " + Shapes.show(only)));
  }

  /**
   * {@code given} as input {@code v}'s shape: same rank as the model declares, and equal to every
   * dimension the model fixes; only symbolic (or absent) dimensions take the given value.
   */
  private static long[] fit(ValueInfoProto v, long[] given, String option) {
    if (!v.hasType() || !v.getType().hasTensorType() || !v.getType().getTensorType().hasShape()) {
      return given; // the model says nothing of the shape: the user's is the only one
    }
    List<TensorShapeProto.Dimension> dims = v.getType().getTensorType().getShape().getDimList();
    if (dims.size() != given.length) {
      throw new OnnxException("input '" + Names.printable(v.getName()) + "' has rank " + dims.size() + "; " + option + " gives rank "
          + given.length);
    }
    for (int i = 0; i < given.length; i++) {
      TensorShapeProto.Dimension d = dims.get(i);
      if (d.hasDimValue() && d.getDimValue() >= 0 && d.getDimValue() != given[i]) {
        throw new OnnxException(option + " would replace dimension " + i + " of input '" + Names.printable(v.getName()) + "', which the"
            + " model fixes at " + d.getDimValue() + " (" + describe(v) + "); only symbolic dimensions can be given");
      }
    }
    return given;
  }

  private static String describe(ValueInfoProto v) {
    List<String> dims = new ArrayList<>();
    for (TensorShapeProto.Dimension d : v.getType().getTensorType().getShape().getDimList()) {
      dims.add(d.hasDimValue() ? Long.toString(d.getDimValue()) : d.hasDimParam() ? Names.printable(d.getDimParam()) : "?");
    }
    return String.join(" x ", dims);
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

  /** Whether {@code --skip-unknown} left {@code n} out. */
  boolean skipped(Node n) {
    return skipped.containsKey(n);
  }

  private void skip(Node n, String why) {
    skipped.put(n, why);
    for (String out : n.outputs()) {
      if (out.isEmpty()) {
        continue;
      }
      long[] d = declared.get(out);
      if (d != null) {
        shapes.put(out, d);
      } else {
        unshaped.add(out);
      }
    }
  }

  private void infer() {
    for (Node n : nodes) {
      List<long[]> out;
      if (skipUnknown) {
        Optional<String> blind = n.proto().getInputList().stream().filter(unshaped::contains).findFirst();
        if (blind.isPresent()) {
          skip(n, "reads '" + Names.printable(blind.get()) + "', written by a skipped node with no declared shape");
          continue;
        }
      }
      try {
        out = ShapeRules.apply(this, n);
      } catch (UnknownOperator e) {
        if (!skipUnknown) {
          throw e;
        }
        skip(n, "an operator qrtl does not import" + e.domain());
        continue;
      } catch (ArithmeticException e) {
        throw new OnnxException(n.where() + ": its output shape overflows 64-bit arithmetic (inputs " + inputShapes(n) + "; limit "
            + Long.MAX_VALUE + ")");
      }
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

  /** The shapes a node reads, as far as they are known, for messages. */
  private String inputShapes(Node n) {
    List<String> s = new ArrayList<>();
    for (String in : n.proto().getInputList()) {
      long[] d = in.isEmpty() ? null : shapes.get(in);
      s.add(d == null ? "?" : Shapes.show(d));
    }
    return String.join(", ", s);
  }

  void fold(String tensor, Tensor value) {
    constants.put(tensor, value);
  }
}
