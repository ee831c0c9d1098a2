package dev.qrtl.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private single-node Slurm cluster for the tests (Debian's {@code slurm-wlm} and {@code munge},
 * as root, no systemd): munged is reused when one answers, else
 * started; slurmctld and slurmd run from a private {@code slurm.conf} in {@code dir} with free
 * ports, and {@link #close} stops exactly the daemons it started, by pid.
 */
public final class SlurmCluster implements AutoCloseable {
  private final Path dir;
  private final List<Long> started = new ArrayList<>();

  private SlurmCluster(Path dir) {
    this.dir = dir;
  }

  /** Starts the cluster, or skips (fails under CI) where Slurm or munge is not installed. */
  public static SlurmCluster start(Path dir) throws Exception {
    ToolGate.requireWherePackaged("slurmctld", "slurm-wlm");
    ToolGate.requireWherePackaged("munged", "munge");
    SlurmCluster c = new SlurmCluster(dir);
    try {
      c.startMunge();
      c.startSlurm();
    } catch (Exception | AssertionError e) {
      c.close();
      throw e;
    }
    return c;
  }

  /** The environment a Slurm client (sbatch, squeue, scancel) needs to find this cluster. */
  public Map<String, String> env() {
    return Map.of("SLURM_CONF", dir.resolve("slurm.conf").toString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Runs a short command; returns {exit code, output}. */
  public String[] run(List<String> cmd, String stdin) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(env());
    Process p = pb.start();
    if (stdin != null) {
      p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + cmd);
    }
    return new String[] {Integer.toString(p.exitValue()), out};
  }

  private boolean mungeAnswers() throws Exception {
    String[] cred = run(List.of("munge", "-n"), null);
    return cred[0].equals("0") && run(List.of("unmunge"), cred[1])[1].contains("Success");
  }

  private void startMunge() throws Exception {
    if (mungeAnswers()) {
      return; // a munged is running (the machine's, or an earlier test's): use it, leave it
    }
    Files.createDirectories(Path.of("/run/munge"));
    run(List.of("chown", "munge:munge", "/run/munge"), null);
    if (!Files.exists(Path.of("/etc/munge/munge.key"))) {
      run(List.of("mungekey", "-c"), null);
      run(List.of("chown", "munge:munge", "/etc/munge/munge.key"), null);
    }
    String[] r = run(List.of("/usr/sbin/munged", "--force"), null);
    if (!r[0].equals("0")) {
      throw new AssertionError("munged did not start: " + r[1]);
    }
    started.add(readPid(Path.of("/run/munge/munged.pid")));
    if (!mungeAnswers()) {
      throw new AssertionError("munge does not answer after starting munged");
    }
  }

  private void startSlurm() throws Exception {
    Files.createDirectories(dir.resolve("state"));
    Files.createDirectories(dir.resolve("spool"));
    String host = run(List.of("hostname"), null)[1].strip();
    String s = dir.toString();
    String conf = String.join("\n", "ClusterName=qrtltest", "SlurmctldHost=" + host, "SlurmctldPort=" + freePort(),
        "SlurmdPort=" + freePort(), "SlurmUser=root", "AuthType=auth/munge", "StateSaveLocation=" + s + "/state",
        "SlurmdSpoolDir=" + s + "/spool", "SlurmctldPidFile=" + s + "/slurmctld.pid", "SlurmdPidFile=" + s + "/slurmd.pid",
        "SlurmctldLogFile=" + s + "/slurmctld.log", "SlurmdLogFile=" + s + "/slurmd.log", "ProctrackType=proctrack/linuxproc",
        "TaskPlugin=task/none", "SchedulerType=sched/backfill", "SelectType=select/cons_tres", "SelectTypeParameters=CR_Core",
        "ReturnToService=2", "NodeName=" + host + " CPUs=2 State=UNKNOWN",
        "PartitionName=debug Nodes=" + host + " Default=YES MaxTime=INFINITE State=UP", "");
    Files.writeString(dir.resolve("slurm.conf"), conf);
    for (String daemon : new String[] {"slurmctld", "slurmd"}) {
      String[] r = run(List.of("/usr/sbin/" + daemon), null);
      if (!r[0].equals("0")) {
        throw new AssertionError(daemon + " did not start: " + r[1]);
      }
      started.add(readPid(dir.resolve(daemon + ".pid")));
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!run(List.of("sinfo", "-h", "-o", "%T"), null)[1].strip().equals("idle")) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the Slurm node did not become idle: " + run(List.of("sinfo"), null)[1] + "\n"
            + Files.readString(dir.resolve("slurmctld.log")));
      }
      Thread.sleep(500);
    }
  }

  /** A daemon's pid from its pid file, waiting (up to 20 s) until the daemon has created it and written the number. */
  private static long readPid(Path file) throws Exception {
    for (int i = 0; i < 200; i++) {
      if (Files.exists(file)) {
        String text = Files.readString(file).strip();
        if (text.matches("[0-9]{1,10}")) {
          return Long.parseLong(text);
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no pid in " + file + " after 20 s");
  }

  /** Job ids (array tasks as {@code id_task}) in the queue. */
  public List<String> queue() throws Exception {
    List<String> out = new ArrayList<>();
    for (String l : run(List.of("squeue", "-h", "-o", "%i %T %r"), null)[1].split("\n")) {
      if (!l.isBlank()) {
        out.add(l.strip());
      }
    }
    return out;
  }

  /** Waits until no job of the queue matches {@code prefix}, at most {@code timeout}. */
  public void waitUntilGone(String prefix, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (queue().stream().anyMatch(l -> l.startsWith(prefix))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("job " + prefix + " still queued after " + timeout + ": " + queue());
      }
      Thread.sleep(1000);
    }
  }

  /**
   * Cancels every job of this cluster (its own slurmctld: no other cluster's job is touched) and
   * waits for them to end; any process still running in this cluster's jobs (found by the
   * {@code SLURM_CONF} of this cluster in its environment, which Slurm passes to every job and its
   * children) is then killed, and the daemons are stopped by pid.
   */
  /** The processes whose environment names this cluster's configuration: its jobs' steps and everything they started. */
  public List<ProcessHandle> jobProcesses() throws IOException {
    byte[] mark = ("SLURM_CONF=" + dir.resolve("slurm.conf")).getBytes(StandardCharsets.UTF_8);
    List<ProcessHandle> out = new ArrayList<>();
    long self = ProcessHandle.current().pid();
    try (var procs = Files.list(Path.of("/proc"))) {
      for (Path p : procs.filter(x -> x.getFileName().toString().matches("[0-9]+")).toList()) {
        long pid = Long.parseLong(p.getFileName().toString());
        try {
          byte[] env = Files.readAllBytes(p.resolve("environ"));
          if (pid != self && indexOf(env, mark) >= 0) {
            ProcessHandle.of(pid).ifPresent(out::add);
          }
        } catch (IOException e) {
          // ended, or not ours to read
        }
      }
    }
    return out;
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      if (i + needle.length == hay.length || hay[i + needle.length] == 0) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public void close() throws Exception {
    List<ProcessHandle> steps = new ArrayList<>();
    if (!started.isEmpty() && Files.exists(dir.resolve("slurm.conf"))) {
      try {
        run(List.of("scancel", "--user", System.getProperty("user.name")), null);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!queue().isEmpty() && System.nanoTime() < deadline) {
          Thread.sleep(500);
        }
      } catch (Exception | AssertionError e) {
        // the cluster may be half started: stop what there is
      }
      steps.addAll(jobProcesses());
    }
    for (ProcessHandle h : steps) {
      if (!started.contains(h.pid())) {
        h.destroyForcibly(); // a job's process the cancel did not end; the daemons stop below
      }
    }
    for (int i = started.size() - 1; i >= 0; i--) {
      ProcessHandle.of(started.get(i)).ifPresent(h -> {
        h.destroy();
        try {
          h.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
          h.destroyForcibly();
        }
      });
    }
    started.clear();
  }
}
