package dev.qrtl.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.network.BuiltinNetworks;
import dev.qrtl.results.Layer;
import dev.qrtl.network.Network;
import dev.qrtl.network.OnnxNetworks;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Models built here with the protobuf builders, in the QDQ and the QOperator form: a small CNN
 * (stem, max pool, depthwise and pointwise convolutions, global pool, PyTorch-style flatten,
 * classifier) and ResNet-18's whole topology (basic blocks with residual adds and downsamples),
 * imported and compared layer by layer with what they were built from; the scales the builder
 * gave each layer must come back as the layer's.
 */
class BuiltModelsTest {
  @TempDir Path dir;

  /** ResNet-18 as torchvision builds it, written out again here (not from the built-in table). */
  static Path resnet18(ModelBuilder.Form form, Path file, boolean dynamicBatch) throws Exception {
    ModelBuilder b = new ModelBuilder(form);
    String x = b.input("image", dynamicBatch ? -1 : 1, 3, 224, 224);
    x = b.conv("conv1", x, 3, 64, 7, 2, 3, 1, true);
    x = b.maxPool("maxpool", x, 3, 2, 1);
    int in = 64;
    for (int stage = 1; stage <= 4; stage++) {
      int width = 32 << stage;
      for (int block = 0; block < 2; block++) {
        int stride = block == 0 && stage > 1 ? 2 : 1;
        String p = "layer" + stage + "." + block + ".";
        String y = b.conv(p + "conv1", x, in, width, 3, stride, 1, 1, true);
        y = b.conv(p + "conv2", y, width, width, 3, 1, 1, 1, false);
        String shortcut = stride != 1 || in != width ? b.conv(p + "downsample", x, in, width, 1, stride, 0, 1, false) : x;
        x = b.addRelu(p + "add", y, shortcut);
        in = width;
      }
    }
    x = b.fc("fc", b.poolAndFlatten(x), 512, 1000);
    b.output(x);
    return b.write(file);
  }

  @ParameterizedTest
  @EnumSource(ModelBuilder.Form.class)
  void resnet18ImportsLayerByLayerAsTheBuiltInTable(ModelBuilder.Form form) throws Exception {
    Path f = resnet18(form, dir.resolve("resnet18-" + form + ".onnx"), false);
    OnnxModel m = OnnxImport.read(f, Map.of(), Map.of());
    Network imported = OnnxNetworks.of(m);
    Network table = BuiltinNetworks.resnet18();
    assertEquals(table.layers().size(), imported.layers().size(), form + ": " + m.notes());
    // the 8 residual adds (float Add and Relu between DequantizeLinear and QuantizeLinear in both forms), the table's outputs each
    var adds = imported.elementwise().stream().filter(e -> e.kind() == dev.qrtl.results.Elementwise.Kind.ADD).toList();
    var tableAdds = table.elementwise().stream().filter(e -> e.kind() == dev.qrtl.results.Elementwise.Kind.ADD).toList();
    assertEquals(tableAdds.stream().map(dev.qrtl.results.Elementwise::outputs).toList(), adds.stream()
        .map(dev.qrtl.results.Elementwise::outputs).toList(), form + ": " + m.elementwise());
    for (Layer want : table.layers()) {
      Layer got = imported.layers().stream().filter(l -> l.name().equals(want.name())).findFirst()
          .orElseThrow(() -> new AssertionError(form + ": no imported layer " + want.name()));
      String what = form + " " + want.name();
      assertEquals(want.k(), got.k(), what + " K");
      assertEquals(want.outputs(), got.outputs(), what + " outputs");
      assertEquals(want.macs(), got.macs(), what + " MACs");
      assertEquals(want.cin(), got.cin(), what);
      assertEquals(want.cout(), got.cout(), what);
      assertEquals(want.stride(), got.stride(), what + " stride");
      assertEquals(want.channels(), got.channels(), what + " channels with their own scale");
      if (form == ModelBuilder.Form.QDQ) {
        assertEquals(want.relu(), got.relu(), what + ": a Relu between the Conv and its QuantizeLinear folds into the clamp");
      }
      double[] s = got.quantization().effectiveScale();
      assertEquals(want.channels(), s.length, what);
      for (int c = 0; c < s.length; c += 37) {
        assertEquals(ModelBuilder.IN_SCALE * ModelBuilder.weightScale(c) / ModelBuilder.OUT_SCALE, s[c], 1e-12, what + " channel " + c);
      }
      assertTrue(got.quantization().bias() || want.name().equals("fc"), what + " has a bias");
    }
    assertEquals(table.macs(), imported.macs());
    assertEquals("image 1x3x224x224", m.input());
  }

  @ParameterizedTest
  @EnumSource(ModelBuilder.Form.class)
  void aSmallCnnImportsWithItsShapes(ModelBuilder.Form form) throws Exception {
    ModelBuilder b = new ModelBuilder(form);
    String x = b.input("x", 1, 3, 32, 32);
    x = b.conv("stem", x, 3, 16, 3, 1, 1, 1, true);
    x = b.maxPool("pool", x, 2, 2, 0);
    x = b.conv("dw", x, 16, 16, 3, 2, 1, 16, true);
    x = b.conv("pw", x, 16, 32, 1, 1, 0, 1, true);
    x = b.fc("head", b.poolAndFlatten(x), 32, 10);
    b.output(x);
    Network n = OnnxNetworks.of(OnnxImport.read(b.write(dir.resolve("small.onnx")), Map.of(), Map.of()));
    List<Layer> want = List.of(Layer.conv("stem", 3, 16, 3, 1, 1, 32, true), Layer.conv("dw", 16, 16, 3, 2, 16, 8, true),
        Layer.conv("pw", 16, 32, 1, 1, 1, 8, true), Layer.gemm("head", 1, 32, 10, false));
    assertEquals(want.size(), n.layers().size());
    for (int i = 0; i < want.size(); i++) {
      Layer w = want.get(i);
      Layer g = n.layers().get(i);
      assertEquals(w.name(), g.name());
      assertEquals(w.op(), g.op(), w.name());
      assertArrayEquals(new long[] {w.k(), w.outputs(), w.macs()}, new long[] {g.k(), g.outputs(), g.macs()}, w.name());
    }
    assertEquals(Layer.Op.DEPTHWISE_CONV, n.layers().get(1).op());
  }

  @Test
  void aDynamicBatchNeedsTheInputShape() throws Exception {
    Path f = resnet18(ModelBuilder.Form.QDQ, dir.resolve("dynamic.onnx"), true);
    OnnxException e = org.junit.jupiter.api.Assertions.assertThrows(OnnxException.class, () -> OnnxImport.read(f, Map.of(), Map.of()));
    assertTrue(e.getMessage().contains("input 'image' has a dynamic shape (N x 3 x 224 x 224)"), e.getMessage());
    Network n = OnnxNetworks.of(OnnxImport.read(f, Map.of("", new long[] {2, 3, 224, 224}), Map.of()));
    assertEquals(2 * BuiltinNetworks.resnet18().macs(), n.macs(), "two images: twice the MACs");
  }

  @Test
  void integerConvolutionsTakeTheirScaleFromTheMulsAfterThem() throws Exception {
    ModelBuilder b = new ModelBuilder(ModelBuilder.Form.QDQ);
    String x = b.input("x", 1, 4, 8, 8);
    b.initializer(ModelBuilder.bytes("w", 3, new long[] {6, 4, 3, 3}, 6 * 4 * 9));
    b.initializer(ModelBuilder.scalarU8("x_zp", 128));
    String acc = b.add(b.node("ConvInteger", "conv", x, "w", "x_zp").addAttribute(ModelBuilder.ints("pads", 1, 1, 1, 1)));
    String f = b.add(b.node("Cast", "cast", acc).addAttribute(ModelBuilder.integer("to", 1)));
    float[] perChannel = {1e-3f, 2e-3f, 3e-3f, 4e-3f, 5e-3f, 6e-3f};
    b.initializer(ModelBuilder.floats("s_w", new long[] {1, 6, 1, 1}, perChannel));
    b.initializer(ModelBuilder.floats("s_x", new long[0], 0.5f));
    String m1 = b.add(b.node("Mul", "scale_w", f, "s_w"));
    String m2 = b.add(b.node("Mul", "scale_x", m1, "s_x"));
    b.initializer(ModelBuilder.floats("bias", new long[] {1, 6, 1, 1}, new float[6]));
    String biased = b.add(b.node("Add", "bias_add", m2, "bias"));
    String r = b.add(b.node("Relu", "relu", biased));
    b.initializer(ModelBuilder.floats("y_s", new long[0], 0.25f));
    b.initializer(ModelBuilder.scalarU8("y_zp", 0));
    b.output(b.add(b.node("QuantizeLinear", "q", r, "y_s", "y_zp")));
    OnnxLayer l = OnnxImport.read(b.write(dir.resolve("integer.onnx")), Map.of(), Map.of()).layers().get(0);
    assertEquals("integer", l.form());
    assertTrue(l.relu() && l.quantization().bias());
    assertEquals(128, l.quantization().inputZeroPoint());
    assertArrayEquals(new long[] {1, 6, 8, 8}, l.output());
    double[] s = l.quantization().effectiveScale();
    for (int c = 0; c < 6; c++) {
      assertEquals(perChannel[c] * 0.5 / 0.25, s[c], 1e-9, "channel " + c);
    }
  }
}
