package dev.qrtl.util;

import java.nio.file.Path;

/** Where qrtl keeps build caches ({@code $QRTL_CACHE}, else {@code ~/.cache/qrtl}). */
public final class CacheDirs {
  private CacheDirs() {}

  public static Path root() {
    String env = System.getenv("QRTL_CACHE");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return dev.qrtl.tools.ToolPaths.cacheHome().resolve("qrtl");
  }
}
