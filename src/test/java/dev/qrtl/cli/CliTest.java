package dev.qrtl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  @TempDir Path dir;

  /** Runs the CLI in-process: {exit code, stdout, stderr}. */
  static Object[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Object[] {code, out.toString(), err.toString()};
  }

  @Test
  void versionAndHelp() {
    Object[] v = run("--version");
    assertEquals(0, v[0]);
    assertTrue(((String) v[1]).startsWith("qrtl 0."), (String) v[1]);
    Object[] h = run("--help");
    assertEquals(0, h[0]);
    for (String cmd : new String[] {"run", "generate", "lint", "doctor", "bench"}) {
      assertTrue(((String) h[1]).contains(cmd), "help lists " + cmd);
    }
  }

  /** A worker refused scratch because a signal began shutdown: one line saying so, not "a bug in qrtl". */
  @Test
  void aShutdownDuringWorkIsNotCalledABug() {
    String m = Main.message(new dev.qrtl.util.Lifecycle.ShuttingDownException());
    assertEquals("interrupted: qrtl is shutting down; nothing was published", m);
    assertTrue(Main.message(new IllegalStateException("x")).contains("a bug in qrtl"));
  }

  @Test
  void usageErrorsExitWith2() {
    assertEquals(2, run("no-such-command")[0]);
    assertEquals(2, run("generate")[0]);
  }

  @Test
  void missingManifestIsOneLineAndExit1() {
    Object[] r = run("lint", dir.resolve("nope.json").toString());
    assertEquals(1, r[0]);
    assertEquals("qrtl: no such manifest or folder: " + dir.resolve("nope.json") + "\n", r[2]);
  }

  @Test
  void malformedManifestIsOneLineAndExit1() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"format\": 1, \"top\": \"x\", \"ports\": [], \"files\": [\"x.v\"], \"latency\": 0}");
    Object[] r = run("lint", bad.toString());
    assertEquals(1, r[0]);
    String err = (String) r[2];
    assertTrue(err.startsWith("qrtl: malformed manifest " + bad + ": manifest of 'x' lists no ports"), err);
    assertEquals(1, err.lines().count(), err);
  }

  @Test
  void generateDefaultsWritesManifests() {
    Object[] r = run("generate", "defaults", "--out", dir.toString());
    assertEquals(0, r[0], (String) r[2]);
    assertTrue(((String) r[1]).contains("wrote "));
  }
}
