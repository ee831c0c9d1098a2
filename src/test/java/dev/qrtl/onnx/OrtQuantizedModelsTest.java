package dev.qrtl.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.network.Network;
import dev.qrtl.network.OnnxNetworks;
import dev.qrtl.results.Activation;
import dev.qrtl.results.Elementwise;
import dev.qrtl.results.Layer;
import dev.qrtl.testing.Venv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models made the way users make them: float CNNs built with the {@code onnx} package and
 * quantized by ONNX Runtime's own {@code quantize_static} (int8, per-channel weights) into both its
 * QDQ and its QOperator form ({@code src/test/resources/onnx/quantize_models.py}, seed 29). The two
 * forms of one model must give qrtl the same layer table (shapes, folded activations, every
 * per-channel scale and zero point) and the same element-wise requantizations (QLinearAdd against
 * Add, QLinearAveragePool against AveragePool, ...), so QGemm and the QLinear contrib operators are
 * read with ONNX Runtime's own input conventions.
 */
class OrtQuantizedModelsTest {
  @TempDir static Path dir;
  private static String versions;

  @BeforeAll
  static void quantize() throws Exception {
    Path python = Venv.python("onnx", "onnxruntime", "numpy");
    Process p = new ProcessBuilder(python.toString(), Path.of("src/test/resources/onnx/quantize_models.py").toAbsolutePath().toString(),
        dir.toString(), "29").redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), log);
    versions = Files.readString(dir.resolve("versions.txt")).strip();
  }

  private static OnnxModel read(String name) {
    return OnnxImport.read(dir.resolve(name), Map.of(), Map.of());
  }

  @Test
  void qoperatorAndQdqFormsOfAResidualNetGiveTheSameTable() {
    compare("residual", 9, List.of(Elementwise.Kind.ADD, Elementwise.Kind.ADD, Elementwise.Kind.AVERAGE_POOL, Elementwise.Kind.CONCAT,
        Elementwise.Kind.AVERAGE_POOL));
  }

  @Test
  void qoperatorAndQdqFormsOfAnInvertedResidualGiveTheSameTable() {
    compare("inverted", 6, List.of(Elementwise.Kind.ADD, Elementwise.Kind.LOOKUP, Elementwise.Kind.MUL, Elementwise.Kind.LOOKUP,
        Elementwise.Kind.AVERAGE_POOL));
  }

  private static void compare(String model, int layers, List<Elementwise.Kind> kinds) {
    OnnxModel qop = read(model + ".qop.onnx");
    OnnxModel qdq = read(model + ".qdq.onnx");
    assertEquals(layers, qop.layers().size(), versions + ": " + qop.layers());
    assertEquals(layers, qdq.layers().size());
    assertTrue(qop.layers().stream().anyMatch(l -> l.op().equals("QGemm")), "ONNX Runtime writes the classifier as QGemm");
    for (int i = 0; i < layers; i++) {
      OnnxLayer a = qop.layers().get(i);
      OnnxLayer b = qdq.layers().get(i);
      String where = model + " layer " + i + " (" + a.node() + " / " + b.node() + ")";
      assertEquals("QOperator", a.form(), where);
      assertEquals("QDQ", b.form(), where);
      assertArrayEquals(a.input(), b.input(), where);
      assertArrayEquals(a.weight(), b.weight(), where);
      assertArrayEquals(a.output(), b.output(), where);
      assertArrayEquals(a.kernel(), b.kernel(), where);
      assertArrayEquals(a.strides(), b.strides(), where);
      assertEquals(a.groups(), b.groups(), where);
      assertEquals(a.relu(), b.relu(), where);
      assertEquals(a.activation() == null ? null : a.activation().kind(), b.activation() == null ? null : b.activation().kind(), where);
      double ratio = inputScaleRatio(qop, qdq, a, b);
      double[] scaled = a.quantization().accumulatorScale().clone();
      for (int c = 0; c < scaled.length; c++) {
        scaled[c] /= ratio;
      }
      assertArrayEquals(scaled, b.quantization().accumulatorScale(), 1e-12 * scaled[0], where + ": s_in x s_w per channel");
      assertNotNull(a.quantization().outputScale(), where);
      assertEquals(a.quantization().outputScale(), b.quantization().outputScale(), where);
      assertEquals(a.quantization().outputZeroPoint(), b.quantization().outputZeroPoint(), where);
      assertEquals(a.quantization().inputZeroPoint(), b.quantization().inputZeroPoint(), where);
      assertArrayEquals(a.quantization().weightZeroPoints(), b.quantization().weightZeroPoints(), where);
      assertEquals(a.quantization().bias(), b.quantization().bias(), where);
      assertTrue(a.quantization().accumulatorScale().length > 1 || a.output()[1] == 1 || a.op().equals("QGemm"), where + ": per channel");
    }
    assertEquals(kinds, qop.elementwise().stream().map(Elementwise::kind).toList(), versions + ": " + qop.elementwise());
    assertEquals(kinds, qdq.elementwise().stream().map(Elementwise::kind).toList());
    for (int i = 0; i < kinds.size(); i++) {
      Elementwise a = qop.elementwise().get(i);
      Elementwise b = qdq.elementwise().get(i);
      String where = model + " " + a.name() + " / " + b.name();
      assertEquals(a.outputs(), b.outputs(), where);
      assertEquals(a.window(), b.window(), where);
      assertArrayEquals(a.quantization().inputZeroPoints(), b.quantization().inputZeroPoints(), where);
      assertEquals(a.quantization().outputZeroPoint(), b.quantization().outputZeroPoint(), where);
      assertArrayEquals(a.quantization().inputScales(), b.quantization().inputScales(), where);
      if (a.kind() != Elementwise.Kind.AVERAGE_POOL) { // the pool's output scale: see inputScaleRatio
        assertEquals(a.quantization().outputScale(), b.quantization().outputScale(), where);
      }
    }
    Network nq = OnnxNetworks.of(qop);
    Network nd = OnnxNetworks.of(qdq);
    assertEquals(nd.macs(), nq.macs());
    assertEquals(nd.outputs(), nq.outputs());
    assertEquals(nd.elementwiseRequantizations(), nq.elementwiseRequantizations());
    for (int i = 0; i < layers; i++) {
      Layer a = nq.layers().get(i);
      Layer b = nd.layers().get(i);
      assertEquals(List.of(a.op(), a.cin(), a.cout(), a.kh(), a.kw(), a.stride(), a.groups(), a.outH(), a.outW(), a.batch(), a.k()),
          List.of(b.op(), b.cin(), b.cout(), b.kh(), b.kw(), b.stride(), b.groups(), b.outH(), b.outW(), b.batch(), b.k()), model + " " + i);
    }
  }

  /**
   * The two forms' input scales of a layer, as a ratio: 1 exactly, except after an average pool,
   * where ONNX Runtime's two quantizers choose differently (the QDQ one gives the pool's output its
   * input's scale, the QOperator one calibrates the pool's output): there the ratio must be the two
   * pools' output scales', so the difference is in the files, read from QLinearAveragePool's
   * {@code y_scale} (input 3) and the QDQ pool's QuantizeLinear.
   */
  private static double inputScaleRatio(OnnxModel qop, OnnxModel qdq, OnnxLayer a, OnnxLayer b) {
    List<Elementwise> pools = qop.elementwise().stream().filter(e -> e.kind() == Elementwise.Kind.AVERAGE_POOL).toList();
    List<Elementwise> qdqPools = qdq.elementwise().stream().filter(e -> e.kind() == Elementwise.Kind.AVERAGE_POOL).toList();
    double r = a.quantization().accumulatorScale()[0] / b.quantization().accumulatorScale()[0];
    if (r == 1) {
      return 1;
    }
    for (int i = 0; i < pools.size(); i++) {
      Elementwise.Scales p = pools.get(i).quantization();
      Elementwise.Scales d = qdqPools.get(i).quantization();
      assertEquals(d.inputScales()[0], d.outputScale(), "ONNX Runtime's QDQ pool keeps its input's scale");
      double expected = p.outputScale() / d.outputScale();
      if (Math.abs(r / expected - 1) < 1e-12) {
        return expected;
      }
    }
    throw new AssertionError(a.node() + " / " + b.node() + ": input scales differ by " + r + ", and no average pool explains it");
  }

  /**
   * ONNX Runtime removes each Relu it can fold, leaving an output zero point of -128: qrtl sees the
   * ReLU in the range. In the residual net every convolution but the two before the adds and the
   * downsample was followed by a Relu, and each of those carries it in its range.
   */
  @Test
  void foldedRelusAreSeenInTheOutputRange() {
    OnnxModel m = read("residual.qop.onnx");
    assertFalse(m.layers().stream().map(OnnxLayer::node).anyMatch(n -> n.contains("relu")));
    List<Boolean> relu = m.layers().stream().map(OnnxLayer::relu).toList();
    // stem, block 1 (conv, conv), block 2 (conv, conv, downsample), two branches, fc
    assertEquals(List.of(true, true, false, true, false, false, true, true, false), relu, m.layers().toString());
    for (OnnxLayer l : m.layers()) {
      if (l.relu()) {
        assertEquals(Activation.Kind.RELU, l.activation().kind(), l.node());
        assertEquals(-128, l.quantization().outputZeroPoint(), l.node());
        assertTrue(l.activation().detectedBy().startsWith("output range: zero point -128 is int8's minimum"), l.activation().detectedBy());
      }
    }
  }
}
