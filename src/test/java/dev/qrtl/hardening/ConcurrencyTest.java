package dev.qrtl.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.testing.QrtlProcess;
import dev.qrtl.testing.ToolGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two qrtl processes at once, each case 8 times in CI (20 with {@code -Dqrtl.full=true}, or any
 * count with {@code -Dqrtl.concurrency.repeats=N}): two comparisons into one {@code --out} (one is
 * refused naming the other, or both complete; never a lost file), and two synthesis runs filling
 * the same cache entry from an empty cache (both succeed with identical results; the entry
 * verifies).
 */
@Tag("tools")
class ConcurrencyTest {
  private static final int REPEATS = Integer.getInteger("qrtl.concurrency.repeats", Boolean.getBoolean("qrtl.full") ? 20 : 8);
  @TempDir Path dir;

  @Test
  void twoComparisonsIntoOneFolder() throws Exception {
    ToolGate.require("yosys");
    Path cache = dir.resolve("cache");
    Map<String, String> env = Map.of("QRTL_CACHE", cache.toString());
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    String[] args = {"compare", "--schemes", "floor", "--out-bits", "4", "--ops", "200", "--no-network", "--no-progress", "--out", "OUT"};
    // warm the cache once, so that the races are about the output folder
    Process warm = QrtlProcess.start(dir, "warm", env, tmp, with(args, dir.resolve("warm-out").toString()));
    assertEquals(0, warm.waitFor(), Files.readString(dir.resolve("warm.err")));
    int refused = 0;
    int both = 0;
    for (int i = 0; i < REPEATS; i++) {
      Path out = dir.resolve("out" + i);
      Process a = QrtlProcess.start(dir, "a" + i, env, tmp, with(args, out.toString()));
      Process b = QrtlProcess.start(dir, "b" + i, env, tmp, with(args, out.toString()));
      int ea = a.waitFor();
      int eb = b.waitFor();
      String errA = Files.readString(dir.resolve("a" + i + ".err"));
      String errB = Files.readString(dir.resolve("b" + i + ".err"));
      assertTrue(ea == 0 || eb == 0, "one run completes: " + errA + errB);
      for (String[] r : new String[][] {{Integer.toString(ea), errA}, {Integer.toString(eb), errB}}) {
        if (!r[0].equals("0")) {
          assertTrue(r[1].startsWith("qrtl: ") && r[1].contains("is in use by another qrtl run (process "), "refused naming the other: " + r[1]);
          refused++;
        }
      }
      both += ea == 0 && eb == 0 ? 1 : 0;
      Path lib = out.resolve("qrtl_default45");
      for (String f : new String[] {"comparison.md", "comparison.csv", "comparison.json", "area-vs-bits.png", "area-vs-bits.svg",
          "energy-vs-bits.png", "energy-vs-bits.svg", "area-energy.png", "area-energy.svg", "index.html"}) {
        assertTrue(Files.size(lib.resolve(f)) > 100, "repeat " + i + ": " + f + " is there");
      }
      try (Stream<Path> s = Files.list(out)) {
        assertEquals(List.of("index.html", "qrtl_default45"), s.map(p -> p.getFileName().toString()).sorted().toList(), "the report index and the results, no lock or scratch left");
      }
      assertEquals(-1L, Files.mismatch(lib.resolve("comparison.json"), dir.resolve("warm-out/qrtl_default45/comparison.json")),
          "the same table as a single run");
    }
    System.out.printf("concurrency: %d pairs of comparisons into one folder: %d refused in one line naming the other, %d pairs both"
        + " completed, no file lost%n", REPEATS, refused, both);
  }

  @Test
  void twoProcessesFillOneCacheEntry() throws Exception {
    ToolGate.require("yosys");
    String[] args = {"synth", "quantizer", "--scheme", "floor", "--acc-bits", "16", "--out-bits", "8", "--runtime-shift", "--json"};
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    String first = null;
    for (int i = 0; i < REPEATS; i++) {
      Map<String, String> env = Map.of("QRTL_CACHE", dir.resolve("cache" + i).toString());
      Process a = QrtlProcess.start(dir, "sa" + i, env, tmp, args);
      Process b = QrtlProcess.start(dir, "sb" + i, env, tmp, args);
      assertEquals(0, a.waitFor(), Files.readString(dir.resolve("sa" + i + ".err")));
      assertEquals(0, b.waitFor(), Files.readString(dir.resolve("sb" + i + ".err")));
      JsonNode ja = ManifestIo.mapper().readTree(Files.readString(dir.resolve("sa" + i + ".out")));
      JsonNode jb = ManifestIo.mapper().readTree(Files.readString(dir.resolve("sb" + i + ".out")));
      assertEquals(ja.get("areaUm2"), jb.get("areaUm2"));
      assertEquals(ja.get("criticalPathNs"), jb.get("criticalPathNs"));
      String area = ja.get("areaUm2").asText();
      first = first == null ? area : first;
      assertEquals(first, area, "every repeat gives the same unit");
      Process info = QrtlProcess.start(dir, "info" + i, env, tmp, "cache", "info");
      assertTrue(info.waitFor(60, TimeUnit.SECONDS));
      String text = Files.readString(dir.resolve("info" + i + ".out"));
      assertTrue(text.lines().anyMatch(l -> l.matches("synth\\s+1\\s+\\S+\\s+0\\s+0")), "one sound synthesis entry, no scratch: " + text);
    }
    System.out.printf("concurrency: %d pairs of processes building one synthesis entry from an empty cache: identical results, a sound"
        + " entry every time%n", REPEATS);
  }

  private static String[] with(String[] args, String out) {
    String[] a = args.clone();
    for (int i = 0; i < a.length; i++) {
      if (a[i].equals("OUT")) {
        a[i] = out;
      }
    }
    return a;
  }
}
