package dev.qrtl.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Deleting temporary folders (build and synthesis scratch space), best effort. */
public final class Trees {
  private Trees() {}

  /** Deletes {@code p} and everything below it; a missing folder is fine. */
  public static void delete(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (var walk = Files.walk(p)) {
      walk.sorted(Comparator.reverseOrder()).forEach(q -> q.toFile().delete());
    } catch (IOException ignored) {
      // best effort: scratch space only
    }
  }
}
