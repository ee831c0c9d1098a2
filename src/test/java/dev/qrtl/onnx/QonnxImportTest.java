package dev.qrtl.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.network.Network;
import dev.qrtl.network.OnnxNetworks;
import dev.qrtl.results.Layer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** QONNX models (Quant, BipolarQuant; any width per tensor) read into layers with their own widths, scales and activations. */
class QonnxImportTest {
  @TempDir Path dir;

  @Test
  void fourBitWeightsAndSixBitActivationsAreTheLayersOwnWidths() throws Exception {
    OnnxModel m = OnnxImport.read(QonnxBuilder.a6w4().write(dir.resolve("a6w4.onnx")), Map.of(), Map.of());
    assertEquals(2, m.layers().size(), m.notes().toString());
    Network n = OnnxNetworks.of(m);
    Layer c1 = n.layers().get(0);
    assertEquals(List.of(6, 4, 6), List.of(c1.aBits(8), c1.wBits(8), c1.outBits(8)));
    assertEquals(6 + 4 + 5, c1.accBits(c1.aBits(8), c1.wBits(8)), "6 + 4 + ceil(log2 27)");
    assertEquals("QONNX", m.layers().get(0).form());
    assertEquals(dev.qrtl.results.Activation.Kind.RELU, c1.activation().kind(), "the Relu before the unsigned output Quant");
    assertEquals(8, c1.quantization().accumulatorScale().length, "per-channel weight scales");
    assertEquals(0.05 * (3 / 64.0), c1.quantization().accumulatorScale()[2], 1e-9, "s_in x s_w of channel 2");
    assertEquals(0.1, c1.quantization().outputScale(), 1e-7);
    assertTrue(c1.widths().source().contains("weight 4-bit signed narrow"), c1.widths().source());
    Layer c2 = n.layers().get(1);
    assertEquals(List.of(6, 4, 6), List.of(c2.aBits(8), c2.wBits(8), c2.outBits(8)));
    assertTrue(c2.quantization().outputSigned());
  }

  @Test
  void mixedWidthsPerLayerAreEachLayersOwn() throws Exception {
    Network n = OnnxNetworks.of(OnnxImport.read(QonnxBuilder.mixed().write(dir.resolve("mixed.onnx")), Map.of(), Map.of()));
    assertEquals(4, n.layers().size());
    int[][] want = {{8, 8, 4}, {4, 2, 5}, {5, 2, 3}, {3, 3, 8}}; // the bipolar weight priced as 2-bit signed
    for (int i = 0; i < want.length; i++) {
      Layer l = n.layers().get(i);
      assertEquals(List.of(want[i][0], want[i][1], want[i][2]), List.of(l.aBits(8), l.wBits(8), l.outBits(8)), l.name());
    }
    assertTrue(n.layers().get(2).widths().source().contains("bipolar"), n.layers().get(2).widths().source());
    assertEquals(3 + 3 + 10, n.layers().get(3).accBits(3, 3), "fc: K = 16 x 8 x 8 = 1024");
  }

  /** A Trunc after a pool: an element-wise requantization from its own input width to its own output width. */
  @Test
  void aTruncIsAPricedRequantizationAtItsOwnWidths() throws Exception {
    OnnxModel m = OnnxImport.read(QonnxBuilder.withTrunc().write(dir.resolve("trunc.onnx")), Map.of(), Map.of());
    assertEquals(1, m.elementwise().size(), m.elementwise().toString());
    var t = m.elementwise().get(0);
    assertEquals(dev.qrtl.results.Elementwise.Kind.TRUNC, t.kind());
    assertEquals(16L * 4 * 4, t.outputs());
    assertEquals(6, t.valueBits(8));
    assertEquals(4, t.outBits(8));
    assertEquals(0.25 * 4, t.quantization().outputScale(), 1e-9, "version 1: the input scale times 2^(6 - 4)");
    assertEquals("Trunc (FLOOR)", t.op());
  }

  @Test
  void intQuantIsQuantsNewerName() throws Exception {
    var proto = QonnxBuilder.a6w4().build().toBuilder();
    var graph = proto.getGraphBuilder();
    for (int i = 0; i < graph.getNodeCount(); i++) {
      if (graph.getNode(i).getOpType().equals("Quant")) {
        graph.getNodeBuilder(i).setOpType("IntQuant");
      }
    }
    Path f = java.nio.file.Files.write(dir.resolve("intquant.onnx"), proto.build().toByteArray());
    assertEquals(List.of(6, 4, 6), List.of(OnnxNetworks.of(OnnxImport.read(f, Map.of(), Map.of())).layers().get(0).aBits(8),
        OnnxNetworks.of(OnnxImport.read(f, Map.of(), Map.of())).layers().get(0).wBits(8),
        OnnxNetworks.of(OnnxImport.read(f, Map.of(), Map.of())).layers().get(0).outBits(8)));
  }

  @Test
  void aQuantWidthOutsideOneToThirtyTwoIsRefused() throws Exception {
    for (double bits : new double[] {0, 33, 4.5}) {
      QonnxBuilder q = new QonnxBuilder();
      String x = q.quant(q.input("x", 1, 3, 8, 8), bits, false, false, 0.05f);
      q.output(q.quant(q.conv("c", x, q.quant(q.weight("w", 4, 3, 3, 3), 4, true, false, 0.01f), 3), 8, true, false, 0.1f));
      Path f = q.write(dir.resolve("bad.onnx"));
      OnnxException e = assertThrows(OnnxException.class, () -> OnnxImport.read(f, Map.of(), Map.of()));
      assertTrue(e.getMessage().contains("bit width " + bits + " is not an integer 1..32"), e.getMessage());
    }
  }

  @Test
  void aWidthQrtlDoesNotPriceIsNamed() throws Exception {
    QonnxBuilder q = new QonnxBuilder();
    String x = q.quant(q.input("x", 1, 3, 8, 8), 24, false, false, 0.05f);
    q.output(q.quant(q.conv("c", x, q.quant(q.weight("w", 4, 3, 3, 3), 4, true, false, 0.01f), 3), 8, true, false, 0.1f));
    Path f = q.write(dir.resolve("wide.onnx"));
    OnnxException e = assertThrows(OnnxException.class, () -> OnnxImport.read(f, Map.of(), Map.of()));
    assertTrue(e.getMessage().contains("node 'c' (Conv): widths 24/4/8 (activation/weight/output): qrtl prices 2..16-bit"), e.getMessage());
  }
}
