package dev.qrtl.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** qrtl as a separate process (its own JVM, environment and temp folder), for tests of processes, signals and concurrency. */
public final class QrtlProcess {
  private QrtlProcess() {}

  /** Starts {@code qrtl args...} with extra environment; stdout and stderr go to files in {@code logs}. */
  public static Process start(Path logs, String name, Map<String, String> env, Path tmp, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), "dev.qrtl.cli.Main"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(logs.resolve(name + ".out").toFile())
        .redirectError(logs.resolve(name + ".err").toFile());
    pb.environment().putAll(env);
    return pb.start();
  }

  /** Sends a signal by name ({@code INT}, {@code TERM}) to a process. */
  public static void signal(Process p, String sig) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + sig, Long.toString(p.pid())).inheritIO().start().waitFor();
  }
}
