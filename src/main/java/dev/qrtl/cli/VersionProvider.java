package dev.qrtl.cli;

import dev.qrtl.util.QrtlVersion;
import picocli.CommandLine;

/** {@code qrtl --version}: the build's version and the Java that runs it. */
public final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"qrtl " + QrtlVersion.version() + " (Java " + System.getProperty("java.version") + ")"};
  }
}
