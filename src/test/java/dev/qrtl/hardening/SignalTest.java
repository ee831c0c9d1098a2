package dev.qrtl.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM (what a job manager sends) and SIGINT (Ctrl-C) while qrtl runs Yosys, in {@code synth}
 * and in {@code compare}: within 2 s no child process of qrtl is left, no scratch folder in the
 * cache or the output folder and no temporary file remains, and the next run succeeds with the
 * result of a clean run. The comparison prices tflite-single beside shift-round in CI (two Yosys
 * runs at once, the long one still running when the signal lands) and beside tflite-double with
 * {@code -Dqrtl.full=true} (two long runs; each of the three runs per case then takes ~30 s).
 */
@Tag("tools")
class SignalTest {
  private static final String COMPARED = Boolean.getBoolean("qrtl.full") ? "tflite-single,tflite-double" : "tflite-single,shift-round";

  @TempDir Path dir;

  @ParameterizedTest(name = "{0} during {1}")
  @CsvSource({"TERM, synth", "INT, synth", "TERM, compare", "INT, compare"})
  void aSignalLeavesNothingBehind(String signal, String command) throws Exception {
    ToolGate.require("yosys");
    Path cache = dir.resolve("cache");
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Path out = dir.resolve("out");
    Map<String, String> env = Map.of("QRTL_CACHE", cache.toString());
    String[] args = command.equals("synth")
        ? new String[] {"synth", "quantizer", "--scheme", "tflite-single", "--acc-bits", "32", "--out-bits", "8", "--json"}
        : new String[] {"compare", "--schemes", COMPARED, "--out-bits", "8", "--ops", "200", "--no-network",
            "--no-progress", "--out", out.toString()};
    Process p = QrtlProcess.start(dir, "killed", env, tmp, args);
    List<ProcessHandle> children = waitForYosys(p);
    QrtlProcess.signal(p, signal);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "qrtl stops after SIG" + signal);
    long deadline = System.currentTimeMillis() + 2000;
    while (children.stream().anyMatch(ProcessHandle::isAlive) && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(children.stream().noneMatch(ProcessHandle::isAlive), "no child left 2 s after SIG" + signal + ": " + children);
    assertEquals(List.of(), leftovers(cache), "no scratch in the cache");
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(List.of(), s.map(x -> x.getFileName().toString()).toList(), "no temporary file or folder left in java.io.tmpdir");
    }
    if (Files.exists(out)) {
      assertEquals(List.of(), leftovers(out), "no scratch, lock or partial result in the output folder");
    }
    Process again = QrtlProcess.start(dir, "again", env, tmp, args);
    assertEquals(0, again.waitFor(), Files.readString(dir.resolve("again.err")));
    Process clean = QrtlProcess.start(dir, "clean", Map.of("QRTL_CACHE", dir.resolve("clean-cache").toString()), tmp,
        command.equals("synth") ? args : with(args, dir.resolve("clean-out").toString()));
    assertEquals(0, clean.waitFor(), Files.readString(dir.resolve("clean.err")));
    if (command.equals("synth")) {
      JsonNode a = ManifestIo.mapper().readTree(Files.readString(dir.resolve("again.out")));
      JsonNode c = ManifestIo.mapper().readTree(Files.readString(dir.resolve("clean.out")));
      assertEquals(c.get("areaUm2"), a.get("areaUm2"));
      assertEquals(c.get("criticalPathNs"), a.get("criticalPathNs"));
    } else {
      assertEquals(-1L, Files.mismatch(out.resolve("qrtl_default45/comparison.json"), dir.resolve("clean-out/qrtl_default45/comparison.json")),
          "the next run's table equals a clean run's");
    }
    System.out.printf("signals: SIG%s during %s: %d child process(es) gone within 2 s, no scratch or temp file, the next run matches a"
        + " clean one%n", signal, command, children.size());
  }

  /** Waits until qrtl has started Yosys; returns its descendants at that moment. */
  private static List<ProcessHandle> waitForYosys(Process p) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      List<ProcessHandle> d = p.descendants().toList();
      if (d.stream().anyMatch(h -> h.info().command().map(c -> c.contains("yosys")).orElse(false))) {
        Thread.sleep(300); // let it get going
        return p.descendants().toList();
      }
      if (!p.isAlive()) {
        fail("qrtl ended before Yosys started");
      }
      Thread.sleep(20);
    }
    throw new AssertionError("Yosys never started");
  }

  /** Anything in {@code folder} (recursively) that is scratch: a temporary, partial or lock file. */
  private static List<String> leftovers(Path folder) throws Exception {
    if (!Files.exists(folder)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(folder)) {
      return s.map(p -> folder.relativize(p).toString()).filter(n -> n.matches("(.*/)?\\.(tmp-|trash-|qrtl-lock).*|(.*/)?\\..*\\.partial.*"
          + "|(.*/)?\\..*\\.tmp|qrtl-(out|err|harness|cosim|synth|estimate|icarus|ports|stim|lint).*")).sorted().toList();
    }
  }

  private static String[] with(String[] args, String out) {
    String[] a = args.clone();
    for (int i = 0; i < a.length; i++) {
      if (a[i].equals("--out")) {
        a[i + 1] = out;
      }
    }
    return a;
  }
}
