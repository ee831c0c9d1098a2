package dev.qrtl.util;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Exclusive use of an output folder: a lock file {@code .qrtl-lock} holding the host, the process
 * id and the start time of the run that writes there. A second run into the same folder is
 * refused with one line naming the first; a lock left by a process that no longer runs on this
 * host is stale and taken over. Released on close and, through {@link Lifecycle}, on exit or a
 * signal.
 */
public final class OutputLock implements AutoCloseable {
  public static final String NAME = ".qrtl-lock";
  private final Path file;

  private OutputLock(Path file) {
    this.file = file;
  }

  /** Locks {@code dir} (created if missing); an {@link IllegalStateException} naming the holder if another run has it. */
  public static OutputLock acquire(Path dir) {
    Path file = dir.resolve(NAME);
    String me = CacheStore.host() + " " + ProcessHandle.current().pid() + " " + Instant.now();
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        Files.createDirectories(dir);
        Files.writeString(file, me + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
            java.nio.file.StandardOpenOption.WRITE);
        Lifecycle.scratch(file);
        return new OutputLock(file);
      } catch (FileAlreadyExistsException e) {
        String holder = read(file);
        if (holder == null) {
          continue; // released meanwhile
        }
        String[] parts = holder.trim().split(" ");
        boolean sameHost = parts.length >= 2 && parts[0].equals(CacheStore.host());
        long pid = parts.length >= 2 ? parseOr(parts[1], -1) : -1;
        boolean alive = pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        if (sameHost && !alive) {
          try {
            Files.deleteIfExists(file); // stale: its process is gone
          } catch (IOException ignored) {
            // someone else removed or took it: try again
          }
          continue;
        }
        throw new QrtlException(dir + " is in use by another qrtl run (process " + (parts.length >= 2 ? parts[1] : "?") + " on "
            + (parts.length >= 1 ? parts[0] : "?") + (parts.length >= 3 ? ", since " + parts[2] : "") + "); wait for it or use another --out");
      } catch (IOException e) {
        throw new QrtlException("cannot lock " + dir + ": " + e.getMessage(), e);
      }
    }
    throw new QrtlException("cannot lock " + dir + ": its lock keeps changing hands");
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      return null;
    }
  }

  private static long parseOr(String s, long dflt) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return dflt;
    }
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // the shutdown hook tries again
    }
    Lifecycle.keep(file);
  }
}
