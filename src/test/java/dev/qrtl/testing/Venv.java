package dev.qrtl.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The Python environment {@code bin/install-deps --all} makes (cocotb, pytest, numpy, ml_dtypes, onnx, onnxruntime):
 * a test that needs it skips loudly on a developer machine without it and fails under CI.
 */
public final class Venv {
  private Venv() {}

  /** The environment's python, after checking it imports {@code modules}. */
  public static Path python(String... modules) {
    String env = System.getenv("QRTL_VENV");
    Path venv = env != null && !env.isBlank() ? Path.of(env)
        : Path.of(System.getenv().getOrDefault("XDG_CACHE_HOME", System.getProperty("user.home") + "/.cache"), "qrtl", "venv");
    Path python = venv.resolve("bin/python");
    String problem = null;
    if (!Files.isExecutable(python)) {
      problem = "no Python environment at " + venv;
    } else {
      try {
        Process p = new ProcessBuilder(python.toString(), "-c", "import " + String.join(", ", modules)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
          problem = venv + " cannot import " + String.join(", ", modules) + ": " + out.strip().lines().reduce((a, b) -> b).orElse("");
        }
      } catch (java.io.IOException e) {
        problem = "cannot run " + python + ": " + e.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        problem = "interrupted";
      }
    }
    if (problem != null) {
      String msg = problem + "; run bin/install-deps --all";
      if (ToolGate.isCi()) {
        Assertions.fail("CI must run this test: " + msg);
      }
      System.err.println("SKIPPING test that needs the Python environment: " + msg);
      Assumptions.abort(msg);
    }
    return python;
  }
}
