package dev.qrtl.kind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.core.Module;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.manifest.PortSpec;
import dev.qrtl.spec.DesignSpec;
import dev.qrtl.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Format-1 manifests, which users already have, still read: each sample written by the last
 * format-1 qrtl (constants, per-channel tables, float scales, thresholds, MAC arrays, unified and
 * conventional modules) gives a spec from which today's generators build the very module it names,
 * with the same ports.
 */
class Format1ManifestTest {
  @Test
  void everyFormat1SampleDescribesTheModuleItNames() throws IOException {
    List<Path> samples;
    try (Stream<Path> s = Files.list(Golden.projectRoot().resolve("src/test/resources/manifest/format1"))) {
      samples = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertTrue(samples.size() >= 12, "samples: " + samples);
    for (Path p : samples) {
      Manifest m = ManifestIo.read(p);
      assertEquals(1, m.format(), p.toString());
      DesignSpec spec = Designs.specOf(m, p.toString());
      assertEquals(m.kind(), DesignKinds.of(spec).name(), p.toString());
      Module rebuilt = Designs.generate(spec).module();
      assertEquals(m.top(), rebuilt.name(), p + ": the spec read back names the same module");
      List<String> ports = rebuilt.ports().stream().map(dev.qrtl.core.Signal::name).toList();
      assertEquals(m.ports().stream().map(PortSpec::name).toList(), ports, p + ": the same ports");
      // and written again, the typed form reads back to the same spec
      assertEquals(SpecJson.toTree(spec), SpecJson.toTree(SpecJson.fromTree(DesignKinds.of(spec).name(), SpecJson.toTree(spec), "round trip")));
    }
    System.out.println("format 1: " + samples.size() + " manifests read back into the specs of the modules they name");
  }
}
