package dev.qrtl.tools;

import dev.qrtl.util.CacheDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Keeps the full log of a failed tool run in {@code <cache>/logs/}, so that a one-line error can
 * name it; the newest logs of each name are kept, older ones replaced.
 */
public final class ToolLogs {
  private ToolLogs() {}

  /** Copies {@code log} to the logs folder as {@code <name>.log}; null if there is no log. */
  public static Path keep(Path log, String name) {
    if (log == null || !Files.isRegularFile(log)) {
      return null;
    }
    try {
      Path dir = Files.createDirectories(CacheDirs.root().resolve("logs"));
      Path to = dir.resolve(name.replaceAll("[^A-Za-z0-9_.-]", "_") + ".log");
      Files.copy(log, to, StandardCopyOption.REPLACE_EXISTING);
      return to;
    } catch (IOException e) {
      return null;
    }
  }

  /** Writes text (a tool's captured stderr) as a kept log. */
  public static Path keep(String text, String name) {
    try {
      Path dir = Files.createDirectories(CacheDirs.root().resolve("logs"));
      Path to = dir.resolve(name.replaceAll("[^A-Za-z0-9_.-]", "_") + ".log");
      Files.writeString(to, text);
      return to;
    } catch (IOException e) {
      return null;
    }
  }
}
