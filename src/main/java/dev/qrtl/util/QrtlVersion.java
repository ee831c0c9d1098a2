package dev.qrtl.util;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** qrtl's own version, from the build's {@code qrtl.properties}, for reports and cache keys. */
public final class QrtlVersion {
  private QrtlVersion() {}

  public static String version() {
    try (InputStream in = QrtlVersion.class.getResourceAsStream("/qrtl.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
