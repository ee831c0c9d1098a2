package dev.qrtl.util;

import java.nio.file.Path;

/** Where qrtl keeps build caches ({@code -Dqrtl.cache}, else {@code $QRTL_CACHE}, else {@code ~/.cache/qrtl}). */
public final class CacheDirs {
  private CacheDirs() {}

  public static Path root() {
    String prop = System.getProperty("qrtl.cache");
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop); // for embedding and tests: one JVM, its own cache
    }
    String env = System.getenv("QRTL_CACHE");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return userCacheHome().resolve("qrtl");
  }

  /** The user's cache folder: {@code $XDG_CACHE_HOME}, else {@code ~/.cache} (where bin/install-deps puts qrtl's tools). */
  public static Path userCacheHome() {
    String cache = System.getenv("XDG_CACHE_HOME");
    return cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache");
  }
}
