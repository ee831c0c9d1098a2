package dev.qrtl.cases;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qrtl.compare.ResultWriter;
import dev.qrtl.kind.SpecJson;
import dev.qrtl.spec.DesignSpec;
import dev.qrtl.testing.Cases;
import dev.qrtl.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The cocotb benches take their points from the case registry: {@code testbench/cases.json} is
 * the registry's cocotb cases as typed specs, which the benches generate with
 * {@code qrtl generate spec}. This test fails when the file is not what the registry says
 * ({@code -Dgolden.update=true} rewrites it).
 */
class CocotbCasesTest {
  @Test
  void testbenchCasesFileIsTheRegistrys() throws Exception {
    ArrayNode cases = JsonNodeFactory.instance.arrayNode();
    for (Cases.Quantizer c : Cases.quantizers()) {
      if (c.feeds(Cases.Check.COCOTB)) {
        cases.add(entry(c.name(), c.spec(), 3000, 11, "auto"));
      }
    }
    for (Cases.Array c : Cases.arrays()) {
      if (c.feeds(Cases.Check.COCOTB)) {
        boolean bare = c.spec() instanceof dev.qrtl.spec.MacArraySpec;
        cases.add(entry(c.name(), c.spec(), bare ? 400 : 300, bare ? 5 : 9, bare ? "products:k=16" : "auto"));
      }
    }
    for (Cases.Mx c : Cases.mx()) {
      if (c.feeds(Cases.Check.COCOTB)) {
        cases.add(entry(c.name(), c.spec(), 200, 13, "auto"));
      }
    }
    String text = ResultWriter.json(cases);
    Path file = Golden.projectRoot().resolve("testbench/cases.json");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(file, text);
    }
    org.junit.jupiter.api.Assertions.assertEquals(text, Files.readString(file),
        "testbench/cases.json differs from the case registry (-Dgolden.update=true rewrites it)");
  }

  private static ObjectNode entry(String name, DesignSpec spec, int vectors, int seed, String stimulus) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("name", name);
    n.put("kind", dev.qrtl.kind.DesignKinds.of(spec).name());
    n.set("spec", SpecJson.toTree(spec));
    n.put("vectors", vectors);
    n.put("seed", seed);
    n.put("stimulus", stimulus);
    return n;
  }
}
