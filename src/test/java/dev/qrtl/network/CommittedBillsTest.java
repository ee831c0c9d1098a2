package dev.qrtl.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.results.Elementwise;
import dev.qrtl.results.NetworkBill;
import dev.qrtl.results.ResultFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
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

  /**
   * ResNet-18 with its MACs on 8x8 systolic arrays beside the single-lane PE's bill: the same
   * layers, requantizations and requantization energies; each layer's MACs priced by the array at
   * its accumulator width, dearer per MAC than the bare PE (operand and skew registers), and the
   * totals the layers' sums.
   */
  @Test
  void resnet18OnMacArraysDiffersInItsMacsOnly() {
    NetworkBill arr = bill("network-resnet18-mac-array-8x8-qrtl_default45");
    NetworkBill pe = bill("network-resnet18-qrtl_default45");
    assertEquals("resnet18-mac-array-8x8", arr.network());
    assertTrue(arr.energyModel().contains("MACs on a 8x8 systolic MAC array"), arr.energyModel());
    assertEquals(pe.layers().size(), arr.layers().size());
    double macs = 0;
    for (int i = 0; i < pe.layers().size(); i++) {
      NetworkBill.LayerBill a = arr.layers().get(i);
      NetworkBill.LayerBill p = pe.layers().get(i);
      assertEquals(p.macs(), a.macs());
      for (int k = 0; k < p.schemes().size(); k++) { // all but the share of MAC + requantization, which follows the MACs
        NetworkBill.SchemeCost x = a.schemes().get(k);
        NetworkBill.SchemeCost y = p.schemes().get(k);
        assertEquals(java.util.List.of(y.unit(), y.energyPerRequantizationPj(), y.unifiedPj(), y.conventionalPj(), y.rmsErrorLsb()),
            java.util.List.of(x.unit(), x.energyPerRequantizationPj(), x.unifiedPj(), x.conventionalPj(), x.rmsErrorLsb()),
            a.layer().name() + " " + y.scheme() + ": the requantizations are the PE bill's");
        assertTrue(x.sharePercent() < y.sharePercent(), "dearer MACs, a smaller share");
      }
      assertTrue(a.macUnit().startsWith("mac_array_sys_8x8_a8w8us_acc" + a.accBits()), a.macUnit());
      assertTrue(a.macEnergyPj() > p.macEnergyPj(), a.layer().name() + ": " + a.macEnergyPj() + " pJ per MAC on the array, " + p.macEnergyPj()
          + " on the PE");
      macs += a.macs() * a.macEnergyPj();
    }
    for (int t = 0; t < pe.totals().size(); t++) {
      assertEquals(macs, arr.totals().get(t).macPj(), 1e-9 * macs, "the MAC total is the layers'");
      assertEquals(pe.totals().get(t).unifiedPj(), arr.totals().get(t).unifiedPj(), "the requantization total is the PE bill's");
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
