package dev.qrtl.sim;

import dev.qrtl.util.CacheDirs;
import dev.qrtl.tools.ProcessResult;
import dev.qrtl.tools.ProcessRunner;
import dev.qrtl.tools.ToolException;
import dev.qrtl.tools.ToolPaths;
import dev.qrtl.util.AtomicFiles;
import dev.qrtl.util.Hashing;
import dev.qrtl.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a Verilator simulation binary from Verilog files and a C++ harness, cached under
 * {@code <cache>/verilator/<hash>} where the hash covers the Verilog, the harness, the flags and
 * the Verilator version. Warnings do not stop a build (lint is its own gate). A build happens in a temporary folder renamed into place, so an
 * interrupted build never poisons the cache.
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
    Path dir = CacheDirs.root().resolve("verilator").resolve(hash);
    Path binary = dir.resolve("sim");
    if (Files.isExecutable(binary)) {
      return new Built(binary, true, version);
    }
    Path tmp;
    try {
      Files.createDirectories(dir.getParent());
      tmp = Files.createTempDirectory(dir.getParent(), hash + ".building.");
    } catch (IOException e) {
      throw new ToolException("cannot create the Verilator build folder: " + e.getMessage());
    }
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
      Trees.delete(tmp);
      throw new ToolException("Verilator build of '" + top + "' failed (exit " + r.exitCode() + "):\n" + r.tail(30));
    }
    try {
      Files.move(tmp.resolve("obj").resolve("sim"), tmp.resolve("sim"));
      Trees.delete(tmp.resolve("obj"));
      Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Trees.delete(tmp);
      if (Files.isExecutable(binary)) {
        return new Built(binary, true, version); // a concurrent build won the race
      }
      throw new ToolException("cannot store the Verilator build in " + dir + ": " + e.getMessage());
    }
    return new Built(binary, false, version);
  }

}
