package dev.qrtl.onnx;

import dev.qrtl.results.Activation;
import dev.qrtl.results.Quantization;
import dev.qrtl.results.Widths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Finds the layers whose accumulators are requantized, in graph order, and reads their
 * quantization: for a QLinearConv or QLinearMatMul from its own inputs; for a QDQ Conv, MatMul or
 * Gemm from the DequantizeLinear nodes feeding it and the QuantizeLinear after it (through a
 * Relu/Clip, a BatchNormalization or a constant bias Add); for ConvInteger and MatMulInteger, which
 * carry only zero points, the accumulator scale is the product of the constant Mul nodes after
 * their Cast, and the output scale the QuantizeLinear after those.
 */
final class QuantizedLayers {
  private final OnnxImport g;
  private final List<String> notes = new ArrayList<>();

  QuantizedLayers(OnnxImport g) {
    this.g = g;
  }

  List<String> notes() {
    return notes;
  }

  List<OnnxLayer> collect() {
    List<OnnxLayer> out = new ArrayList<>();
    for (Node n : g.nodes) {
      if (g.skipped(n)) {
        continue;
      }
      switch (n.op()) {
        case "QLinearConv" -> out.add(qlinear(n, 0, 3, 6, n.input(8)));
        case "QLinearMatMul" -> out.add(qlinear(n, 0, 3, 6, Optional.empty()));
        case "QGemm" -> out.add(qgemm(n));
        case "ConvInteger", "MatMulInteger" -> out.add(integer(n));
        case "Conv", "MatMul", "Gemm" -> qdq(n).or(() -> qonnx(n)).ifPresentOrElse(out::add, () -> notes.add(n.where()
            + " has float inputs (no DequantizeLinear or QONNX Quant before it): not a quantized layer, left out"));
        default -> {
          // not a layer with accumulators
        }
      }
    }
    return out;
  }

  /** Every QuantizeLinear and DequantizeLinear whose scale and zero point are constants. */
  List<QdqNode> quantizers() {
    List<QdqNode> out = new ArrayList<>();
    for (Node n : g.nodes) {
      if (!n.op().equals("QuantizeLinear") && !n.op().equals("DequantizeLinear") || g.skipped(n)) {
        continue;
      }
      String x = n.requiredInput(0, "input");
      String scale = n.requiredInput(1, "scale");
      if (n.intAttr("block_size", 0) != 0) {
        BlockScales b = BlockScales.read(g, n, g.shape(x, n)).orElseThrow();
        out.add(new QdqNode(n.label(), n.op(), Names.printable(x), g.shape(x, n), b.axis(), b.scales(), b.zeroPoints(),
            zeroPoint(n, 2).map(t -> t.dataType() == 3).orElse(false), b.block()));
        continue;
      }
      if (g.constant(scale).isEmpty()) {
        notes.add(n.where() + ": its scale is computed at run time");
        continue;
      }
      long[] shape = g.shape(x, n);
      Tensor s = g.constant(scale).get();
      int axis = s.values().length == 1 ? -1 : Shapes.axis(n, n.intAttr("axis", 1), shape.length, false);
      long slices = axis < 0 ? 1 : shape[axis];
      double[] sv = perChannel(n, scale, slices, "scale");
      Optional<Tensor> zp = zeroPoint(n, 2);
      long[] z = zp.map(t -> longs(perChannelValues(n, t, slices, "zero point"))).orElse(new long[] {0});
      // the integer side's type: the zero point's, else the quantized input's (DequantizeLinear) or uint8
      boolean signed = zp.map(t -> t.dataType() == 3).orElse(false);
      out.add(new QdqNode(n.label(), n.op(), Names.printable(x), shape, axis, sv, z, signed, 0));
    }
    return out;
  }

  private OnnxLayer qlinear(Node n, int x, int w, int y, Optional<String> bias) {
    double inScale = scalar(n, x + 1, "input scale");
    long inZp = zeroPoint(n, x + 2).map(t -> (long) t.scalar("input zero point")).orElse(0L);
    String weight = n.requiredInput(w, "weight");
    long channels = outputChannels(n, weight);
    double[] wScale = perChannel(n, n.requiredInput(w + 1, "weight scale"), channels, "weight scale");
    long[] wZp = zeroPoint(n, w + 2).map(t -> longs(perChannelValues(n, t, channels, "weight zero point"))).orElse(new long[] {0});
    double outScale = scalar(n, y, "output scale");
    Optional<Tensor> outZp = zeroPoint(n, y + 1);
    Chain after = follow(n.output(0), false);
    after.outScale = outScale;
    after.outZeroPoint = outZp.map(t -> (long) t.scalar("output zero point")).orElse(0L);
    after.outType = outZp.map(Tensor::dataType).orElse(2);
    Quantization q = new Quantization(times(wScale, inScale), outScale, after.outZeroPoint, after.outType == 3, inZp, wZp,
        bias.isPresent());
    return layer(n, "QOperator", n.requiredInput(x, "input"), weight, after, q);
  }

  /**
   * com.microsoft QGemm: A, a_scale, a_zero_point, B, b_scale, b_zero_point, C (int32 bias,
   * optional), y_scale and y_zero_point (optional: without them the output is float).
   */
  private OnnxLayer qgemm(Node n) {
    if (n.intAttr("transA", 0) == 1) {
      throw new OnnxException(n.where() + ": a QGemm with transA is not read as a layer");
    }
    double inScale = scalar(n, 1, "input scale");
    long inZp = zeroPoint(n, 2).map(t -> (long) t.scalar("input zero point")).orElse(0L);
    String weight = n.requiredInput(3, "weight");
    long channels = outputChannels(n, weight);
    double[] wScale = perChannel(n, n.requiredInput(4, "weight scale"), channels, "weight scale");
    long[] wZp = zeroPoint(n, 5).map(t -> longs(perChannelValues(n, t, channels, "weight zero point"))).orElse(new long[] {0});
    Chain after = n.input(7).isPresent() ? follow(n.output(0), false) : new Chain();
    if (n.input(7).isPresent()) {
      Optional<Tensor> outZp = zeroPoint(n, 8);
      after.outScale = scalar(n, 7, "output scale");
      after.outZeroPoint = outZp.map(t -> (long) t.scalar("output zero point")).orElse(0L);
      after.outType = outZp.map(Tensor::dataType).orElse(2);
    } else {
      notes.add(n.where() + ": its output is float (no y_scale): no output scale");
    }
    Quantization q = new Quantization(times(wScale, inScale), after.outScale, after.outZeroPoint, after.outType == 3, inZp, wZp,
        n.input(6).isPresent());
    return layer(n, "QOperator", n.requiredInput(0, "input"), weight, after, q);
  }

  private OnnxLayer integer(Node n) {
    String weight = n.requiredInput(1, "weight");
    long channels = outputChannels(n, weight);
    long inZp = zeroPoint(n, 2).map(t -> (long) t.scalar("input zero point")).orElse(0L);
    long[] wZp = zeroPoint(n, 3).map(t -> longs(perChannelValues(n, t, channels, "weight zero point"))).orElse(new long[] {0});
    Chain after = follow(n.output(0), true);
    double[] acc = after.scale == null ? null : perChannelValues(n, after.scale, channels, "scale product after the Cast");
    if (acc == null) {
      notes.add(n.where() + ": no constant Mul after it fixes the accumulator scale (computed at run time, as dynamic"
          + " quantization does): shapes only, no scale");
    }
    Quantization q = new Quantization(acc, after.outScale, after.outZeroPoint, after.outType == 3, inZp, wZp,
        after.bias);
    return layer(n, "integer", n.requiredInput(0, "input"), weight, after, q);
  }

  private Optional<OnnxLayer> qdq(Node n) {
    int wIndex = 1;
    Optional<Node> xdq = producedBy(n.requiredInput(0, "input"), "DequantizeLinear");
    Optional<Node> wdq = producedBy(n.requiredInput(wIndex, "weight"), "DequantizeLinear");
    if (xdq.isEmpty() || wdq.isEmpty()) {
      return Optional.empty();
    }
    if (n.op().equals("Gemm") && n.intAttr("transA", 0) == 1) {
      throw new OnnxException(n.where() + ": a Gemm with transA is not read as a layer");
    }
    Node xd = xdq.get();
    Node wd = wdq.get();
    String weight = n.requiredInput(wIndex, "weight");
    long channels = outputChannels(n, weight);
    Optional<BlockScales> xb = BlockScales.read(g, xd, g.shape(xd.requiredInput(0, "quantized input"), xd));
    Optional<BlockScales> wb = BlockScales.read(g, wd, g.shape(wd.requiredInput(0, "quantized weight"), wd));
    Chain after = follow(n.output(0), false);
    boolean bias = n.input(2).isPresent() || after.bias;
    boolean constantWeights = g.isInitializer(wd.requiredInput(0, "quantized weight"));
    if (xb.isPresent() || wb.isPresent() || after.outBlocks != null) {
      return Optional.of(blocked(n, xd, wd, xb, wb, after, bias, constantWeights));
    }
    double inScale = scalar(xd, 1, "input scale");
    long inZp = zeroPoint(xd, 2).map(t -> (long) t.scalar("input zero point")).orElse(0L);
    double[] wScale = perChannel(wd, wd.requiredInput(1, "weight scale"), channels, "weight scale");
    long[] wZp = zeroPoint(wd, 2).map(t -> longs(perChannelValues(wd, t, channels, "weight zero point"))).orElse(new long[] {0});
    Quantization q = new Quantization(times(wScale, inScale), after.outScale, after.outZeroPoint, after.outType == 3,
        inZp, wZp, bias);
    if (after.outScale == null) {
      notes.add(n.where() + ": its output is not quantized again (no QuantizeLinear after it): no output scale");
    }
    return Optional.of(layer(n, "QDQ", n.requiredInput(0, "input"), weight, after, q, constantWeights, null, null));
  }

  /**
   * A QDQ layer with block-scaled tensors (opset 21 {@code block_size}): weight and input blocks
   * must run along K (the weight's input-channel axis, the activation's channel or last axis), and
   * their K-group is the PE's (the smaller block where both are blocked, which must divide the
   * larger); an output block is the requantizer's parameter period. The accumulator scale is then
   * per block, not per channel: the layer carries no effective scale (its error is at a
   * calibrated one).
   */
  private OnnxLayer blocked(Node n, Node xd, Node wd, Optional<BlockScales> xb, Optional<BlockScales> wb, Chain after, boolean bias,
      boolean constantWeights) {
    String weight = n.requiredInput(1, "weight");
    long[] ws = g.shape(wd.requiredInput(0, "quantized weight"), wd);
    long[] xs = g.shape(xd.requiredInput(0, "quantized input"), xd);
    int wk = n.op().contains("Conv") ? 1 : gemm(n) ? (n.intAttr("transB", 0) == 1 ? 1 : 0) : ws.length - 2;
    int xk = n.op().contains("Conv") ? 1 : xs.length - 1;
    List<String> source = new ArrayList<>();
    int group = kGroup(n, wb, wk, 0, "weight", source);
    group = kGroup(n, xb, xk, group, "input", source);
    boolean pow2 = wb.map(BlockScales::powerOfTwo).orElse(true) && xb.map(BlockScales::powerOfTwo).orElse(true);
    if (after.outBlocks != null) {
      source.add(after.outBlocks.describe("output"));
    }
    if (group > 0) {
      int k = (int) Math.min(Integer.MAX_VALUE, Tensor.count(n.op().contains("Conv") ? java.util.Arrays.copyOfRange(ws, 1, ws.length)
          : new long[] {ws[wk]}));
      if (k % group != 0) {
        throw new OnnxException(n.where() + ": block size " + group + " does not divide K = " + k);
      }
    }
    dev.qrtl.results.Blocks blocks = new dev.qrtl.results.Blocks(group, pow2 ? "shift" : "fp16", after.outBlocks == null ? 0
        : after.outBlocks.block(), null, String.join("; ", source));
    notes.add(n.where() + ": block-scaled (" + blocks.source() + "): no per-channel scale; its error is at a calibrated one");
    Double outScale = after.outBlocks != null ? null : after.outScale;
    Quantization q = new Quantization(null, outScale, after.outZeroPoint, after.outType == 3, 0, new long[] {0}, bias);
    return layer(n, "QDQ blocked", n.requiredInput(0, "input"), weight, after, q, constantWeights, null, blocks);
  }

  /**
   * The K-group once {@code bs} (the {@code role} tensor's blocks, if any) joins {@code group}
   * (0: none yet): its blocks must run along K ({@code kAxis}) and divide, or be divided by, the
   * group so far; the smaller is the PE's. Adds the tensor's description to {@code source}.
   */
  private static int kGroup(Node n, Optional<BlockScales> bs, int kAxis, int group, String role, List<String> source) {
    if (bs.isEmpty()) {
      return group;
    }
    if (bs.get().axis() != kAxis) {
      throw new OnnxException(n.where() + ": " + bs.get().node() + " has blocks along axis " + bs.get().axis() + "; qrtl prices blocks"
          + " along K (axis " + kAxis + ")");
    }
    int size = bs.get().block();
    if (group != 0 && Math.max(group, size) % Math.min(group, size) != 0) {
      throw new OnnxException(n.where() + ": input blocks of " + size + " and weight blocks of " + group + " along K: one must divide"
          + " the other");
    }
    source.add(bs.get().describe(role));
    return group == 0 ? size : Math.min(group, size);
  }

  /**
   * A QONNX layer: a Conv, MatMul or Gemm whose input and weight come from QONNX Quant (or
   * BipolarQuant) nodes and whose output reaches another (through a Relu/Clip, a
   * BatchNormalization or a constant bias Add): its widths are the Quants' bit widths.
   */
  private Optional<OnnxLayer> qonnx(Node n) {
    Optional<Node> xq = qonnxQuantBefore(n.requiredInput(0, "input"));
    Optional<Node> wq = qonnxQuantBefore(n.requiredInput(1, "weight"));
    if (xq.isEmpty() || wq.isEmpty()) {
      return Optional.empty();
    }
    if (n.op().equals("Gemm") && n.intAttr("transA", 0) == 1) {
      throw new OnnxException(n.where() + ": a Gemm with transA is not read as a layer");
    }
    String weight = n.requiredInput(1, "weight");
    long channels = outputChannels(n, weight);
    QonnxQuant in = QonnxQuant.read(g, xq.get(), 1);
    QonnxQuant w = QonnxQuant.read(g, wq.get(), channels);
    Chain after = follow(n.output(0), false);
    if (after.qonnxOut == null) {
      throw new OnnxException(n.where() + ": its output reaches no QONNX Quant (through Relu, Clip, BatchNormalization or a bias Add), so"
          + " its output width is unknown");
    }
    QonnxQuant o = after.qonnxOut;
    double[] wScale = w.scales();
    Quantization q = new Quantization(times(wScale, in.scales()[0]), o.scales()[0], o.zeroPoints()[0], o.signed(), in.zeroPoints()[0],
        w.zeroPoints(), n.input(2).isPresent() || after.bias);
    if (after.activation == null && !o.signed() && o.zeroPoints()[0] == 0) {
      after.activation = new Activation(Activation.Kind.RELU, "output range: QONNX Quant '" + o.node() + "' is unsigned with zero point 0");
    }
    Widths widths;
    try {
      widths = new Widths(in.pricedBits(), w.pricedBits(), o.pricedBits(), "QONNX: input " + in.describe() + ", weight " + w.describe()
          + ", output " + o.describe());
    } catch (IllegalArgumentException e) {
      throw new OnnxException(n.where() + ": " + e.getMessage());
    }
    boolean constantWeights = g.isInitializer(wq.get().requiredInput(0, "weight"));
    return Optional.of(layer(n, "QONNX", n.requiredInput(0, "input"), weight, after, q, constantWeights, widths, null));
  }

  /** The QONNX Quant or BipolarQuant that writes {@code tensor}, through shape-only operators (Flatten, Reshape, Identity, Squeeze, Unsqueeze, Transpose). */
  private Optional<Node> qonnxQuantBefore(String tensor) {
    String t = tensor;
    for (int steps = 0; steps < 8; steps++) {
      Node p = g.producer.get(t);
      if (p == null) {
        return Optional.empty();
      }
      switch (p.op()) {
        case "Quant", "IntQuant", "BipolarQuant" -> {
          return Optional.of(p);
        }
        case "Flatten", "Reshape", "Identity", "Squeeze", "Unsqueeze", "Transpose" -> t = p.requiredInput(0, "data");
        default -> {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private OnnxLayer layer(Node n, String form, String input, String weight, Chain after, Quantization q) {
    return layer(n, form, input, weight, after, q, g.isInitializer(weight), null, null);
  }

  private OnnxLayer layer(Node n, String form, String input, String weight, Chain after, Quantization q,
      boolean constantWeights, Widths widths, dev.qrtl.results.Blocks blocks) {
    long[] x = g.shape(input, n);
    long[] w = g.shape(weight, n);
    long[] y = g.shape(n.output(0), n);
    boolean conv = n.op().contains("Conv");
    long[] kernel = conv ? Arrays.copyOfRange(w, 2, w.length) : new long[0];
    long[] strides = conv ? n.intsAttr("strides", Shapes.ones(kernel.length)) : new long[0];
    int groups = conv ? (int) n.intAttr("group", 1) : 1;
    if (gemm(n) && n.intAttr("transB", 0) == 1) {
      w = new long[] {w[1], w[0]};
    }
    Activation act = after.activation != null ? after.activation : OutputRanges.activation(after.outScale, after.outZeroPoint,
        after.outType).orElse(null);
    return new OnnxLayer(n.label(), n.op(), form, x, w, y, groups, kernel, strides, constantWeights, act != null, act, after.batchNorm, q,
        widths, blocks);
  }

  private static boolean gemm(Node n) {
    return n.op().equals("Gemm") || n.op().equals("QGemm");
  }

  /** The output channels a per-channel scale may have: a convolution's M, a product's last dimension. */
  private long outputChannels(Node n, String weight) {
    long[] w = g.shape(weight, n);
    if (n.op().contains("Conv")) {
      return w[0];
    }
    if (gemm(n)) {
      return n.intAttr("transB", 0) == 1 ? w[0] : w[1];
    }
    return w[w.length - 1];
  }

  private Optional<Node> producedBy(String tensor, String op) {
    Node p = g.producer.get(tensor);
    return p != null && p.op().equals(op) ? Optional.of(p) : Optional.empty();
  }

  private double scalar(Node n, int index, String role) {
    double v = g.requireConstant(n.requiredInput(index, role), n, role).scalar(role);
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new OnnxException(n.where() + ": " + role + " " + v + " is not a positive finite number");
    }
    return v;
  }

  private Optional<Tensor> zeroPoint(Node n, int index) {
    return n.input(index).map(t -> g.requireConstant(t, n, "zero point"));
  }

  private double[] perChannel(Node n, String tensor, long channels, String role) {
    double[] v = perChannelValues(n, g.requireConstant(tensor, n, role), channels, role);
    for (double d : v) {
      if (!(d > 0) || Double.isInfinite(d)) {
        throw new OnnxException(n.where() + ": " + role + " " + d + " is not a positive finite number");
      }
    }
    return v;
  }

  private static double[] perChannelValues(Node n, Tensor t, long channels, String role) {
    if (t.values().length != 1 && t.values().length != channels) {
      throw new OnnxException(n.where() + ": " + t.values().length + " values of " + role + " '" + Names.printable(t.name()) + "' for "
          + channels + " output channels");
    }
    return t.values();
  }

  private static double[] times(double[] v, double k) {
    double[] o = v.clone();
    for (int i = 0; i < o.length; i++) {
      o[i] *= k;
    }
    return o;
  }

  private static long[] longs(double[] v) {
    return Arrays.stream(v).mapToLong(d -> (long) d).toArray();
  }

  /** What follows a layer's accumulator output up to its QuantizeLinear. */
  private static final class Chain {
    Tensor scale;
    Double outScale;
    long outZeroPoint;
    /** The output zero point's ONNX data type (2 uint8, 3 int8, 4 uint16, 5 int16); uint8 when it has none. */
    int outType = 2;
    boolean bias;
    Activation activation;
    boolean batchNorm;
    /** The QONNX Quant that quantizes the output, if that is how the model does it. */
    QonnxQuant qonnxOut;
    /** The output QuantizeLinear's block scales (opset 21 block_size), if it has them. */
    BlockScales outBlocks;
  }

  private Chain follow(String tensor, boolean integer) {
    Chain c = new Chain();
    String t = tensor;
    for (int steps = 0; steps < 16; steps++) {
      List<Node> next = g.consumers.getOrDefault(t, List.of());
      if (next.size() != 1) {
        return c;
      }
      Node n = next.get(0);
      String other = n.proto().getInputCount() == 2 ? (n.proto().getInput(0).equals(t) ? n.proto().getInput(1) : n.proto().getInput(0))
          : null;
      switch (n.op()) {
        case "Cast", "Identity" -> { }
        case "Mul" -> {
          if (!integer || other == null || g.constant(other).isEmpty()) {
            return c;
          }
          Tensor k = g.constant(other).get();
          c.scale = c.scale == null ? k : product(n, c.scale, k);
        }
        case "Add" -> {
          if (other == null || g.constant(other).isEmpty()) {
            return c;
          }
          c.bias = true;
        }
        case "BatchNormalization" -> c.batchNorm = true;
        case "Relu" -> c.activation = new Activation(Activation.Kind.RELU, "Relu node '" + n.label() + "'");
        case "Clip" -> c.activation = clip(n);
        case "Quant", "IntQuant", "BipolarQuant" -> {
          c.qonnxOut = QonnxQuant.read(g, n, 1);
          return c;
        }
        case "QuantizeLinear" -> {
          c.outBlocks = BlockScales.read(g, n, g.shape(n.requiredInput(0, "input"), n)).orElse(null);
          if (c.outBlocks != null) {
            Optional<Tensor> zp = zeroPoint(n, 2);
            c.outType = zp.map(Tensor::dataType).orElse(2);
            return c;
          }
          c.outScale = scalar(n, 1, "output scale");
          Optional<Tensor> zp = zeroPoint(n, 2);
          c.outZeroPoint = zp.map(z -> (long) z.scalar("output zero point")).orElse(0L);
          c.outType = zp.map(Tensor::dataType).orElse(2);
          return c;
        }
        default -> {
          return c;
        }
      }
      t = n.output(0);
    }
    return c;
  }

  /** A Clip's bounds (inputs since opset 11, attributes before): 0..6 is ReLU6, 0..(none or more) ReLU, anything else a clamp. */
  private Activation clip(Node n) {
    double lo = n.input(1).map(t -> g.requireConstant(t, n, "min").scalar("min")).orElse((double) n.floatAttr("min")
        .orElse(Float.NEGATIVE_INFINITY));
    double hi = n.input(2).map(t -> g.requireConstant(t, n, "max").scalar("max")).orElse((double) n.floatAttr("max")
        .orElse(Float.POSITIVE_INFINITY));
    String how = "Clip node '" + n.label() + "' (" + lo + " .. " + hi + ")";
    if (lo == 0 && hi == 6) {
      return new Activation(Activation.Kind.RELU6, how);
    }
    return new Activation(lo == 0 && hi == Double.POSITIVE_INFINITY ? Activation.Kind.RELU : Activation.Kind.CLIP, how);
  }

  private static Tensor product(Node n, Tensor a, Tensor b) {
    if (a.values().length != 1 && b.values().length != 1 && a.values().length != b.values().length) {
      throw new OnnxException(n.where() + ": scale factors of " + a.values().length + " and " + b.values().length + " values");
    }
    int len = Math.max(a.values().length, b.values().length);
    double[] v = new double[len];
    for (int i = 0; i < len; i++) {
      v[i] = a.values()[a.values().length == 1 ? 0 : i] * b.values()[b.values().length == 1 ? 0 : i];
    }
    return new Tensor(a.name(), a.dataType(), new long[] {len}, v);
  }
}
