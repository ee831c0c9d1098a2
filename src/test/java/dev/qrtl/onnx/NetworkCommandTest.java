package dev.qrtl.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
 * {@code qrtl network} end to end on a two-layer QDQ model (a 3x3 stem, K = 27, and a 1x1, K = 8,
 * so two accumulator widths: 8 + 8 + 5 = 21 and 8 + 8 + 3 = 19) and a residual add of the two,
 * with shift-round and the 8-bit dyadic unit: every unit synthesized and simulated (the schemes'
 * residual-add units too), the totals the sums of the layers and the add, the share what its
 * definition says, and a second run byte-identical.
 */
@Tag("tools")
class NetworkCommandTest {
  @TempDir Path dir;

  private static String[] run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = Main.execute(new PrintWriter(o), new PrintWriter(e), args);
    return new String[] {Integer.toString(code), o.toString(), e.toString()};
  }

  @Test
  void aSmallModelIsBilledLayerByLayer() throws Exception {
    ToolGate.require("yosys");
    ModelBuilder b = new ModelBuilder(ModelBuilder.Form.QDQ);
    String x = b.input("x", 1, 3, 16, 16);
    x = b.conv("stem", x, 3, 8, 3, 1, 1, 1, true);
    String y = b.conv("pw", x, 8, 8, 1, 1, 0, 1, false);
    b.output(b.addRelu("res", x, y));
    Path model = b.write(dir.resolve("tiny.onnx"));
    Path out = dir.resolve("out");
    String[] args = {"network", "--model", model.toString(), "--schemes", "shift-round,dyadic:m=8", "--ops", "300", "--error-samples",
        "300", "--array", "4x4", "--no-progress", "--out", out.toString()};
    String[] r = run(args);
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("shift-round") && r[1].contains("uJ per inference"), r[1]);
    Path folder = out.resolve("network-built-qrtl_default45");
    JsonNode j = ManifestIo.mapper().readTree(Files.readString(folder.resolve("network.json")));
    assertEquals(2, j.get("layers").size());
    assertEquals(1, j.get("elementwise").size(), "the residual add (Add and Relu between DequantizeLinear and QuantizeLinear)");
    assertEquals("ADD", j.get("elementwise").get(0).get("op").get("kind").asText());
    assertEquals(8L * 16 * 16, j.get("elementwise").get(0).get("operations").asLong());
    JsonNode stem = j.get("layers").get(0);
    assertEquals(21, stem.get("accBits").asInt(), "8 + 8 + ceil(log2 27)");
    assertEquals(27, stem.get("layer").get("k").asInt());
    assertEquals(19, j.get("layers").get(1).get("accBits").asInt(), "8 + 8 + ceil(log2 8)");
    assertEquals(8L * 16 * 16 * 27, stem.get("macs").asLong());
    for (JsonNode t : j.get("totals")) {
      String scheme = t.get("scheme").asText();
      double mac = 0;
      double unified = 0;
      for (JsonNode l : j.get("layers")) {
        mac += l.get("macs").asLong() * l.get("macEnergyPj").asDouble();
        for (JsonNode s : l.get("schemes")) {
          if (s.get("scheme").asText().equals(scheme)) {
            unified += s.get("unifiedPj").asDouble();
            assertEquals(l.get("requantizationsUnified").asLong() * s.get("energyPerRequantizationPj").asDouble(), s.get("unifiedPj")
                .asDouble(), 1e-6 * s.get("unifiedPj").asDouble(), "one requantization per output");
            assertTrue(s.get("rmsErrorLsb").asDouble() >= 0, "the error at the model's own scales");
          }
        }
      }
      double elementwise = 0;
      for (JsonNode e : j.get("elementwise")) {
        for (JsonNode s : e.get("schemes")) {
          if (s.get("scheme").asText().equals(scheme)) {
            elementwise += s.get("totalPj").asDouble();
            assertEquals(e.get("operations").asLong() * s.get("energyPerOperationPj").asDouble(), s.get("totalPj").asDouble(),
                1e-6 * s.get("totalPj").asDouble(), "one residual-add operation per output");
          }
        }
      }
      assertTrue(elementwise > 0, scheme + ": the residual add is priced");
      assertEquals(elementwise, t.get("elementwisePj").asDouble(), 1e-6 * elementwise, scheme);
      unified += elementwise;
      assertEquals(mac, t.get("macPj").asDouble(), 1e-6 * mac, scheme);
      assertEquals(unified, t.get("unifiedPj").asDouble(), 1e-6 * unified, scheme + ": the layers' and the residual add's");
      assertEquals(100 * unified / (mac + unified), t.get("sharePercent").asDouble(), 1e-9, scheme);
      assertTrue(t.get("macPj").asDouble() > t.get("unifiedPj").asDouble(), scheme + ": 27 and 8 MACs per output cost more than one"
          + " requantization");
    }
    JsonNode unit = null;
    for (JsonNode u : j.get("units")) {
      if (u.get("design").asText().equals("requant_shift_round_a21_q8s_half_up_krt")) {
        unit = u;
      }
    }
    assertEquals(5, unit.get("parameterBits").asInt(), "a run-time shift of 0..20 takes 5 bits");
    assertEquals(8 * (5 + 21), stem.get("schemes").get(0).get("parameterBits").asLong(), "8 channels of a shift and a 21-bit bias");
    byte[][] first = {Files.readAllBytes(folder.resolve("network.md")), Files.readAllBytes(folder.resolve("network.json")),
        Files.readAllBytes(folder.resolve("energy-per-layer.svg"))};
    assertEquals("0", run(args)[0]);
    assertArrayEquals(first[0], Files.readAllBytes(folder.resolve("network.md")), "same inputs, same table");
    assertArrayEquals(first[1], Files.readAllBytes(folder.resolve("network.json")));
    assertArrayEquals(first[2], Files.readAllBytes(folder.resolve("energy-per-layer.svg")));

    // the same bill in 2 shards, merged: the same bytes; a merge with other options refuses
    Path sharded = dir.resolve("sharded");
    for (int i = 1; i <= 2; i++) {
      String[] a = java.util.Arrays.copyOf(args, args.length + 4);
      a[args.length - 1] = sharded.toString();
      a[args.length] = "--shard";
      a[args.length + 1] = i + "/2";
      a[args.length + 2] = "--shard-dir";
      a[args.length + 3] = sharded.resolve("shards").toString();
      String[] s = run(a);
      assertEquals("0", s[0], s[2]);
    }
    String[] m = java.util.Arrays.copyOf(args, args.length + 2);
    m[args.length - 1] = sharded.toString();
    m[args.length] = "--merge";
    m[args.length + 1] = sharded.resolve("shards").toString();
    String[] merged = run(m);
    assertEquals("0", merged[0], merged[2]);
    Path mf = sharded.resolve("network-built-qrtl_default45");
    assertArrayEquals(first[0], Files.readAllBytes(mf.resolve("network.md")), "2 shards merged: the same table");
    assertArrayEquals(first[1], Files.readAllBytes(mf.resolve("network.json")));
    assertArrayEquals(first[2], Files.readAllBytes(mf.resolve("energy-per-layer.svg")));
    String[] other = m.clone();
    other[4] = "shift-round"; // --schemes
    String[] refused = run(other);
    assertEquals("1", refused[0]);
    assertTrue(refused[2].contains("belongs to another network bill"), refused[2]);
  }
}
