package dev.qrtl.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.results.Elementwise;
import dev.qrtl.results.NetworkBill;
import dev.qrtl.results.ResultFiles;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The committed bills price what the tables count: ResNet-18's 2,484,712 requantizations in its
 * layers and 753,152 between them, each element-wise operator priced by every scheme of the bill,
 * the totals the sums of the rows; the Llama layer's MACs and per-token figures as its shapes give
 * them.
 */
class CommittedBillsTest {
  private static NetworkBill bill(String folder) {
    return ResultFiles.network(Path.of("docs/results", folder, "network.json"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"network-resnet18-qrtl_default45", "network-resnet18-NangateOpenCellLibrary"})
  void resnet18PricesEveryRequantizationBetweenItsLayers(String folder) {
    NetworkBill b = bill(folder);
    assertEquals(2_484_712L, b.layers().stream().mapToLong(NetworkBill.LayerBill::requantizationsUnified).sum());
    assertNotNull(b.elementwise(), folder + " predates the element-wise requantizations");
    assertEquals(753_152L, b.elementwise().stream().mapToLong(NetworkBill.ElementwiseBill::operations).sum());
    assertEquals(8, b.elementwise().stream().filter(e -> e.op().kind() == Elementwise.Kind.ADD).count());
    for (NetworkBill.Total t : b.totals()) {
      double sum = 0;
      for (NetworkBill.ElementwiseBill e : b.elementwise()) {
        var c = e.schemes().stream().filter(x -> x.scheme().equals(t.scheme())).findFirst()
            .orElseThrow(() -> new AssertionError(folder + ": " + e.op().name() + " has no " + t.scheme() + " unit"));
        assertEquals(e.operations() * c.energyPerOperationPj(), c.totalPj(), 1e-6 * c.totalPj());
        assertTrue(c.energyPerOperationPj() > 0);
        sum += c.totalPj();
      }
      assertEquals(sum, t.elementwisePj(), 1e-6 * sum, folder + " " + t.scheme());
      double layers = b.layers().stream().flatMap(l -> l.schemes().stream()).filter(x -> x.scheme().equals(t.scheme()))
          .mapToDouble(NetworkBill.SchemeCost::unifiedPj).sum();
      assertEquals(layers + sum, t.unifiedPj(), 1e-6 * t.unifiedPj(), folder + " " + t.scheme() + ": the layers' and the element-wise");
    }
  }

  /** The decode bills of every weight and activation scheme: the same MACs per token (the shapes), priced by their own units. */
  @ParameterizedTest
  @ValueSource(strings = {"w8-mxint8", "w8-mxfp8", "w4g128-int8", "w4g128-mxint8", "w4g128-mxfp8", "mxfp4-int8", "mxfp4-mxint8",
      "mxfp4-mxfp8"})
  void everyWeightAndActivationSchemeBillsTheSameDecodeStep(String schemes) {
    NetworkBill b = bill("network-llama-layer-decode-" + schemes + "-qrtl_default45");
    NetworkBill plain = bill("network-llama-layer-decode-qrtl_default45");
    assertEquals(plain.layers().stream().mapToLong(NetworkBill.LayerBill::macs).sum(), b.layers().stream()
        .mapToLong(NetworkBill.LayerBill::macs).sum());
    String weights = schemes.split("-")[0];
    for (NetworkBill.LayerBill l : b.layers()) {
      boolean projection = l.layer().op() == dev.qrtl.results.Layer.Op.GEMM;
      String unit = l.macUnit();
      if (projection && !weights.equals("w8") || schemes.contains("-mx")) {
        assertTrue(unit.startsWith("gpe_"), schemes + " " + l.layer().name() + ": a group-scaled PE, not " + unit);
      }
      if (projection && weights.equals("w4g128")) {
        assertTrue(unit.contains("_w4_") && unit.contains("fp16"), unit);
      }
      if (projection && weights.equals("mxfp4")) {
        assertTrue(unit.contains("_w5_") && unit.contains("_g32_shift"), unit);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"network-llama-layer-prefill-qrtl_default45", "network-llama-layer-prefill-NangateOpenCellLibrary",
      "network-llama-layer-decode-qrtl_default45", "network-llama-layer-decode-NangateOpenCellLibrary"})
  void theLlamaLayersMacsAreItsShapes(String folder) {
    NetworkBill b = bill(folder);
    boolean prefill = folder.contains("prefill");
    long t = prefill ? 2048 : 1;
    long context = 2048;
    long macs = t * (4L * 4096 * 4096 + 3L * 4096 * 11008) + 2L * 32 * t * 128 * context;
    assertEquals(macs, b.layers().stream().mapToLong(NetworkBill.LayerBill::macs).sum(), folder);
    assertEquals((int) t, b.tokens());
    assertEquals(9, b.layers().size());
    assertEquals(2 * t * 4096 + t * 11008, b.elementwise().stream().mapToLong(NetworkBill.ElementwiseBill::operations).sum(),
        "two residual adds and the SwiGLU product");
  }
}
