package dev.qrtl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden/}. Run with {@code -Dgolden.update=true} to
 * rewrite them on purpose; reviewers then read the diff.
 */
public final class Golden {
  private Golden() {}

  public static Path projectRoot() {
    return Path.of(System.getProperty("qrtl.projectRoot", ".")).toAbsolutePath();
  }

  public static void check(String relative, String actual) {
    Path file = projectRoot().resolve("src/test/resources/golden").resolve(relative);
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual);
        return;
      }
      if (!Files.exists(file)) {
        throw new AssertionError("no golden file " + file + "; run with -Dgolden.update=true to create it");
      }
      assertEquals(Files.readString(file), actual, "differs from golden " + file + " (-Dgolden.update=true rewrites it)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
