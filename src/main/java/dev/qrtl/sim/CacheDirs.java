package dev.qrtl.sim;

import java.nio.file.Path;

/** Where qrtl keeps build caches ({@code $QRTL_CACHE}, else {@code ~/.cache/qrtl}). */
public final class CacheDirs {
  private CacheDirs() {}

  public static Path root() {
    String env = System.getenv("QRTL_CACHE");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("qrtl");
  }
}
