package dev.qrtl.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.testing.ToolGate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("tools")
class DoctorTest {
  @TempDir Path dir;

  /** A PATH with links to every tool but yosys. */
  private String pathWithoutYosys() throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    for (String exe : List.of("java", "verilator", "iverilog")) {
      Path real = ToolPaths.find(exe, System.getenv("PATH")).orElseThrow();
      Files.createSymbolicLink(bin.resolve(exe), real);
    }
    // verilator is a Perl script that runs verilator_bin from PATH
    for (String extra : List.of("verilator_bin", "perl", "vvp")) {
      ToolPaths.find(extra, System.getenv("PATH")).ifPresent(p -> {
        try {
          Files.createSymbolicLink(bin.resolve(extra), p);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
    return bin.toString();
  }

  @Test
  void reportsMissingYosysWithItsInstallCommand() throws IOException {
    ToolGate.require("verilator", "iverilog", "yosys");
    List<ToolStatus> all = new Doctor(pathWithoutYosys(), dir.resolve("no-venv")).check();
    Map<String, ToolStatus> byName = all.stream().collect(Collectors.toMap(ToolStatus::tool, s -> s));
    ToolStatus yosys = byName.get("yosys");
    assertFalse(yosys.usable());
    assertEquals("not found on PATH", yosys.note());
    assertTrue(yosys.install().endsWith("apt-get install -y yosys"), yosys.install());
    assertTrue(byName.get("verilator").usable());
    assertTrue(byName.get("verilator").version().matches("\\d+\\.\\d+"));
    assertFalse(byName.get("cocotb").usable());
    assertTrue(byName.get("cocotb").install().contains("bin/install-deps"));
    assertFalse(Doctor.allUsable(all));
  }

  @Test
  void verilatorBefore5036IsFlaggedForCocotb() {
    assertTrue(Doctor.compareVersions("5.006", Doctor.VERILATOR_FOR_COCOTB) < 0);
    assertTrue(Doctor.compareVersions("5.036", Doctor.VERILATOR_FOR_COCOTB) == 0);
    assertTrue(Doctor.compareVersions("5.100", Doctor.VERILATOR_FOR_COCOTB) > 0);
  }

  @Test
  void aMissingToolGivesOneClearMessage() {
    ToolException e = org.junit.jupiter.api.Assertions.assertThrows(ToolException.class,
        () -> ProcessRunner.run(List.of("/nonexistent/tool-xyz"), null, java.time.Duration.ofSeconds(5)));
    assertTrue(e.getMessage().startsWith("cannot run /nonexistent/tool-xyz"), e.getMessage());
  }

  @Test
  void aHangingToolTimesOut() {
    ToolException e = org.junit.jupiter.api.Assertions.assertThrows(ToolException.class,
        () -> ProcessRunner.run(List.of("sleep", "10"), null, java.time.Duration.ofMillis(300)));
    assertTrue(e.getMessage().contains("timed out"), e.getMessage());
  }
}
