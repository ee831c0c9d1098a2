package dev.qrtl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.testing.ToolGate;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command ({@code qrtl run}) end to end on a reduced set: every default design
 * generated, linted and co-simulated (20,000 vectors each), then two schemes compared at
 * 32 -> 4 on the embedded default library, with the network view, into a results folder.
 */
@Tag("tools")
class MainJobTest {
  @TempDir Path dir;

  @Test
  void mainJobProducesTheResultsFolder() throws Exception {
    ToolGate.require("verilator", "iverilog", "yosys");
    Path results = dir.resolve("results");
    Object[] r = CliTest.run("run", "--out", dir.resolve("rtl-out").toString(), "--results", results.toString(), "--vectors", "20000",
        "--schemes", "shift-round,tflite-double", "--out-bits", "4", "--ops", "1000", "--no-progress");
    String out = (String) r[1];
    assertEquals(0, r[0], out + r[2]);
    assertTrue(out.contains("== co-simulation") && out.contains("PASS"), out);
    assertTrue(out.contains("| shift-round | 32 -> 4 |"), "the headline table is printed: " + out);
    assertTrue(out.contains("main job: 16 designs"), out);
    Path lib = results.resolve("qrtl_default45");
    for (String f : new String[] {"comparison.md", "comparison.csv", "comparison.json", "area-vs-bits.png", "energy-vs-bits.svg"}) {
      assertTrue(Files.isRegularFile(lib.resolve(f)), f);
    }
    assertTrue(Files.readString(lib.resolve("comparison.md")).contains("Network level"));
  }
}
