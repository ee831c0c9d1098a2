package dev.qrtl.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Each supported operator's output shapes, and the small constant folding that shape arithmetic
 * needs (PyTorch exports a flatten as Shape, Gather, Unsqueeze, Concat, Reshape). An operator not
 * listed is refused by name: guessing its shape could misprice every layer after it.
 */
final class ShapeRules {
  private ShapeRules() {}

  /** Operators whose output has the shape of their first input. */
  private static final Set<String> SAME = Set.of("Identity", "Relu", "Clip", "LeakyRelu", "Sigmoid", "Tanh", "HardSigmoid",
      "HardSwish", "Softmax", "LogSoftmax", "Erf", "Gelu", "QuantizeLinear", "DequantizeLinear", "Cast", "BatchNormalization",
      "Dropout", "Neg", "Sqrt", "Reciprocal", "Exp", "LayerNormalization", "QLinearLeakyRelu", "QLinearSigmoid", "QLinearSoftmax");
  /** Element-wise operators with NumPy broadcasting over all their inputs. */
  private static final Set<String> BROADCAST = Set.of("Add", "Sub", "Mul", "Div", "Pow", "Max", "Min", "Sum", "Mean");

  /** Every operator qrtl imports, for the refusal message. */
  static Set<String> supported() {
    Set<String> s = new TreeSet<>(SAME);
    s.addAll(BROADCAST);
    s.addAll(List.of("Conv", "ConvInteger", "QLinearConv", "MatMul", "MatMulInteger", "QLinearMatMul", "Gemm", "MaxPool",
        "AveragePool", "GlobalAveragePool", "GlobalMaxPool", "QLinearGlobalAveragePool", "QLinearAveragePool", "QLinearAdd",
        "QLinearMul", "QLinearConcat", "QGemm", "Quant", "IntQuant", "BipolarQuant", "Trunc", "Reshape", "Flatten", "Transpose", "Concat", "Squeeze", "Unsqueeze", "Shape", "Gather", "Constant",
        "ReduceMean", "DynamicQuantizeLinear"));
    return s;
  }

  /** The operators of ONNX Runtime's contrib domain qrtl reads (its QOperator quantization writes them). */
  /** QONNX's quantizers (domain qonnx.custom_op.general, or FINN's older finn.custom_op.general; IntQuant is Quant's newer name): the shape of their input. */
  private static final Set<String> QONNX = Set.of("Quant", "IntQuant", "BipolarQuant", "Trunc");

  private static final Set<String> MICROSOFT = Set.of("QGemm", "QLinearAdd", "QLinearMul", "QLinearAveragePool",
      "QLinearGlobalAveragePool", "QLinearConcat", "QLinearSigmoid", "QLinearLeakyRelu", "QLinearSoftmax");

  /**
   * Refuses an operator outside its domain: an ONNX operator must be in the default domain, one
   * of ONNX Runtime's in {@code com.microsoft}; anything else (another vendor's, a custom op that
   * happens to share a name) is unknown, named with its domain.
   */
  private static void checkDomain(Node n) {
    String d = n.proto().getDomain();
    boolean known = MICROSOFT.contains(n.op()) ? d.equals("com.microsoft") : QONNX.contains(n.op()) ? QonnxQuant.DOMAINS.contains(d)
        : d.isEmpty() || d.equals("ai.onnx");
    if (!known) {
      throw new UnknownOperator(n.where() + " in domain '" + Names.printable(d.isEmpty() ? "ai.onnx" : d) + "' is an operator qrtl"
          + " does not import (qrtl reads ONNX's operators from the default domain, ONNX Runtime's QOperator forms from"
          + " 'com.microsoft' and QONNX's quantizers from 'qonnx.custom_op.general'); --skip-unknown prices the rest", d);
    }
  }

  static List<long[]> apply(OnnxImport g, Node n) {
    String op = n.op();
    checkDomain(n);
    if (SAME.contains(op) || QONNX.contains(op)) {
      long[] s = g.shape(n.requiredInput(0, "input"), n);
      if (op.equals("Cast") || op.equals("Identity")) {
        g.constant(n.requiredInput(0, "input")).ifPresent(t -> g.fold(n.output(0), new Tensor(n.output(0), t.dataType(), t.dims(),
            t.values())));
      }
      return List.of(s);
    }
    if (BROADCAST.contains(op)) {
      long[] s = g.shape(n.requiredInput(0, "input"), n);
      for (int i = 1; i < n.proto().getInputCount(); i++) {
        s = Shapes.broadcast(n, s, g.shape(n.requiredInput(i, "input"), n));
      }
      return List.of(s);
    }
    return switch (op) {
      case "Conv", "ConvInteger" -> List.of(conv(g, n, 0, 1));
      case "QLinearConv" -> List.of(conv(g, n, 0, 3));
      case "MatMul", "MatMulInteger" -> List.of(Shapes.matmul(n, g.shape(n.requiredInput(0, "A"), n), g.shape(n.requiredInput(1, "B"),
          n)));
      case "QLinearMatMul" -> List.of(Shapes.matmul(n, g.shape(n.requiredInput(0, "a"), n), g.shape(n.requiredInput(3, "b"), n)));
      case "Gemm" -> List.of(gemm(g, n, 0, 1));
      case "QGemm" -> List.of(gemm(g, n, 0, 3));
      case "QLinearConcat" -> {
        List<Integer> xs = new ArrayList<>();
        for (int i = 2; i < n.proto().getInputCount(); i += 3) {
          xs.add(i);
        }
        if (xs.isEmpty() || (n.proto().getInputCount() - 2) % 3 != 0) {
          throw new OnnxException(n.where() + ": " + n.proto().getInputCount() + " inputs, not Y_scale, Y_zero_point and triples of"
              + " (X, X_scale, X_zero_point)");
        }
        yield List.of(concat(g, n, xs));
      }
      case "MaxPool", "AveragePool", "QLinearAveragePool" -> {
        long[] x = g.shape(n.requiredInput(0, "input"), n);
        if (n.intAttr("channels_last", 0) != 0) {
          throw new OnnxException(n.where() + ": channels_last = 1 is not read (only NCHW pooling)");
        }
        long[] k = n.intsAttr("kernel_shape", null);
        if (k == null) {
          throw new OnnxException(n.where() + " has no kernel_shape");
        }
        yield List.of(Shapes.window(n, x, k, x.length > 1 ? x[1] : 0, n.intAttr("ceil_mode", 0) == 1));
      }
      case "GlobalAveragePool", "GlobalMaxPool", "QLinearGlobalAveragePool" -> {
        long[] x = g.shape(n.requiredInput(0, "input"), n);
        if (x.length < 3) {
          throw new OnnxException(n.where() + ": input " + Shapes.show(x) + " has no spatial dimensions");
        }
        long[] o = x.clone();
        if (n.intAttr("channels_last", 0) != 0) {
          Arrays.fill(o, 1, o.length - 1, 1); // N, spatial..., C
        } else {
          Arrays.fill(o, 2, o.length, 1);
        }
        yield List.of(o);
      }
      case "QLinearAdd", "QLinearMul" -> List.of(Shapes.broadcast(n, g.shape(n.requiredInput(0, "A"), n), g.shape(n.requiredInput(3, "B"),
          n)));
      case "DynamicQuantizeLinear" -> List.of(g.shape(n.requiredInput(0, "x"), n), new long[0], new long[0]);
      case "Reshape" -> {
        long[] x = g.shape(n.requiredInput(0, "data"), n);
        double[] target = n.input(1).isPresent() ? g.requireConstant(n.input(1).get(), n, "target shape").values()
            : Arrays.stream(n.intsAttr("shape", new long[0])).asDoubleStream().toArray();
        yield List.of(Shapes.reshape(n, x, target, n.intAttr("allowzero", 0) == 1));
      }
      case "Flatten" -> {
        long[] x = g.shape(n.requiredInput(0, "input"), n);
        int axis = Shapes.axis(n, n.intAttr("axis", 1), x.length, true);
        yield List.of(new long[] {Tensor.count(Arrays.copyOf(x, axis)), Tensor.count(Arrays.copyOfRange(x, axis, x.length))});
      }
      case "Transpose" -> {
        long[] x = g.shape(n.requiredInput(0, "data"), n);
        long[] perm = n.intsAttr("perm", null);
        long[] o = new long[x.length];
        for (int i = 0; i < x.length; i++) {
          int from = perm == null ? x.length - 1 - i : Shapes.axis(n, perm[i], x.length, false);
          o[i] = x[from];
        }
        if (perm != null && perm.length != x.length) {
          throw new OnnxException(n.where() + ": perm has " + perm.length + " axes for a rank-" + x.length + " input");
        }
        yield List.of(o);
      }
      case "Concat" -> List.of(concat(g, n));
      case "Squeeze", "Unsqueeze" -> List.of(squeeze(g, n, op.equals("Unsqueeze")));
      case "Shape" -> {
        long[] x = g.shape(n.requiredInput(0, "data"), n);
        g.fold(n.output(0), new Tensor(n.output(0), 7, new long[] {x.length}, Arrays.stream(x).asDoubleStream().toArray()));
        yield List.of(new long[] {x.length});
      }
      case "Gather" -> List.of(gather(g, n));
      case "Constant" -> {
        var t = n.tensorAttr("value").orElseThrow(() -> new OnnxException(n.where() + " has no tensor 'value' (other forms are not read)"));
        Tensor v = Tensor.decode(t.getT().toBuilder().setName(n.output(0)).build());
        g.fold(n.output(0), v);
        yield List.of(v.dims());
      }
      case "ReduceMean" -> {
        long[] x = g.shape(n.requiredInput(0, "data"), n);
        long[] axes = n.input(1).isPresent()
            ? Arrays.stream(g.requireConstant(n.input(1).get(), n, "axes").values()).mapToLong(d -> (long) d).toArray()
            : n.intsAttr("axes", null);
        boolean keep = n.intAttr("keepdims", 1) == 1;
        List<Long> o = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
          boolean reduced = axes == null;
          for (long a : axes == null ? new long[0] : axes) {
            reduced |= Shapes.axis(n, a, x.length, false) == i;
          }
          if (!reduced) {
            o.add(x[i]);
          } else if (keep) {
            o.add(1L);
          }
        }
        yield List.of(o.stream().mapToLong(Long::longValue).toArray());
      }
      default -> throw new UnknownOperator(n.where() + " is an operator qrtl does not import" + (n.proto().getDomain().isEmpty() ? ""
          : " (domain '" + Names.printable(n.proto().getDomain()) + "')") + "; --skip-unknown prices the rest; supported: "
          + String.join(", ", supported()), n.proto().getDomain());
    };
  }

  private static long[] conv(OnnxImport g, Node n, int x, int w) {
    long[] xs = g.shape(n.requiredInput(x, "input"), n);
    long[] ws = g.shape(n.requiredInput(w, "weight"), n);
    long group = n.intAttr("group", 1);
    if (ws.length != xs.length || ws.length < 3) {
      throw new OnnxException(n.where() + ": weight " + Shapes.show(ws) + " does not fit input " + Shapes.show(xs));
    }
    if (group < 1 || xs[1] != ws[1] * group || ws[0] % group != 0) {
      throw new OnnxException(n.where() + ": input " + Shapes.show(xs) + " has " + xs[1] + " channels; weight " + Shapes.show(ws)
          + " in " + group + " groups expects " + ws[1] * group);
    }
    long[] kernel = Arrays.copyOfRange(ws, 2, ws.length);
    long[] given = n.intsAttr("kernel_shape", null);
    if (given != null && !Arrays.equals(given, kernel)) {
      throw new OnnxException(n.where() + ": kernel_shape " + Shapes.show(given) + " differs from the weight's " + Shapes.show(kernel));
    }
    return Shapes.window(n, xs, kernel, ws[0], false);
  }

  private static long[] gemm(OnnxImport g, Node n, int ai, int bi) {
    long[] a = g.shape(n.requiredInput(ai, "A"), n);
    long[] b = g.shape(n.requiredInput(bi, "B"), n);
    if (a.length != 2 || b.length != 2) {
      throw new OnnxException(n.where() + ": Gemm needs two matrices, not " + Shapes.show(a) + " and " + Shapes.show(b));
    }
    boolean ta = n.intAttr("transA", 0) == 1;
    boolean tb = n.intAttr("transB", 0) == 1;
    long m = ta ? a[1] : a[0];
    long ka = ta ? a[0] : a[1];
    long kb = tb ? b[1] : b[0];
    long cols = tb ? b[0] : b[1];
    if (ka != kb) {
      throw new OnnxException(n.where() + ": inner dimensions differ, " + Shapes.show(a) + (ta ? "^T" : "") + " times " + Shapes.show(b)
          + (tb ? "^T" : ""));
    }
    return new long[] {m, cols};
  }

  private static long[] concat(OnnxImport g, Node n) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < n.proto().getInputCount(); i++) {
      all.add(i);
    }
    return concat(g, n, all);
  }

  private static long[] concat(OnnxImport g, Node n, List<Integer> inputs) {
    long[] first = g.shape(n.requiredInput(inputs.get(0), "input"), n);
    int axis = Shapes.axis(n, n.intAttr("axis", 0), first.length, false);
    long[] o = first.clone();
    boolean allConstant = true;
    List<Double> values = new ArrayList<>();
    for (int i : inputs) {
      String in = n.requiredInput(i, "input");
      long[] s = g.shape(in, n);
      if (i != inputs.get(0)) {
        if (s.length != first.length) {
          throw new OnnxException(n.where() + ": inputs of rank " + first.length + " and " + s.length);
        }
        for (int d = 0; d < s.length; d++) {
          if (d != axis && s[d] != first[d]) {
            throw new OnnxException(n.where() + ": input " + Shapes.show(s) + " does not match " + Shapes.show(first) + " off axis " + axis);
          }
        }
        o[axis] = Math.addExact(o[axis], s[axis]);
      }
      var c = g.constant(in);
      allConstant &= c.isPresent() && first.length == 1;
      c.ifPresent(t -> Arrays.stream(t.values()).forEach(values::add));
    }
    if (allConstant) {
      g.fold(n.output(0), new Tensor(n.output(0), 7, o, values.stream().mapToDouble(Double::doubleValue).toArray()));
    }
    return o;
  }

  private static long[] squeeze(OnnxImport g, Node n, boolean unsqueeze) {
    String in = n.requiredInput(0, "data");
    long[] x = g.shape(in, n);
    long[] axes = n.input(1).isPresent()
        ? Arrays.stream(g.requireConstant(n.input(1).get(), n, "axes").values()).mapToLong(d -> (long) d).toArray()
        : n.intsAttr("axes", null);
    List<Long> o = new ArrayList<>();
    if (unsqueeze) {
      if (axes == null) {
        throw new OnnxException(n.where() + " has no axes");
      }
      int rank = x.length + axes.length;
      boolean[] added = new boolean[rank];
      for (long a : axes) {
        added[Shapes.axis(n, a, rank, false)] = true;
      }
      for (int i = 0, j = 0; i < rank; i++) {
        o.add(added[i] ? 1L : x[j++]);
      }
    } else {
      for (int i = 0; i < x.length; i++) {
        boolean drop = axes == null ? x[i] == 1 : false;
        for (long a : axes == null ? new long[0] : axes) {
          drop |= Shapes.axis(n, a, x.length, false) == i;
        }
        if (drop && x[i] != 1) {
          throw new OnnxException(n.where() + ": cannot squeeze dimension " + i + " of " + Shapes.show(x));
        }
        if (!drop) {
          o.add(x[i]);
        }
      }
    }
    long[] s = o.stream().mapToLong(Long::longValue).toArray();
    g.constant(in).ifPresent(t -> g.fold(n.output(0), new Tensor(n.output(0), t.dataType(), s, t.values())));
    return s;
  }

  private static long[] gather(OnnxImport g, Node n) {
    String dataName = n.requiredInput(0, "data");
    String indexName = n.requiredInput(1, "indices");
    long[] data = g.shape(dataName, n);
    long[] idx = g.shape(indexName, n);
    if (data.length == 0) {
      throw new OnnxException(n.where() + ": gathers from a scalar");
    }
    int axis = Shapes.axis(n, n.intAttr("axis", 0), data.length, false);
    long[] o = new long[data.length - 1 + idx.length];
    System.arraycopy(data, 0, o, 0, axis);
    System.arraycopy(idx, 0, o, axis, idx.length);
    System.arraycopy(data, axis + 1, o, axis + idx.length, data.length - axis - 1);
    var d = g.constant(dataName);
    var i = g.constant(indexName);
    if (d.isPresent() && i.isPresent() && data.length == 1) {
      double[] v = new double[i.get().values().length];
      for (int k = 0; k < v.length; k++) {
        long at = (long) i.get().values()[k];
        at = at < 0 ? at + data[0] : at;
        if (at < 0 || at >= data[0]) {
          throw new OnnxException(n.where() + ": index " + (long) i.get().values()[k] + " is outside " + data[0] + " elements");
        }
        v[k] = d.get().values()[(int) at];
      }
      g.fold(n.output(0), new Tensor(n.output(0), d.get().dataType(), o, v));
    }
    return o;
  }
}
