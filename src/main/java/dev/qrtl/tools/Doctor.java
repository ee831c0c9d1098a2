package dev.qrtl.tools;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds each external tool, asks its version and says what it can be used for. The PATH and the
 * virtual environment are parameters so tests can hide a tool.
 */
public final class Doctor {
  /** cocotb 2.x drives Verilator only from this version on. */
  public static final String VERILATOR_FOR_COCOTB = "5.036";

  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
  private final String pathEnv;
  private final Path venv;

  public Doctor(String pathEnv, Path venv) {
    this.pathEnv = pathEnv;
    this.venv = venv;
  }

  public static Doctor forThisMachine() {
    return new Doctor(System.getenv("PATH"), ToolPaths.venv());
  }

  public List<ToolStatus> check() {
    List<ToolStatus> all = new ArrayList<>();
    all.add(probe("java", "running qrtl", List.of("-version"), "version \"([^\"]+)\"", v -> null));
    all.add(probe("verilator", "lint, fast co-simulation", List.of("--version"), "Verilator (\\d+\\.\\d+)",
        v -> compareVersions(v, VERILATOR_FOR_COCOTB) < 0
            ? "fine for lint and co-simulation; cocotb 2.x needs >= " + VERILATOR_FOR_COCOTB + ", so cocotb runs on Icarus"
            : null));
    all.add(probe("iverilog", "lint, 4-state simulation, cocotb", List.of("-V"), "version (\\S+)", v -> null));
    all.add(probe("yosys", "lint, synthesis", List.of("-V"), "Yosys (\\S+)", v -> null));
    all.add(python());
    return all;
  }

  /** True when every tool is usable. */
  public static boolean allUsable(List<ToolStatus> statuses) {
    return statuses.stream().allMatch(ToolStatus::usable);
  }

  private ToolStatus probe(
      String exe, String neededFor, List<String> args, String versionRegex,
      java.util.function.Function<String, String> noteFor) {
    Optional<Path> path = ToolPaths.find(exe, pathEnv);
    if (path.isEmpty()) {
      return new ToolStatus(exe, neededFor, "", "", false, "not found on PATH", ToolPaths.installCommand(exe));
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(path.get().toString());
    cmd.addAll(args);
    try {
      ProcessResult r = ProcessRunner.run(cmd, null, PROBE_TIMEOUT);
      Matcher m = Pattern.compile(versionRegex).matcher(r.stdout() + "\n" + r.stderr());
      if (!m.find()) {
        return new ToolStatus(exe, neededFor, path.get().toString(), "", false,
            "could not read its version: " + r.tail(2), ToolPaths.installCommand(exe));
      }
      String version = m.group(1);
      String note = noteFor.apply(version);
      return new ToolStatus(exe, neededFor, path.get().toString(), version, true, note == null ? "" : note, "");
    } catch (ToolException e) {
      return new ToolStatus(exe, neededFor, path.get().toString(), "", false, e.getMessage(), ToolPaths.installCommand(exe));
    }
  }

  private ToolStatus python() {
    String install = "bin/install-deps (creates " + venv + " with cocotb, pytest, numpy)";
    Path py = venv.resolve("bin").resolve("python");
    if (!py.toFile().canExecute()) {
      return new ToolStatus("cocotb", "cocotb test benches", "", "", false,
          "no virtual environment at " + venv, install);
    }
    try {
      ProcessResult r = ProcessRunner.run(
          List.of(py.toString(), "-c", "import cocotb, pytest; print(cocotb.__version__, pytest.__version__)"),
          null, PROBE_TIMEOUT);
      if (!r.ok()) {
        return new ToolStatus("cocotb", "cocotb test benches", py.toString(), "", false,
            "cocotb or pytest missing: " + r.tail(1), install);
      }
      String[] v = r.stdout().trim().split("\\s+");
      return new ToolStatus("cocotb", "cocotb test benches", py.toString(), v[0], true,
          "pytest " + (v.length > 1 ? v[1] : "?"), "");
    } catch (ToolException e) {
      return new ToolStatus("cocotb", "cocotb test benches", py.toString(), "", false, e.getMessage(), install);
    }
  }

  /** Compares dotted versions numerically: 5.006 < 5.036 < 5.100. */
  public static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int xi = i < x.length ? parse(x[i]) : 0;
      int yi = i < y.length ? parse(y[i]) : 0;
      if (xi != yi) {
        return Integer.compare(xi, yi);
      }
    }
    return 0;
  }

  private static int parse(String s) {
    String digits = s.replaceAll("\\D.*", "");
    return digits.isEmpty() ? 0 : Integer.parseInt(digits);
  }
}
