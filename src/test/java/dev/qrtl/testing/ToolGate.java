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

  /**
   * For an optional tool: present, or skip loudly - but under CI fail if the distribution offers
   * its package ({@code apt-cache show}), since bin/install-deps then installs it.
   */
  public static void requireWherePackaged(String exe, String debianPackage) {
    if (ToolPaths.find(exe, System.getenv("PATH")).isPresent()) {
      return;
    }
    boolean packaged = false;
    try {
      Process p = new ProcessBuilder("apt-cache", "show", debianPackage).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      packaged = p.waitFor() == 0;
    } catch (java.io.IOException e) {
      packaged = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String msg = exe + " is not installed (Debian package " + debianPackage + (packaged ? ", available here" : ", not offered here") + ")";
    if (isCi() && packaged) {
      Assertions.fail("CI must run this test: " + msg + "; bin/install-deps --all installs it");
    }
    System.err.println("SKIPPING test of an optional tool: " + msg);
    Assumptions.abort(msg);
  }

  public static boolean isCi() {
    String ci = System.getenv("CI");
    return ci != null && !ci.isBlank() && !"false".equalsIgnoreCase(ci);
  }
}
