package dev.qrtl.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.testing.Golden;
import dev.qrtl.util.Hashing;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cell libraries the repository carries ({@code synth/tech/}) are the files their provenance
 * describes: each hash in {@code SHA256SUMS} is recomputed from the file, appears in the
 * provenance README, and the copy inside the built classpath (what the jar ships) has it too.
 */
class CarriedLibrariesTest {
  static final Path TECH = Golden.projectRoot().resolve("synth/tech");

  static Map<String, String> sums() throws Exception {
    Map<String, String> sums = new LinkedHashMap<>();
    for (String line : Files.readAllLines(TECH.resolve("SHA256SUMS"))) {
      String[] p = line.trim().split("\\s+", 2);
      sums.put(p[1], p[0]);
    }
    return sums;
  }

  @Test
  void eachLibraryMatchesItsRecordedHash() throws Exception {
    Map<String, String> sums = sums();
    assertEquals(java.util.Set.of("nangate45_typ.lib.gz", "sky130hd_tt.lib.gz"), sums.keySet());
    String readme = Files.readString(TECH.resolve("README.md"));
    for (var e : sums.entrySet()) {
      String actual = Hashing.sha256File(Files.readAllBytes(TECH.resolve(e.getKey())));
      assertEquals(e.getValue(), actual, e.getKey() + " is the recorded file");
      assertTrue(readme.contains(e.getValue()), "the provenance README names the hash of " + e.getKey());
      try (InputStream in = getClass().getResourceAsStream("/dev/qrtl/tech/" + e.getKey())) {
        assertTrue(in != null, e.getKey() + " is on the classpath, so the jar carries it");
        assertEquals(e.getValue(), Hashing.sha256File(in.readAllBytes()), "the jar's copy of " + e.getKey());
      }
    }
  }

  @Test
  void provenanceAndLicencesAreRecorded() throws Exception {
    String readme = Files.readString(TECH.resolve("README.md"));
    assertTrue(readme.contains("Apache License 2.0") && readme.contains("Nangate Open Cell Library License"), readme);
    assertTrue(Files.readString(TECH.resolve("LICENSE-Apache-2.0-sky130.txt")).contains("Apache License"));
    String top = Files.readString(Golden.projectRoot().resolve("README.md"));
    assertTrue(top.contains("synth/tech/nangate45_typ.lib.gz") && top.contains("synth/tech/sky130hd_tt.lib.gz"),
        "the README's dependency table lists the two libraries");
  }
}
