package dev.qrtl.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.network.Network;
import dev.qrtl.network.OnnxNetworks;
import dev.qrtl.onnx.proto.OnnxProto.TensorShapeProto;
import dev.qrtl.onnx.proto.OnnxProto.TypeProto;
import dev.qrtl.onnx.proto.OnnxProto.ValueInfoProto;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --skip-unknown}: an operator qrtl does not import is left out and named, never silently;
 * what reads its output is priced when the file declares that output's shape, and left out (named,
 * with why) when it does not.
 */
class SkipUnknownTest {
  @TempDir Path dir;

  /** stem, then a vendor operator on the stem's quantized output, then a 1x1 on what it writes. */
  private static ModelBuilder withVendorOp(boolean declared) {
    ModelBuilder b = new ModelBuilder(ModelBuilder.Form.QDQ);
    String x = b.input("x", 1, 3, 16, 16);
    x = b.conv("stem", x, 3, 8, 3, 1, 1, 1, true);
    String y = b.add(b.node("Denoise", "vendor", x).setDomain("com.example"));
    if (declared) {
      TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
      for (long d : new long[] {1, 8, 16, 16}) {
        s.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
      }
      b.graph().addValueInfo(ValueInfoProto.newBuilder().setName(y).setType(TypeProto.newBuilder().setTensorType(
          TypeProto.Tensor.newBuilder().setElemType(2).setShape(s))));
    }
    b.output(b.conv("pw", y, 8, 8, 1, 1, 0, 1, false));
    return b;
  }

  @Test
  void withoutTheOptionTheModelIsRefusedNamingTheDomain() throws Exception {
    Path f = withVendorOp(true).write(dir.resolve("m.onnx"));
    OnnxException e = assertThrows(OnnxException.class, () -> OnnxImport.read(f, Map.of(), Map.of()));
    assertTrue(e.getMessage().contains("node 'vendor' (Denoise) in domain 'com.example' is an operator qrtl does not import")
        && e.getMessage().contains("--skip-unknown"), e.getMessage());
  }

  @Test
  void aDeclaredShapeLetsTheLayersAfterItBePriced() throws Exception {
    OnnxModel m = OnnxImport.read(withVendorOp(true).write(dir.resolve("m.onnx")), Map.of(), Map.of(), true);
    assertEquals(2, m.layers().size(), "stem and pw");
    assertEquals(1, m.skipped().size(), m.skipped().toString());
    assertTrue(m.skipped().get(0).startsWith("node 'vendor' (Denoise): an operator qrtl does not import (domain 'com.example')"),
        m.skipped().get(0));
    Network n = OnnxNetworks.of(m);
    assertTrue(n.notes().get(0).startsWith("skipped (--skip-unknown): node 'vendor'"), n.notes().toString());
  }

  @Test
  void anUndeclaredShapeSkipsWhatReadsItAndSaysWhy() throws Exception {
    OnnxModel m = OnnxImport.read(withVendorOp(false).write(dir.resolve("m.onnx")), Map.of(), Map.of(), true);
    assertEquals(1, m.layers().size(), "only the stem: pw's input has no known shape");
    assertTrue(m.skipped().size() >= 2, m.skipped().toString());
    assertTrue(m.skipped().stream().anyMatch(s -> s.contains("written by a skipped node with no declared shape")), m.skipped().toString());
  }
}
