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
        "--liberty", dev.qrtl.testing.TechFiles.nangate45().toString(), "--json");
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
    Object[] r = CliTest.run("tech", "import", dev.qrtl.testing.TechFiles.sky130hd().toString(),
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
  /**
   * {@code --tech nangate45|sky130hd} on a machine with nothing but qrtl: no environment variable,
   * an empty cache and home folder, a separate JVM. The library is the copy qrtl carries, and the
   * area equals the one read with {@code --liberty} from the repository's file.
   */
  @Test
  void namedTechnologiesWorkWithoutAnySetup() throws Exception {
    ToolGate.require("yosys");
    for (String[] t : new String[][] {{"nangate45", "nangate45_typ.lib.gz"}, {"sky130hd", "sky130hd_tt.lib.gz"}}) {
      Path home = Files.createDirectories(dir.resolve("home-" + t[0]));
      List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
          System.getProperty("java.class.path"), "dev.qrtl.cli.Main", "synth", "quantizer", "--scheme", "shift-round",
          "--runtime-shift", "--acc-bits", "32", "--out-bits", "8", "--tech", t[0], "--json"));
      ProcessBuilder pb = new ProcessBuilder(cmd);
      pb.environment().remove("QRTL_TECH_DIR");
      pb.environment().remove("PDK_ROOT");
      pb.environment().remove("QRTL_CACHE");
      pb.environment().put("XDG_CACHE_HOME", home.resolve(".cache").toString()); // an empty cache
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes());
      String err = new String(p.getErrorStream().readAllBytes());
      assertEquals(0, p.waitFor(), err);
      JsonNode fresh = ManifestIo.mapper().readTree(out);
      Object[] lib = CliTest.run("synth", "quantizer", "--scheme", "shift-round", "--runtime-shift", "--acc-bits", "32", "--out-bits", "8",
          "--liberty", Golden.projectRoot().resolve("synth/tech").resolve(t[1]).toString(), "--json");
      assertEquals(0, lib[0], (String) lib[2]);
      JsonNode viaFile = ManifestIo.mapper().readTree((String) lib[1]);
      assertEquals(viaFile.get("areaUm2").asDouble(), fresh.get("areaUm2").asDouble(), 0.0, t[0] + ": the same area either way");
      assertEquals(viaFile.get("librarySha256").asText(), fresh.get("librarySha256").asText(), t[0]);
      assertTrue(fresh.get("areaUm2").asDouble() > 100, t[0] + ": a real unit: " + fresh.get("areaUm2"));
      assertTrue(Files.isDirectory(home.resolve(".cache/qrtl/tech")), "unpacked into the fresh cache");
    }
  }

  @Test
  void techListSaysWhereEachLibraryIsFound() throws Exception {
    Object[] r = CliTest.run("tech", "list");
    assertEquals(0, r[0], (String) r[2]);
    String out = (String) r[1];
    assertTrue(out.contains("NangateOpenCellLibrary") && out.contains("sky130_fd_sc_hd__tt_025C_1v80") && out.contains("qrtl_default45"), out);
    if (System.getenv("QRTL_TECH_DIR") == null && System.getenv("PDK_ROOT") == null) {
      for (String line : Files.readAllLines(Golden.projectRoot().resolve("synth/tech/SHA256SUMS"))) {
        String hash = line.split("\\s+")[0];
        assertTrue(out.contains(hash + " bundled with qrtl (synth/tech/"), "the recorded hash, found in the jar: " + out);
      }
    }
  }
}
