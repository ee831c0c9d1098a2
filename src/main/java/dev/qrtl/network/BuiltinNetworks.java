package dev.qrtl.network;

import dev.qrtl.results.Activation;
import dev.qrtl.results.Elementwise;
import dev.qrtl.results.Layer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The built-in layer tables, built from each architecture's definition the way its reference
 * implementation builds it (torchvision's ResNet-18/50 and MobileNetV2 at 224 x 224, one image;
 * BERT-base's encoder layer), so a table cannot drift from the architecture by a typing slip.
 * The layers whose accumulators are requantized, and the element-wise requantizations between
 * them: each residual add (two inputs with their own scales, one output scale) and the global
 * average pool (a sum of 7 x 7 values requantized by 1/49). A max pool keeps its input's scale, and
 * softmax, GELU and LayerNorm are not requantizers; they are out of scope (docs/network.md).
 */
public final class BuiltinNetworks {
  private BuiltinNetworks() {}

  /** The names {@code qrtl network --model} accepts, in documentation order. */
  public static final List<String> NAMES = List.of("resnet18", "resnet50", "mobilenetv2", "bert-base-layer", "llama-layer");

  /** BERT-base's default sequence length. */
  public static final int DEFAULT_SEQUENCE = 128;

  /** A built-in network by name; {@code sequence} is BERT's token count (ignored by the CNNs). */
  public static Network named(String name, int sequence) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "resnet18" -> resnet18();
      case "resnet50" -> resnet50();
      case "mobilenetv2" -> mobilenetV2();
      case "bert-base-layer" -> bertBaseLayer(sequence);
      case "llama-layer" -> LlamaLayer.build(new LlamaLayer.Options(LlamaLayer.Phase.PREFILL, sequence, sequence, LlamaLayer.Weights.W8,
          LlamaLayer.Activations.INT8));
      default -> throw new IllegalArgumentException("unknown network '" + name + "'; built-in: " + String.join(", ", NAMES)
          + ", or an .onnx file");
    };
  }

  /** He et al. 2016, Table 1, 18 layers: basic blocks [2, 2, 2, 2] at 64..512 channels; torchvision's layout. */
  public static Network resnet18() {
    return resnet("resnet18", new int[] {2, 2, 2, 2}, false);
  }

  /** He et al. 2016, Table 1, 50 layers: bottlenecks [3, 4, 6, 3], expansion 4, stride on the 3 x 3 (torchvision v1.5). */
  public static Network resnet50() {
    return resnet("resnet50", new int[] {3, 4, 6, 3}, true);
  }

  private static Network resnet(String name, int[] blocks, boolean bottleneck) {
    List<Layer> l = new ArrayList<>();
    List<Elementwise> ew = new ArrayList<>();
    l.add(Layer.conv("conv1", 3, 64, 7, 2, 1, 112, true));
    int size = 56; // after the 3 x 3, stride 2 max pool
    int in = 64;
    for (int stage = 0; stage < 4; stage++) {
      int width = 64 << stage;
      int out = bottleneck ? width * 4 : width;
      for (int b = 0; b < blocks[stage]; b++) {
        int stride = b == 0 && stage > 0 ? 2 : 1;
        int outSize = size / stride;
        String p = "layer" + (stage + 1) + "." + b + ".";
        if (bottleneck) {
          l.add(Layer.conv(p + "conv1", in, width, 1, 1, 1, size, true));
          l.add(Layer.conv(p + "conv2", width, width, 3, stride, 1, outSize, true));
          l.add(Layer.conv(p + "conv3", width, out, 1, 1, 1, outSize, false)); // ReLU after the residual add
        } else {
          l.add(Layer.conv(p + "conv1", in, width, 3, stride, 1, outSize, true));
          l.add(Layer.conv(p + "conv2", width, width, 3, 1, 1, outSize, false));
        }
        if (b == 0 && (stride != 1 || in != out)) {
          l.add(Layer.conv(p + "downsample", in, out, 1, stride, 1, outSize, false));
        }
        ew.add(add(p + "add", (long) out * outSize * outSize));
        in = out;
        size = outSize;
      }
    }
    ew.add(new Elementwise("avgpool", Elementwise.Kind.AVERAGE_POOL, "AdaptiveAvgPool2d", in, size * size, null));
    l.add(Layer.gemm("fc", 1, in, 1000, false));
    return new Network(name, "He et al., Deep Residual Learning for Image Recognition, CVPR 2016, Table 1 (torchvision layout)",
        "1 x 3 x 224 x 224", l, ew, List.of());
  }

  /** A residual add of {@code outputs} elements. */
  private static Elementwise add(String name, long outputs) {
    return new Elementwise(name, Elementwise.Kind.ADD, "residual add", outputs, 1, null);
  }

  /**
   * Sandler et al. 2018, Table 2: inverted residuals (t, c, n, s) from a 32-channel 3 x 3 stem, a
   * 1 x 1 to 1280 and the classifier; expansion and depthwise convolutions end in ReLU6, the
   * projection is linear.
   */
  public static Network mobilenetV2() {
    int[][] cfg = {{1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1}};
    List<Layer> l = new ArrayList<>();
    List<Elementwise> ew = new ArrayList<>();
    Activation.Kind relu6 = Activation.Kind.RELU6;
    l.add(Layer.conv("features.0", 3, 32, 3, 2, 1, 112, relu6));
    int in = 32;
    int size = 112;
    int block = 1;
    for (int[] c : cfg) {
      for (int i = 0; i < c[2]; i++, block++) {
        int stride = i == 0 ? c[3] : 1;
        int hidden = in * c[0];
        int outSize = size / stride;
        String p = "features." + block + ".";
        if (c[0] != 1) {
          l.add(Layer.conv(p + "expand", in, hidden, 1, 1, 1, size, relu6));
        }
        l.add(Layer.conv(p + "depthwise", hidden, hidden, 3, stride, hidden, outSize, relu6));
        l.add(Layer.conv(p + "project", hidden, c[1], 1, 1, 1, outSize, false));
        if (stride == 1 && in == c[1]) {
          ew.add(add(p + "add", (long) in * outSize * outSize));
        }
        in = c[1];
        size = outSize;
      }
    }
    l.add(Layer.conv("features.18", in, 1280, 1, 1, 1, size, relu6));
    ew.add(new Elementwise("avgpool", Elementwise.Kind.AVERAGE_POOL, "adaptive_avg_pool2d", 1280, size * size, null));
    l.add(Layer.gemm("classifier", 1, 1280, 1000, false));
    return new Network("mobilenetv2", "Sandler et al., MobileNetV2: Inverted Residuals and Linear Bottlenecks, CVPR 2018, Table 2",
        "1 x 3 x 224 x 224", l, ew, List.of());
  }

  /**
   * One BERT-base encoder layer (Devlin et al. 2019: hidden 768, 12 heads of 64, feed-forward 3072)
   * over {@code sequence} tokens: the Q, K, V and output projections, QK^T and AV per head, and the
   * two feed-forward layers (GELU after the first is not a clamp, so not foldable).
   */
  public static Network bertBaseLayer(int sequence) {
    if (sequence < 1 || sequence > 65_536) {
      throw new IllegalArgumentException("sequence length " + sequence + " is outside 1..65536");
    }
    int h = 768;
    int heads = 12;
    int d = h / heads;
    int ff = 3072;
    List<Layer> l = new ArrayList<>();
    l.add(Layer.gemm("attention.query", sequence, h, h, false));
    l.add(Layer.gemm("attention.key", sequence, h, h, false));
    l.add(Layer.gemm("attention.value", sequence, h, h, false));
    l.add(Layer.matmul("attention.scores (QK^T)", heads, sequence, d, sequence));
    l.add(Layer.matmul("attention.context (AV)", heads, sequence, sequence, d));
    l.add(Layer.gemm("attention.output", sequence, h, h, false));
    l.add(Layer.gemm("intermediate (FFN 1)", sequence, h, ff, false));
    l.add(Layer.gemm("output (FFN 2)", sequence, ff, h, false));
    // the residual adds before each LayerNorm: attention's output plus the layer's input, FFN 2's plus attention's
    List<Elementwise> ew = List.of(add("attention.residual", (long) sequence * h), add("output.residual", (long) sequence * h));
    return new Network("bert-base-layer", "Devlin et al., BERT, NAACL 2019 (BERT-base: L=12, H=768, A=12; one encoder layer)",
        "1 x " + sequence + " tokens x 768", l, ew, List.of());
  }
}
