package dev.qrtl.synth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.core.HwType;
import dev.qrtl.core.Module;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.core.Signal;
import dev.qrtl.tools.ProcessResult;
import dev.qrtl.tools.ProcessRunner;
import dev.qrtl.tools.ToolPaths;
import dev.qrtl.verilog.DesignWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * qrtl's static timing against OpenSTA's {@code report_checks} on the same mapped netlist and
 * library, where OpenSTA ({@code sta}) is installed: it is optional (bin/install-deps installs it
 * where the distribution has it), so this test runs only where it is.
 */
@Tag("tools")
public class OpenStaComparisonTest {
  @TempDir Path dir;

  public static Module adder32() {
    ModuleBuilder m = new ModuleBuilder("adder_u32");
    Signal a = m.input("a", HwType.u(32));
    Signal b = m.input("b", HwType.u(32));
    m.assign(m.output("y", HwType.u(33)), a.add(b));
    return m.build();
  }

  public static Module multiplier16() {
    ModuleBuilder m = new ModuleBuilder("multiplier_u16");
    Signal a = m.input("a", HwType.u(16));
    Signal b = m.input("b", HwType.u(16));
    m.assign(m.output("y", HwType.u(32)), a.mul(b));
    return m.build();
  }

  @Test
  void delaysAgreeWithOpenStaWithinTwentyPercent() throws Exception {
    dev.qrtl.testing.ToolGate.require("yosys");
    dev.qrtl.testing.ToolGate.requireWherePackaged("sta", "opensta");
    var tech = TechLibraries.fromFile(SynthTest.NANGATE);
    for (Module m : List.of(adder32(), multiplier16())) {
      SynthResult r = SynthRunner.run(DesignWriter.write(m, "example", null, dir), tech, SynthMode.FLAT, Duration.ofMinutes(10));
      Path tcl = dir.resolve(m.name() + ".tcl");
      Files.writeString(tcl, String.join("\n",
          "read_liberty " + tech.plainFile(),
          "read_verilog " + Path.of(r.netlistDir(), "netlist.v"),
          "link_design " + m.name(),
          "set_input_transition " + StaticTiming.INPUT_SLEW_NS + " [all_inputs]",
          "report_checks -unconstrained -digits 4",
          "exit", ""));
      ProcessResult p = ProcessRunner.runChecked(List.of(ToolPaths.require("sta").toString(), "-no_splash", "-exit", tcl.toString()),
          dir, Duration.ofMinutes(5));
      Matcher mt = Pattern.compile("([0-9.]+)\\s+data arrival time").matcher(p.stdout());
      assertTrue(mt.find(), p.stdout());
      double sta = Double.parseDouble(mt.group(1));
      double rel = (r.criticalPathNs() - sta) / sta;
      System.out.printf("%s on NanGate45: qrtl %.4f ns, OpenSTA %.4f ns (%+.1f %%)%n", m.name(), r.criticalPathNs(), sta, 100 * rel);
      assertTrue(Math.abs(rel) < 0.20, "within 20 %");
    }
  }
}
