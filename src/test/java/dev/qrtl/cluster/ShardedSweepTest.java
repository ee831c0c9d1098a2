package dev.qrtl.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.testing.SlurmCluster;
import dev.qrtl.testing.ToolGate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One 24-point sweep (shift-round, floor and shift-round-const at 8, 10, 12, 14 -> 4, 8 bits) run
 * three ways, each from its own empty cache: as one process, as 4 shards merged, and as a 4-task
 * Slurm array with its merge job on a real single-node Slurm cluster started for the test. Array
 * task 2 runs Yosys through a wrapper that sleeps instead ({@code QRTL_YOSYS}), and is cancelled
 * with {@code scancel} mid-run: no process of it survives, the cache holds no unverified entry,
 * the merge never runs, and {@code --resume} resubmits only shard 2 and the merge. All three
 * results must be byte-identical: tables, JSON and plots. The single run, under {@code CI} with
 * its output going to a file, must write its progress as at most 30 plain lines.
 */
@Tag("tools")
class ShardedSweepTest {
  @TempDir Path dir;

  private static final List<String> SWEEP = List.of("compare", "--schemes", "shift-round,floor,shift-round-const", "--acc-bits",
      "8,10,12,14", "--out-bits", "4,8", "--no-network", "--ops", "200", "--no-progress");

  /** Runs qrtl (this test's classes) as its own process with {@code env} added; returns {exit code, output}. */
  private static String[] qrtl(Map<String, String> env, List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-cp",
        System.getProperty("java.class.path"), "dev.qrtl.cli.Main"));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "qrtl " + args);
    return new String[] {Integer.toString(p.exitValue()), out};
  }

  private static List<String> with(List<String> base, String... more) {
    List<String> l = new ArrayList<>(base);
    l.addAll(List.of(more));
    return l;
  }

  private static void sameFiles(Path a, Path b) throws Exception {
    List<String> names;
    try (Stream<Path> s = Files.list(a)) {
      names = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    try (Stream<Path> s = Files.list(b)) {
      assertEquals(names, s.map(p -> p.getFileName().toString()).sorted().toList(), b.toString());
    }
    assertTrue(names.containsAll(List.of("comparison.md", "comparison.csv", "comparison.json", "area-vs-bits.png", "area-vs-bits.svg")));
    for (String n : names) {
      assertArrayEquals(Files.readAllBytes(a.resolve(n)), Files.readAllBytes(b.resolve(n)), n + " differs in " + b);
    }
  }

  @Test
  void oneShardFourShardsAndASlurmArrayGiveTheSameBytes() throws Exception {
    ToolGate.require("yosys");
    Path lib = Path.of("qrtl_default45");
    // 1. one process, under CI with its output in a file: progress as a bounded number of lines
    List<String> plain = new ArrayList<>(SWEEP);
    plain.remove("--no-progress");
    String[] one = qrtl(Map.of("QRTL_CACHE", dir.resolve("cache-1").toString(), "CI", "true"), with(plain, "--out",
        dir.resolve("one").toString()));
    assertEquals("0", one[0], one[1]);
    long lines = one[1].lines().filter(l -> l.startsWith("synthesize + estimate: ")).count();
    assertTrue(lines >= 1 && lines <= 30, "a 24-point comparison in a log: at most 30 progress lines, not redraws: " + lines + "\n" + one[1]);
    assertTrue(!one[1].contains("\r"), "no carriage-return redraws in a log");
    assertTrue(one[1].contains("synthesize + estimate: 24/24 done"), one[1]);
    // 2. four shards, merged
    Map<String, String> four = Map.of("QRTL_CACHE", dir.resolve("cache-4").toString());
    for (int i = 1; i <= 4; i++) {
      String[] r = qrtl(four, with(SWEEP, "--out", dir.resolve("four").toString(), "--shard", i + "/4"));
      assertEquals("0", r[0], r[1]);
    }
    String[] merged = qrtl(four, List.of("merge", dir.resolve("four/shards").toString(), "--out", dir.resolve("four").toString()));
    assertEquals("0", merged[0], merged[1]);
    sameFiles(dir.resolve("one").resolve(lib), dir.resolve("four").resolve(lib));

    // 3. a Slurm array, task 2 slowed and cancelled, then resumed
    try (SlurmCluster slurm = SlurmCluster.start(dir.resolve("slurm"))) {
      String marker = "qrtl-slow-yosys-" + ProcessHandle.current().pid();
      Path wrapper = dir.resolve("slow-yosys");
      Path started = dir.resolve("task2-started");
      Files.writeString(wrapper, "#!/bin/bash\n# array task 2 sleeps in place of every synthesis (not the version query)\n"
          + "if [ \"${SLURM_ARRAY_TASK_ID:-}\" = 2 ] && [ \"${1:-}\" != -V ]; then touch '" + started + "'; exec -a " + marker
          + " sleep 600; fi\nexec yosys \"$@\"\n");
      Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
      Map<String, String> env = new HashMap<>(slurm.env());
      env.put("QRTL_CACHE", dir.resolve("cache-slurm").toString());
      env.put("QRTL_YOSYS", wrapper.toString());
      Path out = dir.resolve("slurm-out");
      String[] sub = qrtl(env, with(SWEEP, "--out", out.toString(), "--slurm", "--shards", "4", "--time", "20"));
      assertEquals("0", sub[0], sub[1]);
      Matcher m = Pattern.compile("submitted array job ([0-9]+) \\(4 of 4 shards\\) and merge job ([0-9]+)").matcher(sub[1]);
      assertTrue(m.find(), sub[1]);
      String array = m.group(1);
      String mergeJob = m.group(2);
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (!Files.exists(started)) {
        assertTrue(System.nanoTime() < deadline, "task 2 never reached Yosys: " + slurm.queue());
        Thread.sleep(500);
      }
      for (int i = 0; i < 40 && !alive(marker); i++) {
        Thread.sleep(250); // the wrapper touches the file, then execs the sleep
      }
      assertTrue(alive(marker), "task 2 sits in the slow wrapper");
      assertEquals("0", slurm.run(List.of("scancel", array + "_2"), null)[0]);
      slurm.waitUntilGone(array + "_", Duration.ofMinutes(5));
      for (int i = 0; i < 20 && alive(marker); i++) {
        Thread.sleep(500);
      }
      assertTrue(!alive(marker), "no process of the cancelled task survives");
      Path job = Files.list(out).filter(p -> p.getFileName().toString().startsWith("slurm-")).findFirst().orElseThrow();
      assertTrue(!Files.exists(job.resolve("shards/shard-2-of-4.json")), "the cancelled shard left no partial result");
      assertTrue(Files.exists(job.resolve("shards/shard-3-of-4.json")), "the others finished");
      for (int i = 0; i < 40 && slurm.queue().stream().noneMatch(l -> l.contains("DependencyNeverSatisfied")); i++) {
        Thread.sleep(500); // the scheduler marks the dependency failed on its next pass
      }
      assertTrue(slurm.queue().stream().anyMatch(l -> l.startsWith(mergeJob + " PENDING")), "the merge never started: " + slurm.queue());
      assertTrue(!Files.exists(job.resolve("logs/merge.log")), "the merge never ran");
      slurm.run(List.of("scancel", mergeJob), null);
      String[] status = qrtl(env, List.of("status", job.toString()));
      assertEquals("1", status[0], status[1]);
      assertTrue(status[1].contains("shard 2/4: missing") && status[1].contains("3 of 4 shards done"), status[1]);
      String[] info = qrtl(env, List.of("cache", "info"));
      assertTrue(info[1].lines().filter(l -> l.startsWith("synth") || l.startsWith("energy"))
          .allMatch(l -> l.trim().split("\\s+")[3].equals("0")), "no damaged cache entry after the cancel: " + info[1]);

      env.remove("QRTL_YOSYS");
      String[] resume = qrtl(env, with(SWEEP, "--out", out.toString(), "--slurm", "--shards", "4", "--resume"));
      assertEquals("0", resume[0], resume[1]);
      Matcher r = Pattern.compile("submitted array job ([0-9]+) \\(1 of 4 shards\\) and merge job ([0-9]+)").matcher(resume[1]);
      assertTrue(r.find(), "only shard 2 is resubmitted: " + resume[1]);
      slurm.waitUntilGone(r.group(2), Duration.ofMinutes(5));
      assertTrue(Files.readString(job.resolve("logs/merge.log")).contains("wrote"), Files.readString(job.resolve("logs/merge.log")));
      sameFiles(dir.resolve("one").resolve(lib), out.resolve(lib));
    }
  }

  /** Whether a process whose command line (argv[0] included, as /proc has it) contains {@code marker} runs. */
  private static boolean alive(String marker) throws java.io.IOException {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      return procs.filter(p -> p.getFileName().toString().matches("[0-9]+")).anyMatch(p -> {
        try {
          return new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).contains(marker);
        } catch (java.io.IOException e) {
          return false; // it ended while we looked
        }
      });
    }
  }
}
