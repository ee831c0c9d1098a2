package dev.qrtl.onnx;

import com.google.protobuf.ByteString;
import dev.qrtl.onnx.proto.OnnxProto.AttributeProto;
import dev.qrtl.onnx.proto.OnnxProto.GraphProto;
import dev.qrtl.onnx.proto.OnnxProto.ModelProto;
import dev.qrtl.onnx.proto.OnnxProto.NodeProto;
import dev.qrtl.onnx.proto.OnnxProto.OperatorSetIdProto;
import dev.qrtl.onnx.proto.OnnxProto.TensorProto;
import dev.qrtl.onnx.proto.OnnxProto.TensorShapeProto;
import dev.qrtl.onnx.proto.OnnxProto.TypeProto;
import dev.qrtl.onnx.proto.OnnxProto.ValueInfoProto;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds quantized ONNX models for the tests with the protobuf builders, in either form: QDQ
 * (DequantizeLinear into a float Conv/Gemm, QuantizeLinear after it) or QOperator (QLinearConv,
 * QLinearMatMul). Weights are zeros of the right shape (only shapes and scales matter here); each
 * layer gets its own scales, so a test can check that the importer attributes them correctly:
 * input scale 2^-4, weight scale per channel {@code (c + 1) / 1024}, output scale 2^-3.
 */
public final class ModelBuilder {
  public enum Form {
    QDQ, QOPERATOR
  }

  static final float IN_SCALE = 1f / 16;
  static final float OUT_SCALE = 1f / 8;

  private final GraphProto.Builder g = GraphProto.newBuilder().setName("built");
  private final Form form;

  public ModelBuilder(Form form) {
    this.form = form;
  }

  static float weightScale(int channel) {
    return (channel + 1) / 1024f;
  }

  /** A uint8 graph input (the quantized image); {@code dims[i] < 0} leaves dimension i dynamic ("N"). */
  public String input(String name, long... dims) {
    TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
    for (long d : dims) {
      s.addDim(d < 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam("N") : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    g.addInput(ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
        TypeProto.Tensor.newBuilder().setElemType(2).setShape(s))));
    return name;
  }

  public static TensorProto floats(String name, long[] dims, float... v) {
    ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : v) {
      b.putFloat(f);
    }
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(1).setRawData(ByteString.copyFrom(b.array()));
    for (long d : dims) {
      t.addDims(d);
    }
    return t.build();
  }

  public static TensorProto bytes(String name, int type, long[] dims, long count) {
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type).setRawData(ByteString.copyFrom(new byte[(int) count]));
    for (long d : dims) {
      t.addDims(d);
    }
    return t.build();
  }

  public static TensorProto scalarU8(String name, int v) {
    return TensorProto.newBuilder().setName(name).setDataType(2).addInt32Data(v).build();
  }

  public static TensorProto ints64(String name, long... v) {
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(7).addDims(v.length);
    for (long x : v) {
      t.addInt64Data(x);
    }
    return t.build();
  }

  public void initializer(TensorProto t) {
    g.addInitializer(t);
  }

  public static AttributeProto ints(String name, long... v) {
    AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
    for (long x : v) {
      a.addInts(x);
    }
    return a.build();
  }

  public static AttributeProto integer(String name, long v) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(v).build();
  }

  public NodeProto.Builder node(String op, String name, String... inputs) {
    NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(name);
    for (String i : inputs) {
      n.addInput(i);
    }
    return n;
  }

  public String add(NodeProto.Builder n) {
    String out = n.getOutputCount() > 0 ? n.getOutput(0) : n.getName(); // a node's output is named after it
    if (n.getOutputCount() == 0) {
      n.addOutput(out);
    }
    g.addNode(n);
    return out;
  }

  private String[] quantParams(String prefix, float scale, int zp) {
    initializer(floats(prefix + "_scale", new long[0], scale));
    initializer(scalarU8(prefix + "_zp", zp));
    return new String[] {prefix + "_scale", prefix + "_zp"};
  }

  private String dequantize(String q, String prefix, float scale, int zp) {
    String[] p = quantParams(prefix, scale, zp);
    return add(node("DequantizeLinear", prefix + "_dq", q, p[0], p[1]));
  }

  private String quantize(String x, String prefix, float scale, int zp) {
    String[] p = quantParams(prefix, scale, zp);
    return add(node("QuantizeLinear", prefix + "_q", x, p[0], p[1]));
  }

  private float[] weightScales(int channels) {
    float[] s = new float[channels];
    for (int c = 0; c < channels; c++) {
      s[c] = weightScale(c);
    }
    return s;
  }

  /** A quantized convolution named {@code name} on the quantized tensor {@code x}, with bias; returns its quantized output. */
  public String conv(String name, String x, int cin, int cout, int k, int stride, int pad, int groups, boolean relu) {
    String w = name + "_w";
    initializer(bytes(w, 3, new long[] {cout, cin / groups, k, k}, (long) cout * (cin / groups) * k * k));
    initializer(floats(w + "_scale", new long[] {cout}, weightScales(cout)));
    initializer(TensorProto.newBuilder().setName(w + "_zp").setDataType(3).addDims(cout).setRawData(ByteString.copyFrom(new byte[cout]))
        .build());
    String b = name + "_b";
    initializer(bytes(b, 6, new long[] {cout}, 4L * cout));
    AttributeProto[] attrs = {ints("kernel_shape", k, k), ints("strides", stride, stride), ints("pads", pad, pad, pad, pad),
        integer("group", groups)};
    if (form == Form.QOPERATOR) {
      String[] xp = quantParams(name + "_x", IN_SCALE, 128);
      String[] yp = quantParams(name + "_y", OUT_SCALE, relu ? 0 : 128);
      NodeProto.Builder n = node("QLinearConv", name, x, xp[0], xp[1], w, w + "_scale", w + "_zp", yp[0], yp[1], b);
      for (AttributeProto a : attrs) {
        n.addAttribute(a);
      }
      return add(n);
    }
    String xd = dequantize(x, name + "_x", IN_SCALE, 128);
    String wd = add(node("DequantizeLinear", w + "_dq", w, w + "_scale", w + "_zp").addAttribute(integer("axis", 0)));
    float[] bs = weightScales(cout);
    for (int c = 0; c < cout; c++) {
      bs[c] *= IN_SCALE;
    }
    initializer(floats(b + "_scale", new long[] {cout}, bs));
    initializer(TensorProto.newBuilder().setName(b + "_zp").setDataType(6).addDims(cout).setRawData(ByteString.copyFrom(new byte[4 * cout]))
        .build());
    String bd = add(node("DequantizeLinear", b + "_dq", b, b + "_scale", b + "_zp").addAttribute(integer("axis", 0)));
    NodeProto.Builder n = node("Conv", name, xd, wd, bd);
    for (AttributeProto a : attrs) {
      n.addAttribute(a);
    }
    String y = add(n);
    if (relu) {
      y = add(node("Relu", name + "_relu", y));
    }
    return quantize(y, name + "_y", OUT_SCALE, relu ? 0 : 128);
  }

  /**
   * A QDQ convolution (k x k, stride 1, {@code pad} on every side) whose weight has a shape but no
   * values, with one weight scale: for layers too large to hold, whose sizes are what a test is about.
   */
  public String shapeOnlyConv(String name, String x, long cin, long cout, long k, long pad) {
    String w = name + "_w";
    initializer(TensorProto.newBuilder().setName(w).setDataType(3).addDims(cout).addDims(cin).addDims(k).addDims(k).build());
    initializer(floats(w + "_scale", new long[0], 1f / 256));
    initializer(TensorProto.newBuilder().setName(w + "_zp").setDataType(3).addInt32Data(0).build());
    String xd = dequantize(x, name + "_x", IN_SCALE, 128);
    String wd = add(node("DequantizeLinear", w + "_dq", w, w + "_scale", w + "_zp"));
    NodeProto.Builder n = node("Conv", name, xd, wd).addAttribute(ints("kernel_shape", k, k)).addAttribute(ints("pads", pad, pad, pad, pad));
    return quantize(add(n), name + "_y", OUT_SCALE, 128);
  }

  /** A fully connected layer on a quantized [rows, cin] tensor (Gemm with transB in QDQ, QLinearMatMul otherwise). */
  public String fc(String name, String x, int cin, int cout) {
    String w = name + "_w";
    if (form == Form.QOPERATOR) {
      initializer(bytes(w, 3, new long[] {cin, cout}, (long) cin * cout));
      initializer(floats(w + "_scale", new long[] {cout}, weightScales(cout)));
      initializer(TensorProto.newBuilder().setName(w + "_zp").setDataType(3).addDims(cout).setRawData(ByteString.copyFrom(new byte[cout]))
          .build());
      String[] xp = quantParams(name + "_x", IN_SCALE, 128);
      String[] yp = quantParams(name + "_y", OUT_SCALE, 128);
      return add(node("QLinearMatMul", name, x, xp[0], xp[1], w, w + "_scale", w + "_zp", yp[0], yp[1]));
    }
    initializer(bytes(w, 3, new long[] {cout, cin}, (long) cin * cout));
    initializer(floats(w + "_scale", new long[] {cout}, weightScales(cout)));
    initializer(TensorProto.newBuilder().setName(w + "_zp").setDataType(3).addDims(cout).setRawData(ByteString.copyFrom(new byte[cout]))
        .build());
    String xd = dequantize(x, name + "_x", IN_SCALE, 128);
    String wd = add(node("DequantizeLinear", w + "_dq", w, w + "_scale", w + "_zp").addAttribute(integer("axis", 0)));
    String y = add(node("Gemm", name, xd, wd).addAttribute(integer("transB", 1)));
    return quantize(y, name + "_y", OUT_SCALE, 128);
  }

  /** A float residual add of two quantized tensors, then ReLU, quantized again (both forms). */
  public String addRelu(String name, String a, String b) {
    String ad = dequantize(a, name + "_a", OUT_SCALE, 128);
    String bd = dequantize(b, name + "_b", OUT_SCALE, 128);
    String s = add(node("Add", name, ad, bd));
    return quantize(add(node("Relu", name + "_relu", s)), name + "_y", OUT_SCALE, 0);
  }

  public String maxPool(String name, String x, int k, int stride, int pad) {
    return add(node("MaxPool", name, x).addAttribute(ints("kernel_shape", k, k)).addAttribute(ints("strides", stride, stride))
        .addAttribute(ints("pads", pad, pad, pad, pad)));
  }

  /** Global average pool, then a flatten the PyTorch way: Shape, Gather, Unsqueeze, Concat, Reshape. */
  public String poolAndFlatten(String x) {
    String p = add(node("GlobalAveragePool", "avgpool", x));
    String shape = add(node("Shape", "flatten_shape", p));
    initializer(TensorProto.newBuilder().setName("zero_index").setDataType(7).addInt64Data(0).build());
    String batch = add(node("Gather", "flatten_gather", shape, "zero_index").addAttribute(integer("axis", 0)));
    initializer(ints64("unsqueeze_axes", 0));
    String b1 = add(node("Unsqueeze", "flatten_unsqueeze", batch, "unsqueeze_axes"));
    initializer(ints64("minus_one", -1));
    String target = add(node("Concat", "flatten_concat", b1, "minus_one").addAttribute(integer("axis", 0)));
    return add(node("Reshape", "flatten", p, target));
  }

  public void output(String name) {
    g.addOutput(ValueInfoProto.newBuilder().setName(name));
  }

  public GraphProto.Builder graph() {
    return g;
  }

  public ModelProto build() {
    return ModelProto.newBuilder().setIrVersion(8).setProducerName("qrtl-tests").setGraph(g)
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13)).build();
  }

  public Path write(Path file) throws IOException {
    Files.write(file, build().toByteArray());
    return file;
  }
}
