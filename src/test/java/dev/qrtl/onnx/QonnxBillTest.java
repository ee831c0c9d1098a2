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
 * {@code qrtl network} on QONNX models priced at their own widths: each layer's processing element
 * synthesized and simulated at the layer's activation and weight widths, its accumulator
 * {@code a + w + ceil(log2 K)} bits, its requantizer producing the layer's output bits (the
 * bill's --a-bits and --w-bits, 8, apply to none of them).
 */
@Tag("tools")
class QonnxBillTest {
  @TempDir Path dir;

  private JsonNode bill(QonnxBuilder model, String name) throws Exception {
    ToolGate.require("yosys");
    Path file = model.write(dir.resolve(name + ".onnx"));
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = Main.execute(new PrintWriter(o), new PrintWriter(e), new String[] {"network", "--model", file.toString(), "--schemes",
        "shift-round", "--ops", "300", "--error-samples", "300", "--array", "4x4", "--no-progress", "--out", dir.resolve("out").toString()});
    assertEquals(0, code, e.toString());
    return ManifestIo.mapper().readTree(Files.readString(dir.resolve("out").resolve("network-built-qrtl_default45").resolve("network.json")));
  }

  private static void pricedAt(JsonNode layer, int a, int w, int out) {
    String name = layer.get("layer").get("name").asText();
    int k = layer.get("layer").get("k").asInt();
    int log = 64 - Long.numberOfLeadingZeros(k - 1L);
    assertEquals(a + w + log, layer.get("accBits").asInt(), name + ": a + w + ceil(log2 K)");
    String pe = layer.get("macUnit").asText();
    assertTrue(pe.contains("_a" + a + "u_w" + w + "s_acc" + (a + w + log)), name + ": its PE " + pe + " at a" + a + " w" + w);
    String unit = layer.get("schemes").get(0).get("unit").asText();
    assertTrue(unit.contains("_a" + (a + w + log) + "_q" + out + "s"), name + ": its requantizer " + unit + " from " + (a + w + log)
        + " to " + out + " bits");
  }

  @Test
  void fourBitWeightsAndSixBitActivations() throws Exception {
    JsonNode j = bill(QonnxBuilder.a6w4(), "a6w4");
    assertEquals(2, j.get("layers").size());
    for (JsonNode l : j.get("layers")) {
      pricedAt(l, 6, 4, 6);
    }
  }

  /** The Trunc after the pool priced as the scheme's requantizer from its 6-bit input to its 4-bit output. */
  @Test
  void aTruncIsPricedAtItsWidths() throws Exception {
    JsonNode j = bill(QonnxBuilder.withTrunc(), "trunc");
    JsonNode t = j.get("elementwise").get(0);
    assertEquals("TRUNC", t.get("op").get("kind").asText());
    String unit = t.get("schemes").get(0).get("unit").asText();
    assertTrue(unit.contains("_a6_q4s"), "a 6 -> 4 bit requantizer: " + unit);
    assertEquals(256, t.get("operations").asLong());
    assertTrue(t.get("schemes").get(0).get("totalPj").asDouble() > 0);
  }

  @Test
  void mixedWidthsPerLayer() throws Exception {
    JsonNode j = bill(QonnxBuilder.mixed(), "mixed");
    int[][] want = {{8, 8, 4}, {4, 2, 5}, {5, 2, 3}, {3, 3, 8}};
    assertEquals(want.length, j.get("layers").size());
    for (int i = 0; i < want.length; i++) {
      pricedAt(j.get("layers").get(i), want[i][0], want[i][1], want[i][2]);
    }
    // narrower operands cost less per MAC: the 4 x 2-bit layer's PE below the 8 x 8-bit stem's
    assertTrue(j.get("layers").get(1).get("macEnergyPj").asDouble() < j.get("layers").get(0).get("macEnergyPj").asDouble(),
        j.get("layers").toString());
  }
}
