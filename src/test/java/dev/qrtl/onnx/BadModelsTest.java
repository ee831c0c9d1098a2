package dev.qrtl.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.cli.Main;
import dev.qrtl.onnx.proto.OnnxProto.ModelProto;
import dev.qrtl.onnx.proto.OnnxProto.TensorShapeProto;
import dev.qrtl.onnx.proto.OnnxProto.TypeProto;
import dev.qrtl.onnx.proto.OnnxProto.ValueInfoProto;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code qrtl network --model FILE.onnx} on broken models: each gets one line naming the node or
 * tensor at fault, exit 1, and no output folder (the model is read before anything is written).
 */
class BadModelsTest {
  @TempDir Path dir;

  /** The small QDQ network every broken model starts from. */
  static ModelBuilder small() {
    ModelBuilder b = new ModelBuilder(ModelBuilder.Form.QDQ);
    String x = b.input("x", 1, 3, 16, 16);
    x = b.conv("stem", x, 3, 8, 3, 1, 1, 1, true);
    x = b.conv("pw", x, 8, 8, 1, 1, 0, 1, false);
    b.output(x);
    return b;
  }

  static Stream<Arguments> models() {
    byte[] good = small().build().toByteArray();
    byte[] garbage = new byte[4096];
    new SplittableRandom(7).nextBytes(garbage);
    ModelBuilder unsupported = small();
    unsupported.add(unsupported.node("Resize", "upsample", "pw_y_q"));
    ModelBuilder foreign = small();
    foreign.add(foreign.node("Relu", "vendor_relu", "pw_y_q").setDomain("com.example"));
    ModelBuilder qgemm = small();
    String flat = qgemm.add(qgemm.node("Flatten", "flatten", "pw_y_q").addAttribute(ModelBuilder.integer("axis", 1)));
    qgemm.initializer(ModelBuilder.bytes("fc_w", 3, new long[] {8 * 16 * 16, 10}, 8 * 16 * 16 * 10));
    qgemm.add(qgemm.node("QGemm", "fc", flat, "", "", "fc_w").setDomain("com.microsoft"));
    ModelBuilder noScale = small();
    var g = noScale.graph();
    for (int i = 0; i < g.getInitializerCount(); i++) {
      if (g.getInitializer(i).getName().equals("stem_x_scale")) {
        g.removeInitializer(i);
        break;
      }
    }
    ModelBuilder dynamic = new ModelBuilder(ModelBuilder.Form.QDQ);
    dynamic.output(dynamic.conv("stem", dynamic.input("x", -1, 3, 16, 16), 3, 8, 3, 1, 1, 1, true));
    ModelBuilder inconsistent = small();
    inconsistent.graph().addValueInfo(ValueInfoProto.newBuilder().setName("stem").setType(TypeProto.newBuilder().setTensorType(
        TypeProto.Tensor.newBuilder().setElemType(1).setShape(TensorShapeProto.newBuilder()
            .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(1)).addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(8))
            .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(8)).addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(8))))));
    ModelBuilder wrongChannels = new ModelBuilder(ModelBuilder.Form.QDQ);
    wrongChannels.output(wrongChannels.conv("stem", wrongChannels.input("x", 1, 4, 16, 16), 3, 8, 3, 1, 1, 1, true));
    return Stream.of(
        Arguments.of("truncated protobuf", Arrays.copyOf(good, good.length / 2), "is not an ONNX model (protobuf:"),
        Arguments.of("garbage", garbage, "is not an ONNX model"),
        Arguments.of("unsupported operator", unsupported.build().toByteArray(), "node 'upsample' (Resize) is an operator qrtl does not import"),
        Arguments.of("operator in an unknown domain", foreign.build().toByteArray(), "node 'vendor_relu' (Relu) in domain 'com.example'"
            + " is an operator qrtl does not import"),
        Arguments.of("QGemm without its scale inputs", qgemm.build().toByteArray(), "node 'fc' (QGemm) has no input scale (input 1)"),
        Arguments.of("missing scale initializer", noScale.build().toByteArray(), "node 'stem_x_dq' (DequantizeLinear): its input scale"
            + " 'stem_x_scale' is not an initializer or constant (missing)"),
        Arguments.of("dynamic input shape", dynamic.build().toByteArray(), "input 'x' has a dynamic shape (N x 3 x 16 x 16); give it with"
            + " --input-shape"),
        Arguments.of("inconsistent shapes", inconsistent.build().toByteArray(), "inconsistent shapes: tensor 'stem' is declared 1x8x8x8"
            + " but node 'stem' (Conv) gives 1x8x16x16"),
        Arguments.of("weight that does not fit its input", wrongChannels.build().toByteArray(), "node 'stem' (Conv): input 1x4x16x16 has 4"
            + " channels; weight 8x3x3x3 in 1 groups expects 3"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void oneLineExitOneAndNoOutput(String what, byte[] model, String expected) throws Exception {
    Path file = dir.resolve("model.onnx");
    Files.write(file, model);
    Path out = dir.resolve("out");
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = Main.execute(new PrintWriter(o), new PrintWriter(e), new String[] {"network", "--model", file.toString(), "--out",
        out.toString(), "--no-progress", "--error-samples", "0"});
    String err = e.toString();
    assertEquals(1, code, what + ": " + err);
    assertEquals(1, err.lines().count(), what + ": one line: " + err);
    assertTrue(err.startsWith("qrtl: ") && err.contains(expected), what + ": " + err);
    assertFalse(Files.exists(out), what + ": nothing written");
  }

  /** The models above are broken only where each says: the model they start from imports. */
  @org.junit.jupiter.api.Test
  void theUnbrokenModelImports() throws Exception {
    ModelProto m = small().build();
    assertEquals(2, OnnxImport.read(Files.write(dir.resolve("good.onnx"), m.toByteArray()), java.util.Map.of(), java.util.Map.of())
        .layers().size());
  }
}
