package dev.qrtl.onnx;

import dev.qrtl.results.Quantization;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.golden.OutputRange;
import dev.qrtl.golden.RealScaleModel;
import dev.qrtl.scheme.CompareForm;
import dev.qrtl.scheme.KRule;
import dev.qrtl.scheme.RealScale;
import dev.qrtl.scheme.RealScaleUnit;
import dev.qrtl.scheme.Schemes;
import java.util.Map;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The importer on data nobody here wrote: ONNX's operator tests for QLinearConv, QLinearMatMul
 * (2-D and 3-D), ConvInteger, MatMulInteger, QuantizeLinear and DequantizeLinear (per axis). Each
 * model is imported with its test inputs as constants; the imported shapes, scales and zero points
 * must reproduce the test's expected output. ONNX prescribes round half to even for
 * QuantizeLinear and the QLinear operators (y = saturate(round(acc x S) + zp)); qrtl's exact
 * real-scale model with that rule and the fp32-scale scheme (binary32 product, rint) both must
 * give every expected element.
 */
class OnnxOperatorTestsTest {
  /** Accumulators of a 2-D convolution without padding or stride (the QLinearConv test's 1 x 1 kernel). */
  private static long[] conv(Tensor x, long xZp, Tensor w, long wZp) {
    int n = (int) x.dims()[0];
    int c = (int) x.dims()[1];
    int h = (int) x.dims()[2];
    int wd = (int) x.dims()[3];
    int m = (int) w.dims()[0];
    int kh = (int) w.dims()[2];
    int kw = (int) w.dims()[3];
    int oh = h - kh + 1;
    int ow = wd - kw + 1;
    long[] acc = new long[n * m * oh * ow];
    for (int b = 0; b < n; b++) {
      for (int o = 0; o < m; o++) {
        for (int y = 0; y < oh; y++) {
          for (int z = 0; z < ow; z++) {
            long s = 0;
            for (int ci = 0; ci < c; ci++) {
              for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                  long xv = (long) x.values()[((b * c + ci) * h + y + i) * wd + z + j] - xZp;
                  long wv = (long) w.values()[((o * c + ci) * kh + i) * kw + j] - wZp;
                  s += xv * wv;
                }
              }
            }
            acc[((b * m + o) * oh + y) * ow + z] = s;
          }
        }
      }
    }
    return acc;
  }

  /** Accumulators of a (batched) matrix product, both operands batched alike or the second 2-D. */
  private static long[] matmul(Tensor a, long aZp, Tensor b, long bZp) {
    int r = a.dims().length;
    int rows = (int) a.dims()[r - 2];
    int k = (int) a.dims()[r - 1];
    int cols = (int) b.dims()[b.dims().length - 1];
    int batch = (int) (a.size() / ((long) rows * k));
    boolean bBatched = b.dims().length == r && r > 2;
    long[] acc = new long[batch * rows * cols];
    for (int t = 0; t < batch; t++) {
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
          long s = 0;
          for (int q = 0; q < k; q++) {
            long av = (long) a.values()[(t * rows + i) * k + q] - aZp;
            long bv = (long) b.values()[((bBatched ? t : 0) * k + q) * cols + j] - bZp;
            s += av * bv;
          }
          acc[(t * rows + i) * cols + j] = s;
        }
      }
    }
    return acc;
  }

  private static void requantizesToTheExpectedOutput(String test, long[] acc, Quantization q, Tensor expected) {
    double scale = q.effectiveScale()[0];
    OutputRange out = new OutputRange(8, q.outputSigned(), false, true);
    RealScaleModel exact = RealScaleModel.of(scale, q.outputZeroPoint(), out);
    Schemes.Form fp32 = Schemes.form("fp32-scale");
    RealScaleUnit unit = fp32.scheme().atRealScale(fp32.form(), new RealScale(32, exact, KRule.NEAREST, acc));
    check(test + ", exact round half to even", acc, exact::exact, expected);
    check(test + ", fp32-scale (" + unit.parameters() + ")", acc, unit.requantize(), expected);
  }

  private static void check(String what, long[] acc, LongUnaryOperator f, Tensor expected) {
    assertEquals(expected.values().length, acc.length, what + ": element count");
    for (int i = 0; i < acc.length; i++) {
      assertEquals((long) expected.values()[i], f.applyAsLong(acc[i]), what + ": element " + i + " (accumulator " + acc[i] + ")");
    }
  }

  @Test
  void qlinearConvReproducesItsExpectedOutput() throws Exception {
    var c = OnnxTestData.load("test_qlinearconv");
    OnnxModel m = OnnxImport.read(c.model(), Map.of(), c.feeds());
    assertEquals(1, m.layers().size());
    OnnxLayer l = m.layers().get(0);
    assertEquals("QOperator", l.form());
    assertArrayEquals(c.expected().dims(), l.output(), "inferred output shape = the expected output's");
    var q = l.quantization();
    Tensor x = OnnxTestData.feed(c, 0);
    Tensor w = OnnxTestData.feed(c, 3);
    assertEquals(OnnxTestData.feed(c, 1).values()[0] * OnnxTestData.feed(c, 4).values()[0], q.accumulatorScale()[0], 0.0);
    assertEquals(OnnxTestData.feed(c, 6).values()[0], q.outputScale(), 0.0);
    requantizesToTheExpectedOutput("test_qlinearconv", conv(x, q.inputZeroPoint(), w, q.weightZeroPoints()[0]), q, c.expected());
  }

  @Test
  void qlinearMatMulReproducesItsExpectedOutputIn2dAnd3d() throws Exception {
    for (String t : new String[] {"test_qlinearmatmul_2D", "test_qlinearmatmul_3D"}) {
      var c = OnnxTestData.load(t);
      OnnxLayer l = OnnxImport.read(c.model(), Map.of(), c.feeds()).layers().get(0);
      assertArrayEquals(c.expected().dims(), l.output(), t);
      var q = l.quantization();
      long[] acc = matmul(OnnxTestData.feed(c, 0), q.inputZeroPoint(), OnnxTestData.feed(c, 3), q.weightZeroPoints()[0]);
      requantizesToTheExpectedOutput(t, acc, q, c.expected());
    }
  }

  @Test
  void integerOperatorsGiveTheAccumulatorsTheImportedZeroPointsDefine() throws Exception {
    var c = OnnxTestData.load("test_basic_convinteger");
    OnnxModel m = OnnxImport.read(c.model(), Map.of(), c.feeds());
    OnnxLayer l = m.layers().get(0);
    assertEquals("integer", l.form());
    assertArrayEquals(c.expected().dims(), l.output());
    assertNull(l.quantization().accumulatorScale(), "no Mul after it: the scale is not in the file");
    assertTrue(m.notes().get(0).contains("ConvInteger"), m.notes().toString());
    long[] acc = conv(OnnxTestData.feed(c, 0), l.quantization().inputZeroPoint(), OnnxTestData.feed(c, 1), l.quantization().weightZeroPoints()[0]);
    check("test_basic_convinteger accumulators", acc, v -> v, c.expected());

    var p = OnnxTestData.load("test_convinteger_with_padding");
    OnnxLayer padded = OnnxImport.read(p.model(), Map.of(), p.feeds()).layers().get(0);
    assertArrayEquals(p.expected().dims(), padded.output(), "pads widen the output: 3x3 input, 2x2 kernel, pad 1 -> 4x4");

    var mm = OnnxTestData.load("test_matmulinteger");
    OnnxLayer ml = OnnxImport.read(mm.model(), Map.of(), mm.feeds()).layers().get(0);
    assertArrayEquals(mm.expected().dims(), ml.output());
    long[] macc = matmul(OnnxTestData.feed(mm, 0), ml.quantization().inputZeroPoint(), OnnxTestData.feed(mm, 1),
        ml.quantization().weightZeroPoints()[0]);
    check("test_matmulinteger accumulators", macc, v -> v, mm.expected());
  }

  @Test
  void quantizeLinearOfIntegersIsARequantizationByOneOverItsScale() throws Exception {
    var c = OnnxTestData.load("test_quantizelinear");
    OnnxModel m = OnnxImport.read(c.model(), Map.of(), c.feeds());
    assertTrue(m.layers().isEmpty());
    QdqNode q = m.quantizers().get(0);
    Tensor x = OnnxTestData.feed(c, 0);
    long[] acc = new long[x.values().length];
    for (int i = 0; i < acc.length; i++) {
      assertEquals(Math.rint(x.values()[i]), x.values()[i], "the test's inputs are integers");
      acc[i] = (long) x.values()[i];
    }
    RealScaleModel exact = RealScaleModel.of(1 / q.scale()[0], q.zeroPoint()[0], new OutputRange(8, q.signed(), false, true));
    check("test_quantizelinear", acc, exact::exact, c.expected());
  }

  @Test
  void dequantizeLinearPerAxisReadsOneScaleAndZeroPointPerChannel() throws Exception {
    var c = OnnxTestData.load("test_dequantizelinear_axis");
    QdqNode q = OnnxImport.read(c.model(), Map.of(), c.feeds()).quantizers().get(0);
    assertEquals(1, q.axis());
    Tensor x = OnnxTestData.feed(c, 0);
    assertEquals(x.dims()[1], q.scale().length);
    int inner = (int) (x.size() / (x.dims()[0] * x.dims()[1]));
    for (int i = 0; i < x.values().length; i++) {
      int ch = (int) (i / inner % x.dims()[1]);
      assertEquals(c.expected().values()[i], (x.values()[i] - q.zeroPoint()[ch]) * q.scale()[ch], 1e-6, "element " + i);
    }
  }
}
