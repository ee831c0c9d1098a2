package dev.qrtl.testing;

import dev.qrtl.tools.ToolPaths;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Tool-backed tests call {@link #require}: a missing tool skips the test loudly on a developer
 * machine, but fails it under CI ({@code CI} set), where a silent skip would hide a broken setup.
 */
public final class ToolGate {
  private ToolGate() {}

  public static void require(String... exes) {
    for (String exe : exes) {
      if (ToolPaths.find(exe, System.getenv("PATH")).isPresent()) {
        continue;
      }
      String msg = exe + " is not installed; install it with: " + ToolPaths.installCommand(exe);
      if (isCi()) {
        Assertions.fail("CI must run tool-backed tests, but " + msg);
      }
      System.err.println("SKIPPING tool-backed test: " + msg);
      Assumptions.abort(msg);
    }
  }

  public static boolean isCi() {
    String ci = System.getenv("CI");
    return ci != null && !ci.isBlank() && !"false".equalsIgnoreCase(ci);
  }
}
