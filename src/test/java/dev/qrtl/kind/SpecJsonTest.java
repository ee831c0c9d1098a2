package dev.qrtl.kind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qrtl.manifest.ManifestException;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.testing.Cases;
import dev.qrtl.spec.DesignSpec;
import dev.qrtl.spec.QuantizerSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Typed specs as JSON: every case of the registry round-trips; malformed specs are one line naming the problem. */
class SpecJsonTest {
  static List<DesignSpec> specs() {
    List<DesignSpec> all = new ArrayList<>(Cases.quantizers().stream().map(Cases.Quantizer::spec).toList());
    Cases.arrays().forEach(a -> all.add(a.spec()));
    return all;
  }

  @Test
  void everyCaseRoundTripsAndNamesItsScheme() {
    int n = 0;
    for (DesignSpec s : specs()) {
      JsonNode tree = SpecJson.toTree(s);
      DesignSpec back = SpecJson.fromTree(DesignKinds.of(s).name(), tree, "test");
      assertEquals(tree, SpecJson.toTree(back), "round trip of " + tree);
      assertEquals(Designs.generate(s).module().name(), Designs.generate(back).module().name());
      if (s instanceof QuantizerSpec q) {
        assertEquals(q.scheme(), tree.get("scheme").asText(), "the discriminator comes first: " + tree);
        assertEquals("scheme", tree.fieldNames().next());
      }
      n++;
    }
    assertTrue(n >= 20, "cases: " + n);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown field|{\"scheme\":\"floor\",\"accBits\":16,\"out\":{\"bits\":8,\"signed\":true,\"relu\":false,\"saturate\":true},\"rounding\":\"FLOOR\",\"shift\":null,\"bias\":false,\"pipeline\":0,\"floorScheme\":true,\"channelShifts\":[],\"colour\":3}|unknown field 'colour'",
      "unknown scheme|{\"scheme\":\"magic\",\"accBits\":16}|unknown scheme 'magic'",
      "missing field|{\"scheme\":\"floor\",\"accBits\":16}|its spec is invalid",
      "out of range|{\"scheme\":\"floor\",\"accBits\":99,\"out\":{\"bits\":8,\"signed\":true,\"relu\":false,\"saturate\":true},\"rounding\":\"FLOOR\",\"shift\":null,\"bias\":false,\"pipeline\":0,\"floorScheme\":true,\"channelShifts\":[]}|accumulator width 99 is outside 2..64",
      "scheme and record disagree|{\"scheme\":\"shift-round\",\"accBits\":16,\"out\":{\"bits\":8,\"signed\":true,\"relu\":false,\"saturate\":true},\"rounding\":\"FLOOR\",\"shift\":null,\"bias\":false,\"pipeline\":0,\"floorScheme\":true,\"channelShifts\":[]}|says scheme 'shift-round' but describes a floor unit",
      "not an object|[1,2]|is not a JSON object"})
  void malformedSpecsAreOneLine(String what, String json, String message) throws Exception {
    JsonNode tree = ManifestIo.mapper().readTree(json);
    ManifestException e = assertThrows(ManifestException.class, () -> SpecJson.fromTree("quantizer", tree, "m.json"));
    assertTrue(e.getMessage().contains(message), what + ": " + e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
  }

  @Test
  void nestedEpiloguesCarryTheirOwnScheme() {
    DesignSpec unified = Cases.arrays().stream().map(Cases.Array::spec).filter(s -> s instanceof dev.qrtl.spec.UnifiedSpec).findFirst().orElseThrow();
    ObjectNode tree = (ObjectNode) SpecJson.toTree(unified);
    assertTrue(tree.get("epilogue").has("scheme"), tree.toString());
    ((ObjectNode) tree.get("epilogue")).put("scheme", "nonsense");
    assertTrue(assertThrows(ManifestException.class, () -> SpecJson.fromTree("unified", tree, "m.json")).getMessage()
        .contains("unknown scheme 'nonsense'"));
  }
}
