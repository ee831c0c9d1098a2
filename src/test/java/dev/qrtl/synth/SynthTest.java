package dev.qrtl.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.core.Expr;
import dev.qrtl.core.HwType;
import dev.qrtl.core.Module;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.gen.mac.MacArrayGenerator;
import dev.qrtl.liberty.LibertyException;
import dev.qrtl.scheme.Schemes;
import dev.qrtl.spec.MacArraySpec;
import dev.qrtl.spec.MacForm;
import dev.qrtl.spec.OutputSpec;
import dev.qrtl.spec.QuantizerSpec;
import dev.qrtl.spec.Rounding;
import dev.qrtl.spec.ShiftRoundSpec;
import dev.qrtl.spec.TfliteSpec;
import dev.qrtl.testing.ToolGate;
import dev.qrtl.tools.ToolException;
import dev.qrtl.verilog.DesignWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Yosys synthesis on real libraries: area against Yosys's own figure, timing, modes, bad input. */
@Tag("tools")
class SynthTest {
  static final Path NANGATE = dev.qrtl.testing.TechFiles.nangate45();
  static final Path SKY130 = dev.qrtl.testing.TechFiles.sky130hd();
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  @TempDir Path dir;

  private Path write(Module m) {
    return DesignWriter.write(m, "quantizer", null, dir);
  }

  @Test
  void areaEqualsYosysStatOnNangate45ForShiftRoundAndTfliteDouble() throws Exception {
    ToolGate.require("yosys");
    OutputSpec s8 = new OutputSpec(8, true, false, true);
    var tech = TechLibraries.fromFile(NANGATE);
    for (var spec : new dev.qrtl.spec.QuantizerSpec[] {
        new ShiftRoundSpec(32, s8, Rounding.HALF_UP, OptionalInt.empty(), false, 0, false),
        new TfliteSpec(32, s8, false, OptionalInt.empty(), OptionalInt.empty(), OptionalLong.empty(), false, 0)}) {
      SynthResult r = SynthRunner.run(write(Schemes.generate(spec)), tech, SynthMode.FLAT, TIMEOUT);
      double yosys = YosysJsonTest.SynthCheck.chipArea(Files.readString(Path.of(r.netlistDir(), "stat.txt")));
      double rel = Math.abs(r.areaUm2() - yosys) / yosys;
      System.out.printf("%s on NanGate45: qrtl %.3f um^2, Yosys stat -liberty %.3f um^2, difference %.5f %%%n",
          r.design(), r.areaUm2(), yosys, 100 * rel);
      assertTrue(rel < 0.001, "within 0.1 %");
    }
  }

  @Test
  void bothRealLibrariesSynthesise() {
    ToolGate.require("yosys");
    Module m = Schemes.generate(new ShiftRoundSpec(16, new OutputSpec(8, true, false, true), Rounding.HALF_EVEN,
        OptionalInt.empty(), true, 1, false));
    Path mp = write(m);
    SynthResult ng = SynthRunner.run(mp, TechLibraries.fromFile(NANGATE), SynthMode.FLAT, TIMEOUT);
    SynthResult sky = SynthRunner.run(mp, TechLibraries.fromFile(SKY130), SynthMode.FLAT, TIMEOUT);
    assertEquals("NangateOpenCellLibrary", ng.library());
    assertEquals("sky130_fd_sc_hd__tt_025C_1v80", sky.library());
    assertTrue(ng.sequentialUm2() > 0 && sky.sequentialUm2() > 0, "the pipeline register is mapped to flip-flops");
    assertTrue(sky.areaUm2() > ng.areaUm2(), "130 nm cells are larger than 45 nm cells");
    assertTrue(ng.criticalPathNs() > 0 && sky.criticalPathNs() > ng.criticalPathNs());
    assertEquals(ng.areaUm2(), ng.sequentialUm2() + ng.combinationalUm2(), 1e-6);
  }

  /**
   * {@code n} chained 32-bit adders, each result XORed with an input before the next addition:
   * without the XORs Yosys would merge the chain into one multi-operand adder tree.
   */
  static Module adderChain(int n) {
    ModuleBuilder m = new ModuleBuilder("adder_chain_" + n);
    Expr acc = m.input("x0", HwType.u(32));
    for (int i = 1; i <= n; i++) {
      acc = acc.add(m.input("x" + i, HwType.u(32))).truncate(32);
      if (i < n) {
        acc = acc.xor(m.input("k" + i, HwType.u(32)));
      }
    }
    m.assign(m.output("y", HwType.u(32)), acc);
    return m.build();
  }

  @Test
  void theCriticalPathOfAnAdderChainGrowsWithItsLength() {
    ToolGate.require("yosys");
    var tech = TechLibraries.fromFile(NANGATE);
    double previous = 0;
    for (int n : new int[] {1, 2, 4, 8}) {
      SynthResult r = SynthRunner.run(write(adderChain(n)), tech, SynthMode.FLAT, TIMEOUT);
      System.out.printf("adder chain of %d on NanGate45: %.4f ns through %d cells%n", n, r.criticalPathNs(), r.path().cells().size());
      assertTrue(r.criticalPathNs() > previous, "longer chain, longer path");
      assertTrue(r.path().start().startsWith("input") && r.path().end().startsWith("output y"), r.path().toString());
      previous = r.criticalPathNs();
    }
  }

  @Test
  void hierarchicalAndFlatAreaAgreeWithinTenPercentOnAn8x8Array() {
    ToolGate.require("yosys");
    Module array = MacArrayGenerator.generate(
        new MacArraySpec(8, 8, 8, true, 8, true, 256, OptionalInt.empty(), MacForm.SYSTOLIC, 1, true, false));
    Path mp = DesignWriter.write(array, "mac-array", null, dir);
    var tech = TechLibraries.resolve("default", null);
    SynthResult hier = SynthRunner.run(mp, tech, SynthMode.HIER, TIMEOUT);
    SynthResult flat = SynthRunner.run(mp, tech, SynthMode.FLAT, TIMEOUT);
    double rel = Math.abs(hier.areaUm2() - flat.areaUm2()) / flat.areaUm2();
    System.out.printf("8x8 array: hierarchical %.1f um^2 (%d cells), flat %.1f um^2 (%d cells): %.2f %% apart%n",
        hier.areaUm2(), hier.cells(), flat.areaUm2(), flat.cells(), 100 * rel);
    assertTrue(rel < 0.10);
  }

  @Test
  void theEmbeddedDefaultLibraryNeedsNoPdk() {
    ToolGate.require("yosys");
    var tech = TechLibraries.resolve("default", null);
    assertEquals("qrtl_default45", tech.library().name());
    SynthResult r = SynthRunner.run(write(adderChain(1)), tech, SynthMode.FLAT, TIMEOUT);
    assertTrue(r.areaUm2() > 0 && r.fmaxMhz() > 0);
  }

  @Test
  void badLibrariesAreClearErrors() throws Exception {
    Path broken = dir.resolve("broken.lib");
    Files.writeString(broken, "library (x) {\n  cell (INV) {\n    area : 1;\n    pin (A) { direction : input \n");
    LibertyException e = assertThrows(LibertyException.class, () -> TechLibraries.fromFile(broken));
    assertTrue(e.getMessage().startsWith("Liberty syntax error in " + broken + " at line"), e.getMessage());
    Path noInverter = dir.resolve("noinv.lib");
    Files.writeString(noInverter, "library (tiny) {\n cell (AND2) { area : 1; pin (A) { direction : input; capacitance : 1; }\n"
        + " pin (B) { direction : input; capacitance : 1; } pin (Y) { direction : output; function : \"A & B\"; } }\n}\n");
    Path mp = write(adderChain(1));
    LibertyException missing = assertThrows(LibertyException.class,
        () -> SynthRunner.run(mp, TechLibraries.fromFile(noInverter), SynthMode.FLAT, TIMEOUT));
    assertTrue(missing.getMessage().contains("lacks an inverter"), missing.getMessage());
    assertTrue(assertThrows(LibertyException.class, () -> TechLibraries.fromFile(dir.resolve("none.lib")))
        .getMessage().contains("does not exist"));
    assertTrue(assertThrows(LibertyException.class, () -> TechLibraries.resolve("tsmc3", null))
        .getMessage().contains("unknown technology 'tsmc3'"));
  }

  @Test
  void yosysFailingAndTimingOutAreClearErrors() throws Exception {
    ToolGate.require("yosys");
    Path mp = write(adderChain(2));
    Path v = dir.resolve("adder_chain_2.v");
    Files.writeString(v, Files.readString(v).replace("endmodule", "wire bad syntax here;\nendmodule"));
    ToolException fail = assertThrows(ToolException.class,
        () -> SynthRunner.run(mp, TechLibraries.resolve("default", null), SynthMode.FLAT, TIMEOUT));
    // a syntax error in the user's Verilog is named first (file:line), the tool failure after it
    assertTrue(fail.getMessage().startsWith(v + ":"), fail.getMessage());
    assertTrue(fail.getMessage().contains("(Yosys failed on 'adder_chain_2' (exit 1)"), fail.getMessage());
    Path big = write(Schemes.generate(new TfliteSpec(32, new OutputSpec(8, true, false, true), true,
        OptionalInt.empty(), OptionalInt.empty(), OptionalLong.empty(), true, 0)));
    ToolException slow = assertThrows(ToolException.class,
        () -> SynthRunner.run(big, TechLibraries.fromFile(SKY130), SynthMode.FLAT, Duration.ofMillis(300)));
    assertTrue(slow.getMessage().contains("timed out"), slow.getMessage());
  }

  @Test
  void parallelRunsGiveTheSameResultsAsSingleRuns() {
    ToolGate.require("yosys");
    var tech = TechLibraries.resolve("default", null);
    java.util.List<Path> manifests = new java.util.ArrayList<>();
    for (int n : new int[] {1, 2, 3}) {
      manifests.add(write(adderChain(n)));
    }
    java.util.List<SynthResult> parallel = SynthRunner.runAll(manifests, tech, SynthMode.FLAT, TIMEOUT);
    assertEquals(3, parallel.size());
    for (int i = 0; i < manifests.size(); i++) {
      SynthResult single = SynthRunner.run(manifests.get(i), tech, SynthMode.FLAT, TIMEOUT);
      assertEquals(single.design(), parallel.get(i).design(), "results keep the order of the manifests");
      assertEquals(single.areaUm2(), parallel.get(i).areaUm2(), 1e-9);
      assertEquals(single.criticalPathNs(), parallel.get(i).criticalPathNs(), 1e-12);
    }
  }
}
