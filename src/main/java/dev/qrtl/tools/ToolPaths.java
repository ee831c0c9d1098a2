package dev.qrtl.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the external tools and qrtl's Python environment are on this machine. */
public final class ToolPaths {
  private ToolPaths() {}

  /** The first executable named {@code exe} on {@code pathEnv} (a PATH-style list). */
  public static Optional<Path> find(String exe, String pathEnv) {
    if (pathEnv == null) {
      return Optional.empty();
    }
    for (String dir : pathEnv.split(java.io.File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path p = Path.of(dir, exe);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * The executable named by {@code $QRTL_<EXE>} (for example {@code QRTL_YOSYS}) if set, else the
   * one on this process's PATH, or a {@link ToolException} naming the install command. The
   * override lets a second build of a tool (a newer Yosys, say) run beside the distribution's.
   */
  public static Path require(String exe) {
    String override = System.getenv(overrideVariable(exe));
    if (override != null && !override.isBlank()) {
      Path p = Path.of(override);
      if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
        throw new ToolException(overrideVariable(exe) + " names " + override + ", which is not an executable file");
      }
      return p;
    }
    return find(exe, System.getenv("PATH"))
        .orElseThrow(() -> new ToolException(exe + " is not installed or not on PATH; install it with: "
            + installCommand(exe) + " (or run 'qrtl doctor')"));
  }

  /** The environment variable that overrides where {@code exe} is: {@code QRTL_} and its name in capitals. */
  public static String overrideVariable(String exe) {
    return "QRTL_" + exe.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  /** The Python virtual environment with cocotb and pytest ({@code $QRTL_VENV} overrides). */
  public static Path venv() {
    String env = System.getenv("QRTL_VENV");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return cacheHome().resolve("qrtl").resolve("venv");
  }

  /** The user's cache folder (where bin/install-deps puts qrtl's tools): {@link dev.qrtl.util.CacheDirs#userCacheHome}. */
  public static Path cacheHome() {
    return dev.qrtl.util.CacheDirs.userCacheHome();
  }

  /** The Debian command that installs a tool's package. */
  public static String installCommand(String exe) {
    String pkg = switch (exe) {
      case "iverilog", "vvp" -> "iverilog";
      case "java" -> "default-jdk-headless";
      case "mvn" -> "maven";
      default -> exe;
    };
    String sudo = isRoot() ? "" : "sudo ";
    return sudo + "apt-get install -y " + pkg;
  }

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }
}
