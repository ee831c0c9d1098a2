package dev.qrtl.network;

import dev.qrtl.results.Layer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The built-in tables against published totals: ResNet-18 1.82 G MACs (within 1 %), ResNet-50
 * 4.1 G (3 %), MobileNetV2 300 M (2 %), and a BERT-base layer exactly the sum of its GEMMs
 * written out here from the model's dimensions.
 */
class BuiltinNetworksTest {
  private static void within(double published, double relative, long macs, String what) {
    double error = Math.abs(macs - published) / published;
    assertTrue(error <= relative, what + ": " + macs + " MACs is " + String.format("%.2f", 100 * error) + " % from " + published);
  }

  @Test
  void resnet18MatchesThePublishedCount() {
    Network n = BuiltinNetworks.resnet18();
    within(1.82e9, 0.01, n.macs(), "ResNet-18");
    assertEquals(21, n.layers().size(), "conv1, 16 block convolutions, 3 downsamples, fc");
    Layer conv1 = n.layers().get(0);
    assertEquals(147, conv1.k(), "3 x 7 x 7");
    assertEquals(112L * 112 * 64, conv1.outputs());
    assertEquals(8 + 8 + 8, conv1.accBits(8, 8), "ceil(log2 147) = 8");
  }

  @Test
  void resnet50MatchesThePublishedCount() {
    Network n = BuiltinNetworks.resnet50();
    within(4.1e9, 0.03, n.macs(), "ResNet-50");
    assertEquals(1 + 16 * 3 + 4 + 1, n.layers().size());
  }

  @Test
  void mobilenetV2MatchesThePublishedCount() {
    Network n = BuiltinNetworks.mobilenetV2();
    within(300e6, 0.02, n.macs(), "MobileNetV2");
    Layer dw = n.layers().stream().filter(l -> l.name().equals("features.2.depthwise")).findFirst().orElseThrow();
    assertEquals(Layer.Op.DEPTHWISE_CONV, dw.op());
    assertEquals(9, dw.k(), "a depthwise 3 x 3 sums 9 products");
  }

  @Test
  void aBertLayerIsExactlyItsGemms() {
    for (int seq : new int[] {1, 128, 384}) {
      long l = seq;
      long projections = 4 * l * 768 * 768;
      long attention = 12 * (l * l * 64) + 12 * (l * 64 * l);
      long feedForward = l * 768 * 3072 + l * 3072 * 768;
      assertEquals(projections + attention + feedForward, BuiltinNetworks.bertBaseLayer(seq).macs(), "sequence " + seq);
    }
    assertEquals(12L * 128 * 128, BuiltinNetworks.bertBaseLayer(128).layers().get(3).outputs(), "QK^T: one score per head and pair");
  }

  @Test
  void badNamesAndShapesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> BuiltinNetworks.named("vgg16", 128));
    assertThrows(IllegalArgumentException.class, () -> BuiltinNetworks.bertBaseLayer(0));
    assertThrows(IllegalArgumentException.class, () -> Layer.conv("x", 3, 64, 3, 1, 2, 8, false), "2 groups do not divide 3 channels");
  }
}
