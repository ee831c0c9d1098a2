package dev.qrtl.hardening;

import dev.qrtl.network.OnnxNetworks;
import dev.qrtl.onnx.ModelBuilder;
import dev.qrtl.onnx.OnnxImport;
import dev.qrtl.onnx.proto.OnnxProto.AttributeProto;
import dev.qrtl.onnx.proto.OnnxProto.GraphProto;
import dev.qrtl.onnx.proto.OnnxProto.ModelProto;
import dev.qrtl.onnx.proto.OnnxProto.NodeProto;
import dev.qrtl.onnx.proto.OnnxProto.TensorProto;
import dev.qrtl.onnx.proto.OnnxProto.TensorShapeProto;
import dev.qrtl.onnx.proto.OnnxProto.ValueInfoProto;
import dev.qrtl.util.QrtlException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ONNX importer and the network built from it, fed seeded mutations of a small valid QDQ
 * model (a convolution, a residual add, a pool, a flatten and a fully connected layer): half are
 * byte-level edits of the protobuf ({@link ParserFuzzTest#mutate}), half edit the fields sizes come
 * from (initializer dimensions, input shapes, kernel, stride, pad and group attributes, Reshape
 * targets) to extreme values: 0, -1, 2^31, 2^32, 2^40, 2^62, the largest and smallest 64-bit
 * numbers, or drop a node's input. Each mutation either imports into a network whose counts are
 * non-negative, or is refused in one line ({@link QrtlException}, or the layer's own
 * IllegalArgumentException); never another exception, a negative count or a wrapped size.
 */
class OnnxFuzzTest {
  @TempDir Path dir;

  private static final long[] EXTREMES = {0, 1, -1, 2, 3, 7, 255, Integer.MAX_VALUE, 1L << 31, 1L << 32, 1L << 40, 1L << 62, Long.MAX_VALUE,
      Long.MIN_VALUE};

  static ModelProto base() {
    ModelBuilder b = new ModelBuilder(ModelBuilder.Form.QDQ);
    String x = b.input("x", 1, 3, 16, 16);
    String y = b.conv("stem", x, 3, 8, 3, 1, 1, 1, true);
    String z = b.conv("pw", y, 8, 8, 1, 1, 0, 1, false);
    String s = b.addRelu("res", y, z);
    String f = b.poolAndFlatten(s);
    b.output(b.fc("fc", f, 8, 4));
    return b.build();
  }

  /**
   * The QOperator twin ONNX Runtime writes: QLinearConv, then its {@code com.microsoft} operators
   * with their optional inputs (QLinearAdd, QLinearGlobalAveragePool, QLinearConcat, QGemm with no
   * bias), so the contrib operators' input conventions are fuzzed too.
   */
  static ModelProto qoperatorBase() {
    ModelBuilder b = new ModelBuilder(ModelBuilder.Form.QOPERATOR);
    String x = b.input("x", 1, 3, 16, 16);
    String y = b.conv("stem", x, 3, 8, 3, 1, 1, 1, true);
    String z = b.conv("pw", y, 8, 8, 1, 1, 0, 1, false);
    String ms = "com.microsoft";
    String add = b.add(b.node("QLinearAdd", "res", y, "stem_y_scale", "stem_y_zp", z, "pw_y_scale", "pw_y_zp", "stem_y_scale",
        "stem_y_zp").setDomain(ms));
    String pool = b.add(b.node("QLinearGlobalAveragePool", "gap", add, "stem_y_scale", "stem_y_zp", "pw_y_scale", "pw_y_zp")
        .setDomain(ms));
    String cat = b.add(b.node("QLinearConcat", "cat", "stem_y_scale", "stem_y_zp", pool, "pw_y_scale", "pw_y_zp", pool, "stem_y_scale",
        "stem_y_zp").setDomain(ms).addAttribute(ModelBuilder.integer("axis", 1)));
    String flat = b.add(b.node("Flatten", "flat", cat).addAttribute(ModelBuilder.integer("axis", 1)));
    b.initializer(ModelBuilder.bytes("fc_w", 3, new long[] {4, 16}, 64));
    b.initializer(ModelBuilder.floats("fc_w_scale", new long[] {4}, 0.01f, 0.02f, 0.03f, 0.04f));
    b.output(b.add(b.node("QGemm", "fc", flat, "stem_y_scale", "stem_y_zp", "fc_w", "fc_w_scale", "", "", "stem_y_scale", "stem_y_zp")
        .setDomain(ms).addAttribute(ModelBuilder.integer("transB", 1))));
    return b.build();
  }

  private static long extreme(SplittableRandom rnd) {
    return rnd.nextInt(4) == 0 ? rnd.nextLong() : EXTREMES[rnd.nextInt(EXTREMES.length)];
  }

  /** Half byte-level, half a size field set to an extreme value (or a node input dropped). */
  static byte[] mutate(byte[] base, SplittableRandom rnd) {
    if (rnd.nextBoolean()) {
      return ParserFuzzTest.mutate(base, rnd);
    }
    ModelProto m;
    try {
      m = ModelProto.parseFrom(base);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    GraphProto.Builder g = m.getGraph().toBuilder();
    switch (rnd.nextInt(5)) {
      case 0 -> { // an initializer's dimension
        int i = rnd.nextInt(g.getInitializerCount());
        TensorProto.Builder t = g.getInitializer(i).toBuilder();
        if (t.getDimsCount() > 0) {
          t.setDims(rnd.nextInt(t.getDimsCount()), extreme(rnd));
        } else {
          t.addDims(extreme(rnd));
        }
        g.setInitializer(i, t);
      }
      case 1 -> { // a graph input's dimension, or a symbolic one
        ValueInfoProto.Builder v = g.getInput(0).toBuilder();
        TensorShapeProto.Builder s = v.getTypeBuilder().getTensorTypeBuilder().getShapeBuilder();
        int d = rnd.nextInt(s.getDimCount());
        s.setDim(d, rnd.nextInt(5) == 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam("N")
            : TensorShapeProto.Dimension.newBuilder().setDimValue(extreme(rnd)));
        g.setInput(0, v);
      }
      case 2, 3 -> { // a size attribute of a node
        int n = rnd.nextInt(g.getNodeCount());
        NodeProto.Builder node = g.getNode(n).toBuilder();
        if (node.getAttributeCount() == 0) {
          node.addAttribute(AttributeProto.newBuilder().setName(List.of("axis", "group", "kernel_shape", "strides", "pads").get(rnd.nextInt(5)))
              .setType(AttributeProto.AttributeType.INT).setI(extreme(rnd)));
        } else {
          int a = rnd.nextInt(node.getAttributeCount());
          AttributeProto.Builder at = node.getAttribute(a).toBuilder();
          if (at.getIntsCount() > 0) {
            at.setInts(rnd.nextInt(at.getIntsCount()), extreme(rnd));
          } else {
            at.setI(extreme(rnd));
          }
          node.setAttribute(a, at);
        }
        g.setNode(n, node);
      }
      default -> { // a node loses an input
        int n = rnd.nextInt(g.getNodeCount());
        NodeProto.Builder node = g.getNode(n).toBuilder();
        if (node.getInputCount() > 0) {
          List<String> in = new java.util.ArrayList<>(node.getInputList());
          in.remove(rnd.nextInt(in.size()));
          node.clearInput().addAllInput(in);
        }
        g.setNode(n, node);
      }
    }
    return m.toBuilder().setGraph(g).build().toByteArray();
  }

  @Test
  void theImporterRefusesInOneLineOrImportsSaneSizes() {
    fuzz("ONNX model", base(), false);
  }

  /** The QOperator form, read strictly and with {@code --skip-unknown} (which must still refuse in one line or import sane sizes). */
  @Test
  void theQOperatorFormAndSkipUnknownRefuseInOneLineOrImportSaneSizes() throws IOException {
    Path f = dir.resolve("qop.onnx");
    Files.write(f, qoperatorBase().toByteArray());
    var m = OnnxImport.read(f, Map.of(), Map.of());
    if (m.layers().size() != 3 || m.elementwise().size() != 3) {
      throw new AssertionError("the unmutated model: " + m.layers().size() + " layers, " + m.elementwise());
    }
    fuzz("QOperator model", qoperatorBase(), false);
    fuzz("QOperator model, --skip-unknown", qoperatorBase(), true);
  }

  /** A QONNX model (Quant and BipolarQuant at mixed widths), its width, scale and attribute fields fuzzed with the rest. */
  @Test
  void theQonnxFormRefusesInOneLineOrImportsSaneSizes() {
    fuzz("QONNX model", dev.qrtl.onnx.QonnxBuilder.mixed().build(), false, new long[] {1, 3, 8, 8});
    fuzz("QONNX model with a Trunc", dev.qrtl.onnx.QonnxBuilder.withTrunc().build(), false, new long[] {1, 3, 8, 8});
  }

  /** A blocked-QDQ model (opset 21 block_size 32 along K): block sizes, axes and scale shapes fuzzed with the rest. */
  @Test
  void theBlockedFormRefusesInOneLineOrImportsSaneSizes() throws IOException {
    Path f = dev.qrtl.onnx.BlockedModels.matmul(dir.resolve("blocked.onnx"), 32, 0, false);
    fuzz("blocked QDQ model", ModelProto.parseFrom(Files.readAllBytes(f)), false, new long[] {1, 64, 256});
  }

  private void fuzz(String what, ModelProto base, boolean skipUnknown) {
    fuzz(what, base, skipUnknown, new long[] {1, 3, 16, 16});
  }

  private void fuzz(String what, ModelProto base, boolean skipUnknown, long[] inputShape) {
    Path f = dir.resolve("fuzz.onnx");
    ParserFuzzTest.fuzz(what, base.toByteArray(), List.of(QrtlException.class, IllegalArgumentException.class), b -> {
      try {
        Files.write(f, b);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      var model = OnnxImport.read(f, Map.of("", inputShape), Map.of(), skipUnknown);
      for (var e : model.elementwise()) {
        if (e.outputs() < 0 || e.window() < 1) {
          throw new AssertionError(e.name() + " has " + e.outputs() + " outputs, window " + e.window());
        }
      }
      var net = OnnxNetworks.of(model);
      for (var l : net.layers()) {
        if (l.k() < 1 || l.outputs() < 1 || l.macs() < l.outputs()) {
          throw new AssertionError("layer " + l.name() + " has K " + l.k() + ", " + l.outputs() + " outputs, " + l.macs() + " MACs");
        }
      }
      if (net.macs() < 0) {
        throw new AssertionError("negative MACs " + net.macs());
      }
    }, OnnxFuzzTest::mutate);
  }
}
