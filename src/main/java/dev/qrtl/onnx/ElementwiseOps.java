package dev.qrtl.onnx;

import dev.qrtl.results.Elementwise;
import dev.qrtl.results.Elementwise.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Finds the requantizations between layers, in graph order: ONNX Runtime's QOperator forms
 * ({@code com.microsoft} QLinearAdd, QLinearMul, QLinearAveragePool, QLinearGlobalAveragePool,
 * QLinearConcat, QLinearSigmoid, QLinearLeakyRelu, QLinearSoftmax, each with its inputs in the
 * contrib operator's order and its optional zero points) and their QDQ twins (Add, Mul,
 * AveragePool, GlobalAveragePool, Concat, Sigmoid, LeakyRelu, Softmax whose tensor inputs all come
 * from DequantizeLinear nodes of activations and whose output goes to a QuantizeLinear, directly or
 * through a Relu or Clip).
 */
final class ElementwiseOps {
  private final OnnxImport g;

  ElementwiseOps(OnnxImport g) {
    this.g = g;
  }

  List<Elementwise> collect() {
    List<Elementwise> out = new ArrayList<>();
    for (Node n : g.nodes) {
      if (!g.skipped(n)) {
        operator(n).or(() -> qdq(n)).ifPresent(out::add);
      }
    }
    return out;
  }

  /** The QOperator form: every scale an input of the node. */
  private Optional<Elementwise> operator(Node n) {
    return switch (n.op()) {
      case "QLinearAdd", "QLinearMul" -> Optional.of(make(n, n.op().equals("QLinearAdd") ? Kind.ADD : Kind.MUL, 1,
          new int[] {0, 3}, 6));
      case "QLinearAveragePool" -> Optional.of(make(n, Kind.AVERAGE_POOL, window(n), new int[] {0}, 3));
      case "QLinearGlobalAveragePool" -> Optional.of(make(n, Kind.AVERAGE_POOL, globalWindow(n, n.requiredInput(0, "X")),
          new int[] {0}, 3));
      case "QLinearSigmoid", "QLinearLeakyRelu", "QLinearSoftmax" -> Optional.of(make(n, Kind.LOOKUP, 1, new int[] {0}, 3));
      case "Trunc" -> Optional.of(trunc(n));
      case "QLinearConcat" -> {
        int count = (n.proto().getInputCount() - 2) / 3;
        int[] xs = new int[count];
        for (int i = 0; i < count; i++) {
          xs[i] = 2 + 3 * i;
        }
        yield Optional.of(make(n, Kind.CONCAT, 1, xs, 0));
      }
      default -> Optional.empty();
    };
  }

  /**
   * QONNX's Trunc: {@code X, scale, zeropt, in_bitwidth, out_bitwidth} (version 1, the output
   * scale the input's times 2^(in - out)) or {@code X, scale, zeropt, in_bitwidth, out_scale,
   * out_bitwidth} (version 2), with {@code signed}, {@code narrow} and {@code rounding_mode}
   * (FLOOR by default; ROUND, CEIL, FLOOR in either case).
   */
  private Elementwise trunc(Node n) {
    int count = n.proto().getInputCount();
    if (count != 5 && count != 6) {
      throw new OnnxException(n.where() + ": " + count + " inputs, not X, scale, zeropt, in_bitwidth, [out_scale,] out_bitwidth");
    }
    double in = scale(n, n.requiredInput(1, "scale"));
    long zp = zeroPoint(n, n.input(2));
    int inBits = bitWidth(n, 3, "in_bitwidth");
    boolean v2 = count == 6;
    int outBits = bitWidth(n, v2 ? 5 : 4, "out_bitwidth");
    double out = v2 ? scale(n, n.requiredInput(4, "out_scale")) : in * Math.scalb(1.0, inBits - outBits);
    String rounding = n.stringAttr("rounding_mode", "FLOOR").toUpperCase(java.util.Locale.ROOT);
    if (!rounding.equals("FLOOR") && !rounding.equals("ROUND") && !rounding.equals("CEIL")) {
      throw new OnnxException(n.where() + ": rounding_mode '" + Names.printable(rounding) + "' is not ROUND, CEIL or FLOOR");
    }
    boolean signed = n.intAttr("signed", 1) != 0;
    try {
      return new Elementwise(n.label(), Kind.TRUNC, "Trunc (" + rounding + ")", elements(g.shape(n.output(0), n), n), 1,
          new Elementwise.Scales(new double[] {in}, new long[] {zp}, out, 0, signed), inBits, outBits);
    } catch (IllegalArgumentException e) {
      throw new OnnxException(n.where() + ": " + e.getMessage());
    }
  }

  private int bitWidth(Node n, int index, String role) {
    double b = g.requireConstant(n.requiredInput(index, role), n, role).scalar(role);
    if (b != Math.rint(b) || b < 1 || b > 32) {
      throw new OnnxException(n.where() + ": " + role + " " + b + " is not an integer 1..32");
    }
    return (int) b;
  }

  /** An operator with its scales at {@code x + 1, x + 2} per input and {@code y, y + 1} for the output. */
  private Elementwise make(Node n, Kind kind, int window, int[] xs, int y) {
    double[] scales = new double[xs.length];
    long[] zps = new long[xs.length];
    for (int i = 0; i < xs.length; i++) {
      n.requiredInput(xs[i], "input");
      scales[i] = scale(n, n.requiredInput(xs[i] + 1, "input scale"));
      zps[i] = zeroPoint(n, n.input(xs[i] + 2));
    }
    double ys = scale(n, n.requiredInput(y, "output scale"));
    Optional<Tensor> yz = n.input(y + 1).map(t -> g.requireConstant(t, n, "output zero point"));
    long yzp = yz.map(t -> (long) t.scalar("output zero point")).orElse(0L);
    boolean signed = yz.map(t -> t.dataType() == 3).orElse(false);
    long outputs = kind == Kind.CONCAT ? rescaled(n, xs, scales, zps, ys, yzp) : elements(g.shape(n.output(0), n), n);
    return new Elementwise(n.label(), kind, n.op(), outputs, window, new Elementwise.Scales(scales, zps, ys, yzp, signed));
  }

  /** The QDQ form: the inputs' DequantizeLinear nodes and the output's QuantizeLinear give the scales. */
  private Optional<Elementwise> qdq(Node n) {
    Kind kind = switch (n.op()) {
      case "Add" -> Kind.ADD;
      case "Mul" -> Kind.MUL;
      case "AveragePool", "GlobalAveragePool" -> Kind.AVERAGE_POOL;
      case "Concat" -> Kind.CONCAT;
      case "Sigmoid", "LeakyRelu", "Softmax" -> Kind.LOOKUP;
      default -> null;
    };
    if (kind == null) {
      return Optional.empty();
    }
    int inputs = kind == Kind.ADD || kind == Kind.MUL ? 2 : kind == Kind.CONCAT ? n.proto().getInputCount() : 1;
    if (inputs < 1 || n.proto().getInputCount() < inputs) {
      return Optional.empty();
    }
    List<Node> dqs = new ArrayList<>();
    for (int i = 0; i < inputs; i++) {
      Node p = g.producer.get(n.requiredInput(i, "input"));
      if (p == null || !p.op().equals("DequantizeLinear") || g.isInitializer(p.requiredInput(0, "quantized input"))) {
        return Optional.empty(); // a float input, or a constant (a bias add belongs to its layer)
      }
      dqs.add(p);
    }
    List<Node> next = g.consumers.getOrDefault(n.output(0), List.of());
    if (next.size() == 1 && (next.get(0).op().equals("Relu") || next.get(0).op().equals("Clip"))) {
      next = g.consumers.getOrDefault(next.get(0).output(0), List.of()); // a ReLU after the add is the clamp's
    }
    if (next.size() != 1 || !next.get(0).op().equals("QuantizeLinear")) {
      return Optional.empty();
    }
    Node q = next.get(0);
    double[] scales = new double[inputs];
    long[] zps = new long[inputs];
    for (int i = 0; i < inputs; i++) {
      scales[i] = scale(dqs.get(i), dqs.get(i).requiredInput(1, "scale"));
      zps[i] = zeroPoint(dqs.get(i), dqs.get(i).input(2));
    }
    double ys = scale(q, q.requiredInput(1, "scale"));
    Optional<Tensor> yz = q.input(2).map(t -> g.requireConstant(t, q, "zero point"));
    long yzp = yz.map(t -> (long) t.scalar("zero point")).orElse(0L);
    boolean signed = yz.map(t -> t.dataType() == 3).orElse(false);
    int window = n.op().equals("AveragePool") ? window(n) : n.op().equals("GlobalAveragePool") ? globalWindow(n,
        n.requiredInput(0, "input")) : 1;
    int[] xs = new int[inputs];
    Arrays.setAll(xs, i -> i);
    long outputs = kind == Kind.CONCAT ? rescaled(n, xs, scales, zps, ys, yzp) : elements(g.shape(n.output(0), n), n);
    return Optional.of(new Elementwise(n.label(), kind, n.op() + " (QDQ)", outputs, window,
        new Elementwise.Scales(scales, zps, ys, yzp, signed)));
  }

  /** The elements of the concat's inputs whose scale or zero point differs from the output's: only they are rescaled. */
  private long rescaled(Node n, int[] xs, double[] scales, long[] zps, double ys, long yzp) {
    long sum = 0;
    for (int i = 0; i < xs.length; i++) {
      if (scales[i] != ys || zps[i] != yzp) {
        sum = Math.addExact(sum, elements(g.shape(n.requiredInput(xs[i], "input"), n), n));
      }
    }
    return sum;
  }

  private static int window(Node n) {
    long[] k = n.intsAttr("kernel_shape", null);
    if (k == null) {
      throw new OnnxException(n.where() + " has no kernel_shape");
    }
    return toWindow(n, Arrays.stream(k).reduce(1, Math::multiplyExact));
  }

  private int globalWindow(Node n, String x) {
    long[] s = g.shape(x, n);
    boolean last = n.intAttr("channels_last", 0) != 0;
    long w = 1;
    for (int i = last ? 1 : 2; i < (last ? s.length - 1 : s.length); i++) {
      w = Math.multiplyExact(w, s[i]);
    }
    return toWindow(n, w);
  }

  private static int toWindow(Node n, long w) {
    if (w < 1 || w > 1 << 24) {
      throw new OnnxException(n.where() + ": a pooling window of " + w + " elements is outside 1.." + (1 << 24));
    }
    return (int) w;
  }

  private static long elements(long[] shape, Node n) {
    long e = 1;
    for (long d : shape) {
      e = Math.multiplyExact(e, d);
    }
    if (e > dev.qrtl.results.Layer.MAX_OUTPUTS) {
      throw new OnnxException(n.where() + ": " + e + " output elements exceed the limit of " + dev.qrtl.results.Layer.MAX_OUTPUTS);
    }
    return e;
  }

  private double scale(Node n, String tensor) {
    Tensor t = g.requireConstant(tensor, n, "scale");
    if (t.values().length != 1) {
      throw new OnnxException(n.where() + ": scale '" + Names.printable(tensor) + "' has " + t.values().length + " values; an"
          + " activation's is one per tensor");
    }
    double v = t.values()[0];
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new OnnxException(n.where() + ": scale " + v + " is not a positive finite number");
    }
    return v;
  }

  private long zeroPoint(Node n, Optional<String> tensor) {
    return tensor.map(t -> (long) g.requireConstant(t, n, "zero point").scalar("zero point")).orElse(0L);
  }
}
