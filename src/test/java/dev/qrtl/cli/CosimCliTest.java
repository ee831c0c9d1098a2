package dev.qrtl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.testing.ToolGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public co-simulation command forms, and the main job on a reduced vector count. */
@Tag("tools")
class CosimCliTest {
  @TempDir Path dir;

  @Test
  void cosimQuantizerMacArrayAndManifestForms() throws Exception {
    ToolGate.require("verilator");
    Object[] q = CliTest.run("cosim", "quantizer", "--scheme", "tflite-double", "--acc-bits", "32", "--out-bits", "8",
        "--vectors", "100000", "--seed", "1", "--stimulus", "gaussian:sigma=2000", "--json");
    assertEquals(0, q[0], (String) q[2]);
    JsonNode report = ManifestIo.mapper().readTree((String) q[1]);
    assertEquals(100000, report.get("checked").asLong());
    assertEquals(0, report.get("mismatches").asLong());
    assertTrue(report.get("stimulus").asText().startsWith("gaussian"));
    Object[] m = CliTest.run("cosim", "mac-array", "--rows", "3", "--cols", "2", "--k", "16", "--epilogue", "shift-round",
        "--out-bits", "8", "--runtime-shift", "--bias", "--vectors", "600", "--stimulus", "products:k=16", "--out", dir.toString());
    assertEquals(0, m[0], (String) m[2]);
    assertTrue(((String) m[1]).contains("PASS"));
    Path manifest;
    try (var s = Files.list(dir)) {
      manifest = s.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
    }
    Object[] viaManifest = CliTest.run("cosim", "--manifest", manifest.toString(), "--vectors", "600", "--sim", "icarus");
    assertEquals(0, viaManifest[0], (String) viaManifest[2]);
    assertTrue(((String) viaManifest[1]).contains("icarus"));
  }

  @Test
  void badCosimInputsAreOneLine() {
    Object[] r = CliTest.run("cosim", "--manifest", dir.resolve("none.json").toString());
    assertEquals(1, r[0]);
    assertEquals("qrtl: no such manifest: " + dir.resolve("none.json") + "\n", r[2]);
    r = CliTest.run("cosim", "quantizer", "--scheme", "shift-round", "--acc-bits", "16", "--out-bits", "8", "--runtime-shift",
        "--stimulus", "nonsense", "--out", dir.toString());
    assertEquals(1, r[0]);
    assertTrue(((String) r[2]).startsWith("qrtl: unknown stimulus 'nonsense'"), (String) r[2]);
    r = CliTest.run("cosim", "quantizer", "--scheme", "shift-round", "--acc-bits", "16", "--out-bits", "8", "--runtime-shift",
        "--sim", "modelsim", "--out", dir.toString());
    assertTrue(((String) r[2]).startsWith("qrtl: unknown simulator 'modelsim'"), (String) r[2]);
  }

  @Test
  void missingVerilatorIsOneClearLine() throws Exception {
    // A real qrtl process (this test's classpath) whose PATH has no verilator.
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> cmd = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"), "dev.qrtl.cli.Main", "cosim", "quantizer", "--scheme",
        "floor", "--acc-bits", "16", "--out-bits", "8", "--runtime-shift", "--out", dir.toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(false);
    Map<String, String> env = pb.environment();
    env.put("PATH", bin.toString());
    Process p = pb.start();
    String err = new String(p.getErrorStream().readAllBytes());
    assertEquals(1, p.waitFor());
    assertTrue(err.startsWith("qrtl: verilator is not installed or not on PATH; install it with: "), err);
    assertEquals(1, err.lines().count(), err);
  }
  // the main job end to end: MainJobTest
}
