package dev.qrtl.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qrtl.cli.Main;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.testing.ToolGate;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qrtl network} on a blocked-QDQ model (block size 32 along K): the layer's MACs priced by
 * the group-scaled PE of the microscaling units (a binary16 multiply per group of 32 for float
 * block scales, a shift for power-of-two ones), not the plain MAC, and dearer per MAC than it.
 */
@Tag("tools")
class BlockedBillTest {
  @TempDir Path dir;

  private JsonNode bill(Path model) throws Exception {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    Path out = dir.resolve("out-" + model.getFileName());
    int code = Main.execute(new PrintWriter(o), new PrintWriter(e), new String[] {"network", "--model", model.toString(), "--schemes",
        "shift-round", "--ops", "300", "--error-samples", "300", "--array", "4x4", "--no-progress", "--out", out.toString()});
    assertEquals(0, code, e.toString());
    return ManifestIo.mapper().readTree(Files.readString(out.resolve("network-built-qrtl_default45").resolve("network.json")));
  }

  @Test
  void blocksOfThirtyTwoArePricedWithTheGroupScaledPe() throws Exception {
    ToolGate.require("yosys");
    JsonNode fp16 = bill(BlockedModels.matmul(dir.resolve("fp16.onnx"), 32, 0, false)).get("layers").get(0);
    JsonNode shift = bill(BlockedModels.matmul(dir.resolve("shift.onnx"), 32, 0, true)).get("layers").get(0);
    assertTrue(fp16.get("macUnit").asText().startsWith("gpe_a8_w8_k256_g32_fp16"), fp16.get("macUnit").asText());
    assertTrue(shift.get("macUnit").asText().startsWith("gpe_a8_w8_k256_g32_shift4"), shift.get("macUnit").asText());
    assertEquals(32, fp16.get("layer").get("blocks").get("group").asInt());
    assertTrue(fp16.get("macEnergyPj").asDouble() > shift.get("macEnergyPj").asDouble(), "a binary16 multiply per group costs more than"
        + " a shift: " + fp16.get("macEnergyPj") + " vs " + shift.get("macEnergyPj"));
  }
}
