package dev.qrtl.kind;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qrtl.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed rtl-out/ is exactly what the generators produce today, byte for byte. */
class DefaultDesignsTest {
  @TempDir Path dir;

  @Test
  void committedRtlOutRegeneratesByteIdentically() throws IOException {
    for (GeneratedDesign d : DefaultDesigns.all()) {
      Designs.write(d, dir);
    }
    Map<String, String> fresh = contents(dir);
    Map<String, String> committed = contents(Golden.projectRoot().resolve("rtl-out"));
    assertEquals(fresh.keySet(), committed.keySet(), "rtl-out/ file set differs; run bin/qrtl generate defaults");
    fresh.forEach((name, text) -> assertEquals(text, committed.get(name), "rtl-out/" + name + " differs from the generator"));
    System.out.println("rtl-out: " + fresh.size() + " files regenerate byte-identically");
  }

  private static Map<String, String> contents(Path folder) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.list(folder)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".v") || p.toString().endsWith(".json")).toList()) {
        m.put(p.getFileName().toString(), Files.readString(p));
      }
    }
    return m;
  }
}
