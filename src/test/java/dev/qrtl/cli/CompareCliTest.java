package dev.qrtl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.testing.ToolGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qrtl compare} on a reduced set (every scheme, 32 -> 4 and 32 -> 8, the embedded default
 * library, 2000 operations per unit, with the network view) and {@code qrtl estimate}.
 */
@Tag("tools")
class CompareCliTest {
  @TempDir Path dir;

  @Test
  void reducedComparisonWritesTablesAndPlots() throws Exception {
    ToolGate.require("yosys");
    Object[] r = CliTest.run("compare", "--out-bits", "4,8", "--ops", "2000", "--no-progress", "--out", dir.toString());
    assertEquals(0, r[0], (String) r[2]);
    String out = (String) r[1];
    assertTrue(out.contains("| shift-round | 32 -> 8 |"), out);
    Path lib = dir.resolve("qrtl_default45");
    for (String f : new String[] {"comparison.md", "comparison.csv", "comparison.json", "area-vs-bits.png", "area-vs-bits.svg",
        "energy-vs-bits.png", "energy-vs-bits.svg", "area-energy.png", "area-energy.svg"}) {
      assertTrue(Files.size(lib.resolve(f)) > 500, f + " is written");
    }
    byte[] png = Files.readAllBytes(lib.resolve("area-vs-bits.png"));
    assertEquals((byte) 0x89, png[0]);
    assertEquals('P', png[1]);
    assertTrue(Files.readString(lib.resolve("energy-vs-bits.svg")).contains("<svg"));
    JsonNode j = ManifestIo.mapper().readTree(Files.readString(lib.resolve("comparison.json")));
    assertEquals("qrtl_default45", j.get("library").asText());
    assertTrue(j.get("yosys").asText().startsWith("Yosys "));
    assertEquals(1, j.get("seed").asLong());
    Map<String, JsonNode> at8 = new HashMap<>();
    for (JsonNode row : j.get("rows")) {
      assertTrue(row.get("energyCi95Pj").asDouble() > 0 && row.get("energyCi95Pj").asDouble() < 0.2 * row.get("energyPj").asDouble(),
          "a 95 % CI narrower than 20 % of the mean: " + row);
      assertTrue(row.get("energyPj").asDouble() >= row.get("energyZeroDelayPj").asDouble() * 0.999, "delays only add switching: " + row);
      if (row.get("outBits").asInt() == 8) {
        at8.put(row.get("scheme").asText(), row);
      }
    }
    assertEquals(8, at8.size(), "all eight default forms at 32 -> 8");
    double dyadic = at8.get("dyadic:m=8").get("areaUm2").asDouble();
    assertTrue(dyadic > at8.get("shift-round").get("areaUm2").asDouble() && dyadic < at8.get("tflite-double").get("areaUm2").asDouble(),
        "an 8-bit multiplier lies between no multiplier and a 32-bit one: " + dyadic);
    JsonNode base = at8.get("tflite-double");
    assertEquals(1.0, base.get("baselineAreaRatio").asDouble(), 1e-12);
    for (String cheap : new String[] {"shift-round", "shift-round-const", "floor"}) {
      assertTrue(at8.get(cheap).get("baselineAreaRatio").asDouble() > 5, cheap + " is much smaller than the baseline");
      assertTrue(at8.get(cheap).get("baselineEnergyRatio").asDouble() > 5, cheap + " uses much less energy than the baseline");
    }
    assertTrue(at8.get("shift-round-const").get("areaUm2").asDouble() < at8.get("shift-round").get("areaUm2").asDouble(),
        "a constant shift needs no barrel shifter");
    assertEquals(4, j.get("network").size());
    JsonNode unified = j.get("network").get(0);
    JsonNode conventional = j.get("network").get(2);
    assertEquals(1, unified.get("quantizationOpsPerOutput").asInt());
    assertEquals(2, conventional.get("quantizationOpsPerOutput").asInt());
    assertTrue(conventional.get("energyPerOutputPj").asDouble() > unified.get("energyPerOutputPj").asDouble(),
        "the conventional pipeline costs more per output than the unified module (same scheme)");
    String md = Files.readString(lib.resolve("comparison.md"));
    assertTrue(md.contains("Network level") && md.contains("requantize BN"), md);
    assertTrue(Files.readString(lib.resolve("comparison.csv")).startsWith("scheme,acc_bits,out_bits,design,area_um2"));

    // the same inputs give the same tables and plots (the second run reads the synthesis and energy caches)
    Path again = dir.resolve("again");
    Object[] r2 = CliTest.run("compare", "--out-bits", "4,8", "--ops", "2000", "--no-progress", "--out", again.toString());
    assertEquals(0, r2[0], (String) r2[2]);
    for (String f : new String[] {"comparison.md", "comparison.csv", "comparison.json", "area-energy.svg", "area-energy.png"}) {
      assertEquals(-1L, Files.mismatch(lib.resolve(f), again.resolve("qrtl_default45").resolve(f)), f + " is byte-identical");
    }
  }

  @Test
  void estimatePrintsEnergyWithAConfidenceInterval() throws Exception {
    ToolGate.require("yosys");
    Object[] r = CliTest.run("estimate", "quantizer", "--scheme", "shift-round", "--acc-bits", "16", "--out-bits", "8",
        "--runtime-shift", "--ops", "1000", "--json");
    assertEquals(0, r[0], (String) r[2]);
    int brace = ((String) r[1]).indexOf('{');
    JsonNode j = ManifestIo.mapper().readTree(((String) r[1]).substring(brace));
    assertEquals("requantization", j.get("operation").asText());
    assertTrue(j.get("delays").get("totalPj").asDouble() > 0);
    assertTrue(j.get("gateLevelChecks").asLong() >= 1000, "every output compared with the golden model");
  }

  /** Registered units: each requantizer with a register stage, its flip-flops and clock priced too. */
  @Test
  void registeredUnitsGoToTheirOwnFolder() throws Exception {
    ToolGate.require("yosys");
    Object[] r = CliTest.run("compare", "--schemes", "shift-round,tflite-double", "--out-bits", "4", "--ops", "1000", "--pipeline", "1",
        "--no-network", "--no-progress", "--out", dir.toString());
    assertEquals(0, r[0], (String) r[2]);
    JsonNode j = ManifestIo.mapper().readTree(Files.readString(dir.resolve("qrtl_default45-pipeline1/comparison.json")));
    assertEquals(1, j.get("pipeline").asInt());
    for (JsonNode row : j.get("rows")) {
      assertTrue(row.get("design").asText().endsWith("_p1"), "the pipelined unit: " + row.get("design"));
    }
    assertTrue(Files.readString(dir.resolve("qrtl_default45-pipeline1/comparison.md")).contains("register stage"));
  }

  @Test
  void everyNewCommandHasHelp() {
    for (String cmd : new String[] {"compare", "estimate", "synth", "cosim", "run"}) {
      Object[] r = CliTest.run(cmd, "--help");
      assertEquals(0, r[0], cmd + ": " + r[2]);
      assertTrue(((String) r[1]).startsWith("Usage: qrtl " + cmd), (String) r[1]);
    }
  }

  @Test
  void badCompareInputIsOneLine() {
    Object[] r = CliTest.run("compare", "--schemes", "shift-round,magic", "--no-progress");
    assertEquals(1, r[0]);
    assertTrue(((String) r[2]).startsWith("qrtl: unknown scheme 'magic'"), (String) r[2]);
    Object[] w = CliTest.run("compare", "--out-bits", "1", "--no-progress");
    assertEquals(1, w[0]);
    assertTrue(((String) w[2]).contains("output width 1 is out of range"), (String) w[2]);
  }
}
