package dev.qrtl.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress in a log: a bounded number of plain lines whatever the run's size, the last at 100 %; none when switched off. */
class ProgressTest {
  private static List<String> lines(long total, Progress.Mode mode) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(b, true, StandardCharsets.UTF_8);
    try (Progress p = Progress.start("sweep", total, mode, out)) {
      for (long i = 0; i < total; i++) {
        p.step("point " + i);
      }
    }
    return b.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void linesAreBoundedAndEndAtTheTotal() {
    for (long n : new long[] {1, 7, 24, 25, 26, 1000, 100_000}) {
      List<String> l = lines(n, Progress.Mode.LINES);
      assertTrue(!l.isEmpty() && l.size() <= Progress.MAX_LINES, n + " points: " + l.size() + " lines");
      assertTrue(l.get(l.size() - 1).startsWith("sweep: " + n + "/" + n + " done (last: point " + (n - 1) + ")"), l.get(l.size() - 1));
      assertTrue(l.stream().allMatch(x -> x.matches("sweep: [0-9]+/[0-9]+ done \\(last: point [0-9]+\\), [0-9.]+ s so far, about [0-9]+ s"
          + " left")), l.toString());
    }
    assertEquals(24, lines(24, Progress.Mode.LINES).size(), "24 points: a line each (fewer than the bound)");
  }

  @Test
  void noneWritesNothing() {
    assertTrue(lines(50, Progress.Mode.NONE).isEmpty());
  }

  @Test
  void modesParseAndRefuseOthers() {
    assertEquals(Progress.Mode.LINES, Progress.Mode.parse("lines"));
    assertEquals(Progress.Mode.BAR, Progress.Mode.parse("BAR"));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Progress.Mode.parse("fancy"));
  }
}
