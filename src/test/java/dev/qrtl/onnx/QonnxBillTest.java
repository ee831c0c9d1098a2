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

  private JsonNode bill(QonnxBuilder model, String name, String... more) throws Exception {
    ToolGate.require("yosys");
    Path file = model.write(dir.resolve(name + ".onnx"));
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    Path out = dir.resolve("out-" + name);
    String[] args = {"network", "--model", file.toString(), "--schemes", "shift-round", "--ops", "300", "--error-samples", "300", "--array",
        "4x4", "--no-progress", "--out", out.toString()};
    int code = Main.execute(new PrintWriter(o), new PrintWriter(e), java.util.stream.Stream.concat(java.util.Arrays.stream(args),
        java.util.Arrays.stream(more)).toArray(String[]::new));
    assertEquals(0, code, e.toString());
    // a bill on MAC arrays (more = --mac-array RxC) is a bill of its own, in its own folder
    String folder = "network-built-" + (more.length == 0 ? "" : "mac-array-" + more[1] + "-") + "qrtl_default45";
    return ManifestIo.mapper().readTree(Files.readString(out.resolve(folder).resolve("network.json")));
  }

  /**
   * {@code --mac-array 2x2}: each layer's MACs priced on a 2x2 systolic array at the layer's own
   * widths and accumulator (the array's design named in the bill, the method saying so), per MAC
   * within a factor of three of the single-lane PE's figure on the same layer (the array adds
   * operand registers and control around the same multipliers and accumulators).
   */
  @Test
  void macsOnAnArray() throws Exception {
    JsonNode pe = bill(QonnxBuilder.a6w4(), "a6w4-pe");
    JsonNode arr = bill(QonnxBuilder.a6w4(), "a6w4-array", "--mac-array", "2x2");
    assertTrue(arr.get("energyModel").asText().contains("MACs on a 2x2 systolic MAC array"), arr.get("energyModel").asText());
    assertEquals("built-mac-array-2x2", arr.get("network").asText(), "its own bill, beside the PE's");
    assertTrue(!pe.get("energyModel").asText().contains("MAC array"), "the single-lane PE by default");
    for (int i = 0; i < pe.get("layers").size(); i++) {
      JsonNode a = arr.get("layers").get(i);
      String unit = a.get("macUnit").asText();
      assertTrue(unit.startsWith("mac_array_sys_2x2_a6w4us_acc" + a.get("accBits").asInt()), "the layer's array: " + unit);
      double ratio = a.get("macEnergyPj").asDouble() / pe.get("layers").get(i).get("macEnergyPj").asDouble();
      System.out.printf("%s: K %d, per MAC %.4f pJ on the 2x2 array, %.4f pJ on the PE (x%.2f)%n", a.get("layer").get("name").asText(),
          a.get("layer").get("k").asInt(), a.get("macEnergyPj").asDouble(), pe.get("layers").get(i).get("macEnergyPj").asDouble(), ratio);
      for (JsonNode u : arr.get("units")) {
        if (u.get("design").asText().equals(unit)) {
          System.out.println("  " + unit + ": " + u.get("stimulus").asText());
        }
      }
      assertTrue(ratio > 1 / 3.0 && ratio < 3, "per MAC, array against PE: x" + ratio);
    }
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
