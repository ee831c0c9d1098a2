package dev.qrtl.onnx;

import dev.qrtl.onnx.proto.OnnxProto.AttributeProto;
import dev.qrtl.onnx.proto.OnnxProto.ModelProto;
import dev.qrtl.onnx.proto.OnnxProto.OperatorSetIdProto;
import java.io.IOException;
import java.nio.file.Path;

/**
 * QONNX models as FINN and Brevitas export them, built with the protobuf builders: a float input,
 * QONNX {@code Quant} nodes (domain {@code qonnx.custom_op.general}) on every activation and weight
 * with their own bit widths, float Conv/Gemm between them. Weights are zeros: only shapes, scales
 * and widths matter to the importer.
 */
public final class QonnxBuilder {
  static final String DOMAIN = "qonnx.custom_op.general";
  private final ModelBuilder b = new ModelBuilder(ModelBuilder.Form.QDQ);
  private int count;

  public String input(String name, long... dims) {
    String x = b.input(name, dims);
    b.graph().getInputBuilder(b.graph().getInputCount() - 1).getTypeBuilder().getTensorTypeBuilder().setElemType(1);
    return x;
  }

  /** {@code Quant(x, scale, zeropt, bitwidth)} with per-tensor or per-channel scales. */
  public String quant(String x, double bits, boolean signed, boolean narrow, float... scale) {
    String n = "q" + count++;
    b.initializer(ModelBuilder.floats(n + "_scale", scale.length == 1 ? new long[0] : new long[] {scale.length}, scale));
    b.initializer(ModelBuilder.floats(n + "_zeropt", new long[0], 0f));
    b.initializer(ModelBuilder.floats(n + "_bitwidth", new long[0], (float) bits));
    return b.add(b.node("Quant", n, x, n + "_scale", n + "_zeropt", n + "_bitwidth").setDomain(DOMAIN)
        .addAttribute(ModelBuilder.integer("signed", signed ? 1 : 0)).addAttribute(ModelBuilder.integer("narrow", narrow ? 1 : 0))
        .addAttribute(AttributeProto.newBuilder().setName("rounding_mode").setType(AttributeProto.AttributeType.STRING)
            .setS(com.google.protobuf.ByteString.copyFromUtf8("ROUND"))));
  }

  public String bipolar(String x, float scale) {
    String n = "q" + count++;
    b.initializer(ModelBuilder.floats(n + "_scale", new long[0], scale));
    return b.add(b.node("BipolarQuant", n, x, n + "_scale").setDomain(DOMAIN));
  }

  /** A float weight of zeros. */
  public String weight(String name, long... dims) {
    long n = 1;
    for (long d : dims) {
      n *= d;
    }
    b.initializer(ModelBuilder.floats(name, dims, new float[(int) n]));
    return name;
  }

  /** Per-channel weight scales 1/64 .. channels/64. */
  public static float[] channelScales(int channels) {
    float[] s = new float[channels];
    for (int i = 0; i < channels; i++) {
      s[i] = (i + 1) / 64f;
    }
    return s;
  }

  public String conv(String name, String x, String w, int k) {
    return b.add(b.node("Conv", name, x, w).addAttribute(ModelBuilder.ints("kernel_shape", k, k))
        .addAttribute(ModelBuilder.ints("pads", k / 2, k / 2, k / 2, k / 2)));
  }

  public String relu(String x) {
    return b.add(b.node("Relu", "relu" + count++, x));
  }

  public String gemm(String name, String x, String w) {
    return b.add(b.node("Gemm", name, x, w).addAttribute(ModelBuilder.integer("transB", 1)));
  }

  public String flatten(String x) {
    return b.add(b.node("Flatten", "flatten" + count++, x).addAttribute(ModelBuilder.integer("axis", 1)));
  }

  public void output(String x) {
    b.output(x);
  }

  public ModelProto build() {
    return b.build().toBuilder().addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(DOMAIN).setVersion(1)).build();
  }

  public Path write(Path file) throws IOException {
    java.nio.file.Files.write(file, build().toByteArray());
    return file;
  }

  /** QONNX {@code Trunc} (version 1: X, scale, zeropt, in_bitwidth, out_bitwidth) of {@code x} from {@code in} to {@code out} bits. */
  public String trunc(String x, double in, double out, float scale) {
    String n = "t" + count++;
    b.initializer(ModelBuilder.floats(n + "_scale", new long[0], scale));
    b.initializer(ModelBuilder.floats(n + "_zeropt", new long[0], 0f));
    b.initializer(ModelBuilder.floats(n + "_in", new long[0], (float) in));
    b.initializer(ModelBuilder.floats(n + "_out", new long[0], (float) out));
    return b.add(b.node("Trunc", n, x, n + "_scale", n + "_zeropt", n + "_in", n + "_out").setDomain(DOMAIN)
        .addAttribute(ModelBuilder.integer("signed", 0)));
  }

  /** A FINN-style pool: 4-bit activations summed over 2 x 2 by an AveragePool and truncated from 6 to 4 bits by a Trunc. */
  public static QonnxBuilder withTrunc() {
    QonnxBuilder q = new QonnxBuilder();
    String x = q.quant(q.input("x", 1, 3, 8, 8), 8, false, false, 1 / 255f);
    String y = q.conv("stem", x, q.quant(q.weight("w0", 16, 3, 3, 3), 4, true, false, channelScales(16)), 3);
    y = q.quant(q.relu(y), 4, false, false, 0.25f);
    String p = q.b.add(q.b.node("AveragePool", "pool", y).addAttribute(ModelBuilder.ints("kernel_shape", 2, 2))
        .addAttribute(ModelBuilder.ints("strides", 2, 2)));
    q.output(q.trunc(p, 6, 4, 0.25f));
    return q;
  }

  /** 6-bit unsigned activations, 4-bit signed narrow per-channel weights, two convolutions: the first model. */
  public static QonnxBuilder a6w4() {
    QonnxBuilder q = new QonnxBuilder();
    String x = q.quant(q.input("x", 1, 3, 16, 16), 6, false, false, 0.05f);
    String y = q.conv("conv1", x, q.quant(q.weight("w1", 8, 3, 3, 3), 4, true, true, channelScales(8)), 3);
    y = q.quant(q.relu(y), 6, false, false, 0.1f);
    y = q.conv("conv2", y, q.quant(q.weight("w2", 8, 8, 1, 1), 4, true, true, channelScales(8)), 1);
    q.output(q.quant(y, 6, true, false, 0.2f));
    return q;
  }

  /**
   * Mixed widths per layer: an 8-bit stem with 8-bit weights into 4-bit activations, a 4 x 2-bit
   * convolution into 5 bits, a bipolar-weight convolution into 3 bits, and a 3 x 3-bit classifier into 8 bits.
   */
  public static QonnxBuilder mixed() {
    QonnxBuilder q = new QonnxBuilder();
    String x = q.quant(q.input("x", 1, 3, 8, 8), 8, false, false, 1 / 255f);
    String y = q.conv("stem", x, q.quant(q.weight("w0", 16, 3, 3, 3), 8, true, false, channelScales(16)), 3);
    y = q.quant(q.relu(y), 4, false, false, 0.25f);
    y = q.conv("mid", y, q.quant(q.weight("w1", 16, 16, 3, 3), 2, true, false, 0.5f), 3);
    y = q.quant(q.relu(y), 5, false, false, 0.125f);
    y = q.conv("binary", y, q.bipolar(q.weight("w2", 16, 16, 1, 1), 0.03f), 1);
    y = q.quant(q.relu(y), 3, false, false, 0.5f);
    y = q.gemm("fc", q.flatten(y), q.quant(q.weight("w3", 10, 16 * 8 * 8), 3, true, false, channelScales(10)));
    q.output(q.quant(y, 8, true, false, 0.1f));
    return q;
  }
}
