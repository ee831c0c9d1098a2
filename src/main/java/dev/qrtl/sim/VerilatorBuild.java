package dev.qrtl.sim;

import dev.qrtl.tools.ProcessResult;
import dev.qrtl.tools.ProcessRunner;
import dev.qrtl.tools.ToolException;
import dev.qrtl.tools.ToolPaths;
import dev.qrtl.tools.ToolLogs;
import dev.qrtl.util.AtomicFiles;
import dev.qrtl.util.CacheStore;
import dev.qrtl.util.Hashing;
import dev.qrtl.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a Verilator simulation binary from Verilog files and a C++ harness, cached (a verified
 * {@link CacheStore} entry) under {@code <cache>/verilator/<hash>} where the hash covers the
 * Verilog, the harness, the flags and the Verilator version. Warnings do not stop a build (lint
 * is its own gate). A build that does not answer its self-test is a failure, not a cache entry.
 */
public final class VerilatorBuild {
  /** The result: the binary and whether it came from the cache. */
  public record Built(Path binary, boolean cached, String verilatorVersion) {}

  private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(20);

  private VerilatorBuild() {}

  public static String version() {
    Path v = ToolPaths.require("verilator");
    ProcessResult r = ProcessRunner.runChecked(List.of(v.toString(), "--version"), null, VERSION_TIMEOUT);
    return r.stdout().trim();
  }

  public static Built build(String top, List<Path> verilog, String harnessCpp, List<String> extraFlags) {
    return build(top, verilog, harnessCpp, extraFlags, List.of());
  }

  /**
   * Builds (or takes from the verified cache) the binary; {@code selfTest}, if not empty, is a
   * command line the fresh binary must answer with exit 0 before it is cached (a binary that does
   * not is a failed build, never a cached one).
   */
  public static Built build(String top, List<Path> verilog, String harnessCpp, List<String> extraFlags, List<String> selfTest) {
    String version = version();
    List<String> keyParts = new ArrayList<>();
    keyParts.add(version);
    keyParts.add(top);
    keyParts.add(String.join(" ", extraFlags));
    keyParts.add(harnessCpp);
    for (Path f : verilog) {
      try {
        keyParts.add(f.getFileName().toString());
        keyParts.add(Files.readString(f));
      } catch (IOException e) {
        throw new ToolException("cannot read Verilog file " + f + ": " + e.getMessage());
      }
    }
    String hash = Hashing.sha256(keyParts.toArray(new String[0])).substring(0, 24);
    String what = "the Verilator build of '" + top + "'";
    CacheStore.Validator executable = d -> {
      if (!Files.isExecutable(d.resolve("sim"))) {
        throw new ToolException("no executable simulation binary");
      }
    };
    if (CacheStore.lookup("verilator", hash, what, executable).isPresent()) {
      return new Built(CacheStore.folder("verilator").resolve(hash).resolve("sim"), true, version);
    }
    Path dir;
    try {
      dir = CacheStore.get("verilator", hash, what, tmp -> compile(top, verilog, harnessCpp, extraFlags, selfTest, tmp), executable);
    } catch (dev.qrtl.util.QrtlException e) {
      throw new ToolException(e.getMessage());
    }
    return new Built(dir.resolve("sim"), false, version);
  }

  private static void compile(String top, List<Path> verilog, String harnessCpp, List<String> extraFlags, List<String> selfTest, Path tmp)
      throws IOException {
    Path harness = tmp.resolve("harness.cpp");
    AtomicFiles.writeString(harness, harnessCpp);
    List<String> cmd = new ArrayList<>(List.of(
        ToolPaths.require("verilator").toString(), "--cc", "--exe", "--build",
        "-j", Integer.toString(Math.max(1, Runtime.getRuntime().availableProcessors())),
        "--top-module", top, "-Mdir", tmp.resolve("obj").toString(), "-o", "sim",
        "-CFLAGS", "-O1", "-Wno-fatal"));
    cmd.addAll(extraFlags);
    verilog.forEach(f -> cmd.add(f.toAbsolutePath().toString()));
    cmd.add(harness.toString());
    ProcessResult r = ProcessRunner.run(cmd, tmp, BUILD_TIMEOUT);
    if (!r.ok()) {
      throw ToolException.failed("verilator", top, r);
    }
    Files.move(tmp.resolve("obj").resolve("sim"), tmp.resolve("sim"));
    Trees.delete(tmp.resolve("obj"));
    if (!selfTest.isEmpty()) {
      List<String> test = new ArrayList<>(List.of(tmp.resolve("sim").toString()));
      test.addAll(selfTest);
      ProcessResult t = ProcessRunner.run(test, tmp, VERSION_TIMEOUT);
      if (!t.ok()) {
        throw new ToolException("the Verilator build of '" + top + "' does not answer its self-test (exit " + t.exitCode() + ")\n" + t.tail(5));
      }
    }
  }
}
