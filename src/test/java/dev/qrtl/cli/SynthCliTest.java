package dev.qrtl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qrtl.liberty.LibraryReader;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.testing.Golden;
import dev.qrtl.testing.ToolGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** qrtl synth and qrtl tech import from the command line. */
@Tag("tools")
class SynthCliTest {
  @TempDir Path dir;

  @Test
  void synthQuantizerPrintsATableAndJson() throws Exception {
    ToolGate.require("yosys");
    Object[] r = CliTest.run("synth", "quantizer", "--scheme", "shift-round", "--acc-bits", "32", "--out-bits", "8",
        "--shift", "10", "--tech", "default");
    assertEquals(0, r[0], (String) r[2]);
    assertTrue(((String) r[1]).contains("NAND2-eq") && ((String) r[1]).contains("Fmax"), (String) r[1]);
    Object[] j = CliTest.run("synth", "--manifest", Golden.projectRoot().resolve("rtl-out/requant_floor_a32_q4s_krt.json").toString(),
        "--liberty", Golden.projectRoot().resolve("../shared/tech/nangate45_typ.lib.gz").normalize().toString(), "--json");
    assertEquals(0, j[0], (String) j[2]);
    JsonNode n = ManifestIo.mapper().readTree((String) j[1]);
    assertEquals("NangateOpenCellLibrary", n.get("library").asText());
    assertEquals("typical", n.get("corner").asText());
    assertEquals(64, n.get("librarySha256").asText().length());
    assertTrue(n.get("yosys").asText().startsWith("Yosys "));
    assertTrue(n.get("areaUm2").asDouble() > 0 && n.get("nand2Equivalents").asDouble() > 0);
  }

  @Test
  void techImportCondensesALibraryThatYosysCanUse() throws Exception {
    ToolGate.require("yosys");
    Path out = dir.resolve("sky_compact.lib");
    Object[] r = CliTest.run("tech", "import", Golden.projectRoot().resolve("../shared/tech/sky130hd_tt.lib.gz").normalize().toString(),
        "--name", "sky_compact", "--out", out.toString());
    assertEquals(0, r[0], (String) r[2]);
    var lib = LibraryReader.read(out);
    assertEquals("sky_compact", lib.name());
    assertTrue(lib.cells().values().stream().anyMatch(c -> c.sequential()), "a flip-flop is kept");
    assertTrue(lib.cells().size() >= 15, "cells: " + lib.cells().keySet());
    Object[] s = CliTest.run("synth", "quantizer", "--scheme", "tflite-single", "--acc-bits", "16", "--out-bits", "8",
        "--pipeline", "1", "--liberty", out.toString());
    assertEquals(0, s[0], (String) s[2]);
  }

  @Test
  void missingYosysIsOneLine() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> cmd = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"), "dev.qrtl.cli.Main", "synth", "quantizer", "--scheme",
        "floor", "--acc-bits", "16", "--out-bits", "8", "--runtime-shift"));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("PATH", bin.toString());
    Process p = pb.start();
    String err = new String(p.getErrorStream().readAllBytes());
    assertEquals(1, p.waitFor());
    assertTrue(err.startsWith("qrtl: yosys is not installed or not on PATH"), err);
    assertEquals(1, err.lines().count(), err);
  }
}
