package dev.qrtl.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What qrtl must clean up whatever happens: the external processes it started and the scratch
 * files and folders it made. Both are tracked here; one shutdown hook (which runs on a normal
 * exit, on SIGINT and on SIGTERM) destroys every tracked process and its descendants, then
 * deletes the scratch. After shutdown has begun, {@link #shuttingDown()} is true, so that no
 * half-done result is published.
 */
public final class Lifecycle {
  private static final Set<Process> PROCESSES = Collections.synchronizedSet(new LinkedHashSet<>());
  private static final Set<Path> SCRATCH = Collections.synchronizedSet(new LinkedHashSet<>());
  private static volatile boolean shuttingDown;
  private static boolean hooked;

  private Lifecycle() {}

  private static synchronized void hook() {
    if (!hooked) {
      hooked = true;
      Runtime.getRuntime().addShutdownHook(new Thread(Lifecycle::shutdown, "qrtl-cleanup"));
    }
  }

  /** Tracks a started process until {@link #untrack}. */
  public static Process track(Process p) {
    hook();
    PROCESSES.add(p);
    if (shuttingDown) {
      destroy(p);
    }
    return p;
  }

  public static void untrack(Process p) {
    PROCESSES.remove(p);
  }

  /** Registers a file or folder to delete when qrtl exits (if it still exists). */
  public static Path scratch(Path p) {
    hook();
    SCRATCH.add(p.toAbsolutePath());
    // A worker thread may still be making scratch while the hook cleans up; the flag is set before
    // the hook takes its list, so whatever is registered after that is deleted here.
    if (shuttingDown) {
      SCRATCH.remove(p.toAbsolutePath());
      Trees.delete(p);
      throw new ShuttingDownException();
    }
    return p;
  }

  /** Thrown to a worker that asks for scratch after shutdown began; nothing is left behind. */
  public static final class ShuttingDownException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ShuttingDownException() {
      super("qrtl is shutting down", null, false, false);
    }
  }

  /** No longer scratch: it was published, or deleted already. */
  public static void keep(Path p) {
    SCRATCH.remove(p.toAbsolutePath());
  }

  /** A new temporary folder under {@code parent} (the system temp folder if null), deleted at exit. */
  public static Path scratchDirectory(Path parent, String prefix) throws IOException {
    Path d = parent == null ? Files.createTempDirectory(prefix) : Files.createTempDirectory(Files.createDirectories(parent), prefix);
    return scratch(d);
  }

  /** A new temporary file, deleted at exit. */
  public static Path scratchFile(String prefix, String suffix) throws IOException {
    return scratch(Files.createTempFile(prefix, suffix));
  }

  public static boolean shuttingDown() {
    return shuttingDown;
  }

  /** Kills a process and everything it started: a polite request, then force after a short grace. */
  public static void destroy(Process p) {
    List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
    tree.forEach(ProcessHandle::destroy);
    p.destroy();
    try {
      if (!p.waitFor(500, TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    for (ProcessHandle h : tree) {
      if (h.isAlive()) {
        h.destroyForcibly();
      }
    }
  }

  /** The shutdown hook's work, also callable from tests. */
  static void shutdown() {
    shuttingDown = true;
    List<Process> procs;
    synchronized (PROCESSES) {
      procs = new ArrayList<>(PROCESSES);
      PROCESSES.clear();
    }
    procs.forEach(Lifecycle::destroy);
    List<Path> paths;
    synchronized (SCRATCH) {
      paths = new ArrayList<>(SCRATCH);
      SCRATCH.clear();
    }
    paths.forEach(Trees::delete);
  }
}
