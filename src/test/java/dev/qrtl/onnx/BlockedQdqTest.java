package dev.qrtl.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.network.Network;
import dev.qrtl.network.OnnxNetworks;
import dev.qrtl.results.Layer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Blocked QDQ (opset 21 block_size): a weight with a scale per 32 elements of K is read as K-groups of 32 for a group-scaled PE. */
class BlockedQdqTest {
  @TempDir Path dir;

  @Test
  void blocksOfThirtyTwoAlongKAreTheLayersGroups() throws Exception {
    OnnxModel m = OnnxImport.read(BlockedModels.matmul(dir.resolve("b.onnx"), 32, 0, false), Map.of(), Map.of());
    assertEquals(1, m.layers().size());
    Network n = OnnxNetworks.of(m);
    Layer l = n.layers().get(0);
    assertEquals(256, l.k());
    assertEquals(32, l.blocks().group());
    assertEquals("fp16", l.blocks().scale(), "float block scales: a binary16 multiply per group sum");
    assertTrue(l.blocks().source().contains("block_size 32 along axis 0, 1024 float scales"), l.blocks().source());
    assertNull(l.quantization().accumulatorScale(), "per block, not per channel");
    assertEquals(0.05, l.quantization().outputScale(), 1e-7);
    var q = m.quantizers().stream().filter(x -> x.node().equals("w_dq")).findFirst().orElseThrow();
    assertEquals(1024, q.scale().length);
  }

  @Test
  void powerOfTwoBlockScalesAreShifts() throws Exception {
    Layer l = OnnxNetworks.of(OnnxImport.read(BlockedModels.matmul(dir.resolve("b.onnx"), 32, 0, true), Map.of(), Map.of())).layers().get(0);
    assertEquals("shift", l.blocks().scale(), "an MX-style E8M0 scale shifts the group sum");
  }

  @Test
  void aBlockThatDoesNotDivideTheAxisOrRunsAlongTheOutputsIsRefused() throws Exception {
    Path f = BlockedModels.matmul(dir.resolve("b48.onnx"), 48, 0, false);
    OnnxException e = assertThrows(OnnxException.class, () -> OnnxImport.read(f, Map.of(), Map.of()));
    assertTrue(e.getMessage().contains("node 'w_dq' (DequantizeLinear): block size 48 does not divide axis 0 of 256x128 (256 elements)"),
        e.getMessage());
    Path g = BlockedModels.matmul(dir.resolve("b1.onnx"), 32, 1, false);
    OnnxException e2 = assertThrows(OnnxException.class, () -> OnnxImport.read(g, Map.of(), Map.of()));
    assertTrue(e2.getMessage().contains("w_dq has blocks along axis 1; qrtl prices blocks along K (axis 0)"), e2.getMessage());
  }
}
