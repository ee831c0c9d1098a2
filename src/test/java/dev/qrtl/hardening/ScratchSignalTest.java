package dev.qrtl.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.qrtl.testing.QrtlProcess;
import dev.qrtl.testing.ToolGate;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * SIGTERM and SIGINT (10 repeats each) while Yosys's ABC runs inside {@code qrtl synth}, with
 * {@code TMPDIR} pointed at an empty folder: qrtl gives its children a {@code TMPDIR} inside its
 * own scratch, so ABC's {@code yosys-abc-*} folder is made there (the test waits until it exists
 * before the signal lands) and, 2 s after the signal at most, the folder is empty again.
 */
@Tag("tools")
class ScratchSignalTest {
  private static final int REPEATS = 20;

  @TempDir Path dir;

  @Test
  void aSignalDuringSynthesisLeavesTheTemporaryFolderEmpty() throws Exception {
    ToolGate.require("yosys");
    long longest = 0;
    for (int i = 0; i < REPEATS; i++) {
      String signal = i % 2 == 0 ? "TERM" : "INT";
      Path tmp = Files.createDirectories(dir.resolve("tmp-" + i));
      Map<String, String> env = Map.of("QRTL_CACHE", dir.resolve("cache-" + i).toString(), "TMPDIR", tmp.toString());
      Process p = QrtlProcess.start(dir, "run-" + i, env, tmp, "synth", "quantizer", "--scheme", "dyadic", "--m-bits", "8", "--acc-bits",
          "32", "--out-bits", "8");
      Path abc = waitForAbc(p, tmp, i);
      assertTrue(abc.startsWith(tmp), "ABC's scratch is under TMPDIR: " + abc);
      QrtlProcess.signal(p, signal);
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "qrtl stops after SIG" + signal);
      long signalled = System.nanoTime();
      while (!list(tmp).isEmpty() && System.nanoTime() - signalled < 2_000_000_000L) {
        Thread.sleep(20);
      }
      assertEquals(List.of(), list(tmp), "repeat " + i + " (SIG" + signal + "): TMPDIR empty within 2 s after qrtl ended");
      longest = Math.max(longest, (System.nanoTime() - signalled) / 1_000_000);
    }
    System.out.printf("scratch: %d signals (SIGTERM and SIGINT alternately) while ABC ran under TMPDIR: the folder was empty every time,"
        + " at most %d ms after qrtl ended%n", REPEATS, longest);
  }

  /** Waits until a {@code yosys-abc-*} folder exists under {@code tmp}; returns it. */
  private static Path waitForAbc(Process p, Path tmp, int repeat) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 120_000;
    while (System.currentTimeMillis() < deadline) {
      try (Stream<Path> s = Files.walk(tmp)) {
        var found = s.filter(x -> x.getFileName().toString().startsWith("yosys-abc-")).findFirst();
        if (found.isPresent()) {
          return found.get();
        }
      } catch (IOException | UncheckedIOException e) {
        // a folder vanished while being walked: look again
      }
      if (!p.isAlive()) {
        fail("repeat " + repeat + ": qrtl ended (exit " + p.exitValue() + ") before ABC started");
      }
      Thread.sleep(5);
    }
    throw new AssertionError("ABC never started");
  }

  private static List<String> list(Path tmp) throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.map(x -> x.getFileName().toString()).sorted().toList();
    }
  }
}
