package dev.qrtl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.testing.ToolGate;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qrtl compare --clock-ns T}: every unit synthesized for one clock and given register
 * stages until it meets it. At 16 -> 4 bits and 1 ns on the embedded library, shift-round (0.40 ns)
 * meets the clock as it is, dyadic:m=4 (1.57 ns) needs a stage (its retimed netlist is checked
 * against the golden model by the energy run like every unit), and every table says which clock
 * it uses.
 */
@Tag("tools")
class CommonClockTest {
  @TempDir Path dir;

  @Test
  void unitsAreStagedUntilTheyMeetTheCommonClock() throws Exception {
    ToolGate.require("yosys");
    Object[] r = CliTest.run("compare", "--schemes", "shift-round,dyadic:m=4", "--acc-bits", "16", "--out-bits", "4",
        "--clock-ns", "1", "--ops", "500", "--no-network", "--no-progress", "--out", dir.toString());
    assertEquals(0, r[0], (String) r[2]);
    Path lib = dir.resolve("qrtl_default45-clock1ns");
    JsonNode j = ManifestIo.mapper().readTree(Files.readString(lib.resolve("comparison.json")));
    assertTrue(j.get("clock").asText().contains("one 1 ns clock"), j.get("clock").asText());
    for (JsonNode row : j.get("rows")) {
      int stages = row.get("stages").asInt();
      double delay = row.get("delayNs").asDouble();
      String scheme = row.get("scheme").asText();
      assertTrue(delay <= 1.0 || stages == dev.qrtl.spec.QuantizerSpec.MAX_PIPELINE, scheme + " meets the clock or used every stage: " + row);
      if (scheme.equals("shift-round")) {
        assertEquals(0, stages, "a shifter meets 1 ns without registers (0.40 ns unregistered): " + row);
      } else {
        assertTrue(stages >= 1, "the dyadic unit (1.57 ns unregistered) needs a stage: " + row);
      }
    }
    assertTrue(Files.readString(lib.resolve("comparison.md")).contains("| stages |"));
    assertTrue(Files.readString(lib.resolve("comparison.csv")).lines().findFirst().orElseThrow()
        .endsWith(",stages,rms_error_lsb,worst_rms_error_lsb"), "the stages column, then the error columns");
  }
}
