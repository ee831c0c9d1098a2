package dev.qrtl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qrtl pareto} refuses bad options in one line before any synthesis, and writes nothing. */
class ParetoCliTest {
  @TempDir Path dir;

  private void fails(String expected, String... args) {
    Object[] r = CliTest.run(args);
    String err = ((String) r[2]).strip();
    assertEquals(1, r[0], err);
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.startsWith("qrtl: ") && err.contains(expected), err);
  }

  @Test
  void badOptionsGetOneLineAndNoFiles() throws Exception {
    Path out = dir.resolve("out");
    fails("--samples must be at least 2", "pareto", "--samples", "1", "--out", out.toString());
    fails("--octave-points must be between 1 and 4096", "pareto", "--octave-points", "0", "--out", out.toString());
    fails("--timeout must be", "pareto", "--timeout", "0", "--out", out.toString());
    fails("--tech has no effect with --liberty", "pareto", "--tech", "nangate45", "--liberty", "x.lib", "--out", out.toString());
    fails("stimulus", "pareto", "--stimulus", "gaussian:sigma=oops", "--out", out.toString());
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    fails("is a file, not a folder", "pareto", "--out", file.toString());
    assertFalse(Files.exists(out), "nothing written");
  }
}
