package dev.qrtl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.testing.Golden;
import dev.qrtl.testing.ToolGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed results cannot go stale: a reduced comparison (four schemes at 32 -> 4 and 32 -> 8
 * on the embedded default library, with the settings of the committed run: default stimulus,
 * seed and operations) is regenerated, and each of its rows must equal the matching row of
 * {@code docs/results/qrtl_default45/comparison.json} field for field, and the library hash the
 * committed header. A change to a generator, the synthesis flow or the estimator that is not
 * followed by {@code bin/qrtl run} (which rewrites that folder) fails here.
 */
@Tag("tools")
class CommittedResultsTest {
  @TempDir Path dir;

  @Test
  void committedDefaultResultsMatchARegeneratedSubset() throws Exception {
    ToolGate.require("yosys");
    Path committed = Golden.projectRoot().resolve("docs/results/qrtl_default45/comparison.json");
    JsonNode old = ManifestIo.mapper().readTree(Files.readString(committed));
    Object[] r = CliTest.run("compare", "--schemes", "shift-round,shift-round-const,floor,tflite-double", "--out-bits", "4,8",
        "--no-network", "--no-progress", "--out", dir.toString());
    assertEquals(0, r[0], (String) r[2]);
    JsonNode fresh = ManifestIo.mapper().readTree(Files.readString(dir.resolve("qrtl_default45/comparison.json")));
    for (String field : new String[] {"library", "librarySha256", "corner", "stimulus", "seed", "operations", "yosys"}) {
      assertEquals(old.get(field), fresh.get(field), "header field " + field + " of " + committed + " (rerun bin/qrtl run)");
    }
    Map<String, JsonNode> byKey = new HashMap<>();
    for (JsonNode row : old.get("rows")) {
      byKey.put(key(row), row);
    }
    int compared = 0;
    for (JsonNode row : fresh.get("rows")) {
      JsonNode was = byKey.get(key(row));
      assertTrue(was != null, "the committed results lack " + key(row) + " (rerun bin/qrtl run)");
      assertEquals(was, row, key(row) + " differs from " + committed + ": the results are stale (rerun bin/qrtl run)");
      compared++;
    }
    assertEquals(8, compared, "four schemes at two widths");
  }

  private static String key(JsonNode row) {
    return row.get("scheme").asText() + " " + row.get("accBits").asInt() + " -> " + row.get("outBits").asInt();
  }
}
