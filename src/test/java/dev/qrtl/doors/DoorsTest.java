package dev.qrtl.doors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qrtl.cli.Main;
import dev.qrtl.kind.DesignKinds;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.scheme.Schemes;
import dev.qrtl.testing.ToolGate;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The doors are whole: a kind of unit (a saturating adder, {@link SatAddSpec} and {@link
 * SatAddKind}) and a requantization scheme (halving, {@link HalvingSpec} and {@link
 * HalvingScheme}) that exist only in the test sources, each two files plus this test, are
 * registered and then go through qrtl's own commands like the built-in ones: generated from a spec
 * file, co-simulated in Verilator and in Icarus against their golden models, synthesized, their
 * energy estimated at gate level (every output checked), and the scheme priced in a comparison.
 * No qrtl source file names them.
 */
@Tag("tools")
class DoorsTest {
  @TempDir Path dir;

  private static String[] run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = Main.execute(new PrintWriter(o), new PrintWriter(e), args);
    return new String[] {Integer.toString(code), o.toString(), e.toString()};
  }

  private static JsonNode ok(String... args) throws Exception {
    String[] r = run(args);
    assertEquals("0", r[0], String.join(" ", args) + ": " + r[2]);
    return args[args.length - 1].equals("--json") ? ManifestIo.mapper().readTree(r[1]) : null;
  }

  /** Generate, co-simulate in both simulators, synthesize and estimate the design a spec file names; returns the energy report. */
  private JsonNode throughEveryStage(String kind, String spec, String top, long checkedPerRun) throws Exception {
    Path specFile = Files.writeString(dir.resolve(top + ".spec.json"), "{\"kind\": \"" + kind + "\", \"spec\": " + spec + "}");
    Path out = dir.resolve(top);
    ok("generate", "spec", specFile.toString(), "--out", out.toString());
    String manifest = out.resolve(top + ".json").toString();
    assertTrue(Files.readString(out.resolve(top + ".v")).contains("module " + top), "the Verilog of " + top);
    for (String sim : new String[] {"verilator", "icarus"}) {
      JsonNode c = ok("cosim", "--manifest", manifest, "--sim", sim, "--vectors", "3000", "--json");
      assertEquals(0, c.get("mismatches").asLong(), sim + ": " + c);
      assertEquals(checkedPerRun, c.get("checked").asLong(), sim + ": every vector checked");
      assertTrue(c.get("simulator").asText().startsWith(sim), c.get("simulator").asText());
    }
    JsonNode s = ok("synth", "--manifest", manifest, "--json");
    assertTrue(s.get("areaUm2").asDouble() > 0 && s.get("cells").asLong() > 0, s.toString());
    JsonNode e = ok("estimate", "--manifest", manifest, "--ops", "400", "--json");
    assertTrue(e.get("delays").get("totalPj").asDouble() > 0, e.toString());
    assertEquals(400, e.get("gateLevelChecks").asLong(), "every gate-level output checked against the golden model");
    return e;
  }

  @Test
  void aKindOfTheTestsGoesThroughEveryStage() throws Exception {
    ToolGate.require("verilator", "iverilog", "yosys");
    try (var k = DesignKinds.register(new SatAddKind())) {
      JsonNode e = throughEveryStage("sat-add", "{\"bits\": 8}", "sat_add_s8", 3000);
      assertEquals("addition", e.get("operation").asText());
      System.out.printf("doors: kind sat-add generated, co-simulated in Verilator and Icarus (3,000 vectors each), synthesized,"
          + " %.4f pJ per addition at gate level (400 checked)%n", e.get("delays").get("totalPj").asDouble());
    }
    assertTrue(DesignKinds.find("sat-add").isEmpty(), "closing the registration removes the kind");
  }

  @Test
  void aSchemeOfTheTestsGoesThroughEveryStageAndIntoAComparison() throws Exception {
    ToolGate.require("verilator", "iverilog", "yosys");
    try (var s = Schemes.register(new HalvingScheme())) {
      String spec = "{\"scheme\": \"halving\", \"accBits\": 16, \"out\": {\"bits\": 8, \"signed\": true, \"relu\": false, \"saturate\": true},"
          + " \"pipeline\": 0}";
      JsonNode e = throughEveryStage("quantizer", spec, "requant_halving_a16_q8s", 3000);
      assertEquals("requantization", e.get("operation").asText());
      Path cmp = dir.resolve("compare");
      ok("compare", "--schemes", "halving,shift-round", "--acc-bits", "16", "--out-bits", "8", "--ops", "200", "--no-network",
          "--no-progress", "--out", cmp.toString());
      JsonNode c = ManifestIo.mapper().readTree(Files.readString(cmp.resolve("qrtl_default45/comparison.json")));
      JsonNode row = c.get("rows").get(0);
      assertEquals("halving", row.get("scheme").asText());
      assertTrue(row.get("areaUm2").asDouble() > 0 && row.get("energyPj").asDouble() > 0, row.toString());
      assertEquals(200, row.get("verification").get("rtlCosimVectors").asLong());
      System.out.printf("doors: scheme halving generated, co-simulated in both simulators, synthesized, estimated, and priced in a"
          + " comparison: %.1f um^2, %.4f pJ%n", row.get("areaUm2").asDouble(), row.get("energyPj").asDouble());
    }
    assertTrue(Schemes.all().stream().noneMatch(x -> x.name().equals("halving")), "closing the registration removes the scheme");
  }
}
