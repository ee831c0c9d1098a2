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

  /**
   * The requantizations outside the convolutions, worked out by hand from the architecture:
   * ResNet-18's 8 residual adds (2 blocks per stage at 64 x 56 x 56, 128 x 28 x 28, 256 x 14 x 14,
   * 512 x 7 x 7) and its global pool (512 outputs of a 7 x 7 window).
   */
  @Test
  void resnet18CountsItsResidualAddsAndPool() {
    Network n = BuiltinNetworks.resnet18();
    assertEquals(2_484_712L, n.outputs(), "one requantization per convolution and fc output");
    long adds = 2L * (64 * 56 * 56 + 128 * 28 * 28 + 256 * 14 * 14 + 512 * 7 * 7);
    assertEquals(752_640L, adds);
    assertEquals(adds + 512, n.elementwiseRequantizations());
    assertEquals(753_152L, n.elementwiseRequantizations(), "the issue's figure");
    assertEquals(8, n.elementwise().stream().filter(e -> e.kind() == dev.qrtl.results.Elementwise.Kind.ADD).count());
    var pool = n.elementwise().get(n.elementwise().size() - 1);
    assertEquals(49, pool.window());
    assertEquals(9 + 6, pool.valueBits(8), "an int8 less its zero point (9 bits) summed 49 times: 6 more bits");
  }

  /** MobileNetV2's residual adds: one per stride-1 block whose input and output channels agree (10), and its pool of 1280. */
  @Test
  void mobilenetV2CountsItsResidualAddsAndPool() {
    Network n = BuiltinNetworks.mobilenetV2();
    long adds = 24L * 56 * 56 + 2L * 32 * 28 * 28 + 3L * 64 * 14 * 14 + 2L * 96 * 14 * 14 + 2L * 160 * 7 * 7;
    assertEquals(adds + 1280, n.elementwiseRequantizations());
    assertEquals(217_664L, n.elementwiseRequantizations(), "the issue's figure");
    assertEquals(10, n.elementwise().size() - 1);
    long relu6 = n.layers().stream().filter(l -> l.activation() != null && l.activation().kind() == dev.qrtl.results.Activation.Kind.RELU6)
        .count();
    assertEquals(35, relu6, "the stem, 17 depthwise, 16 expansions and the 1x1 to 1280 end in ReLU6");
  }

  /**
   * A Llama-7B decoder layer's MACs written out from its shapes (hidden 4096, 32 heads of 128, FFN
   * 11008): four 4096 x 4096 projections and three 4096 x 11008 ones per token, and QK^T and AV of
   * 32 x 128 x context each per token; prefill at 2048 tokens (attention dense over 2048), decode of
   * one token against a KV cache of 2048; the weights per layer (202,375,168) within 1 % of 6.74 B
   * parameters over 32 layers (less embeddings and norms).
   */
  @Test
  void aLlamaLayerIsExactlyItsProjectionsAndAttention() {
    long h = 4096;
    long ff = 11008;
    long perTokenProjections = 4 * h * h + 3 * h * ff;
    assertEquals(202_375_168L, perTokenProjections);
    for (LlamaLayer.Phase p : LlamaLayer.Phase.values()) {
      long t = p == LlamaLayer.Phase.PREFILL ? 2048 : 1;
      long context = 2048;
      for (LlamaLayer.Weights w : LlamaLayer.Weights.values()) {
        for (LlamaLayer.Activations a : LlamaLayer.Activations.values()) {
          Network n = LlamaLayer.build(new LlamaLayer.Options(p, (int) t, (int) context, w, a));
          long attention = 2 * 32 * t * 128 * context;
          assertEquals(t * perTokenProjections + attention, n.macs(), p + " " + w + " " + a);
          assertEquals(t * (5 * h + 2 * ff) + 32 * t * context + 32 * t * 128, n.outputs(),
              "one output per projection column (q, k, v, o, down: 4096; gate, up: 11008) and token, per score, per head's context value");
          assertEquals(2 * t * h + t * ff, n.elementwiseRequantizations(), "two residual adds and the SwiGLU product");
        }
      }
    }
    long decode = LlamaLayer.build(new LlamaLayer.Options(LlamaLayer.Phase.DECODE, 1, 2048, LlamaLayer.Weights.W8,
        LlamaLayer.Activations.INT8)).macs();
    assertEquals(219_152_384L, decode, "202,375,168 + 2 x 32 x 128 x 2048");
    within(6.74e9 / 32, 0.07, perTokenProjections, "weights per layer");
    Network w4 = LlamaLayer.build(new LlamaLayer.Options(LlamaLayer.Phase.DECODE, 1, 2048, LlamaLayer.Weights.W4G128,
        LlamaLayer.Activations.MXINT8));
    Layer up = w4.layers().stream().filter(l -> l.name().equals("mlp.up_proj")).findFirst().orElseThrow();
    assertEquals(4, up.wBits(8));
    assertEquals(32, up.blocks().group(), "MX activations' 32 divides the weights' 128");
    assertEquals("fp16", up.blocks().scale());
    assertEquals("mxint8", up.blocks().outputFormat());
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
