package dev.qrtl.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.core.Expr;
import dev.qrtl.core.HwType;
import dev.qrtl.core.Module;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.core.Signal;
import dev.qrtl.gen.quant.ShiftRoundGenerator;
import dev.qrtl.manifest.ManifestException;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.kind.Designs;
import dev.qrtl.kind.QuantizerRecords;
import dev.qrtl.kind.SpecJson;
import dev.qrtl.sim.VerilatorCosim;
import dev.qrtl.spec.OutputSpec;
import dev.qrtl.spec.Rounding;
import dev.qrtl.spec.ShiftRoundSpec;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.testing.ToolGate;
import dev.qrtl.tools.ToolException;
import dev.qrtl.verilog.DesignWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verilator and Icarus co-simulation against the golden models, and every way it can go wrong. */
@Tag("tools")
class CosimTest {
  @TempDir Path dir;

  private static CosimOptions options(long vectors, String stimulus, String sim) {
    return new CosimOptions(vectors, 1, Stimulus.parse(stimulus), dev.qrtl.sim.Simulator.parse(sim), null, 5, Duration.ofMinutes(10));
  }

  private static ShiftRoundSpec halfUp16(Rounding r) {
    return new ShiftRoundSpec(16, new OutputSpec(8, true, false, true), r, OptionalInt.empty(), false, 0, false);
  }

  /**
   * A test-only variant of the 16 -> 8 half-up requantizer whose rounding constant is one too
   * small ({@code 2^(k-1) - 1}): it rounds ties down. Its manifest claims the real scheme.
   */
  static Module brokenHalfUp(String name) {
    Module real = ShiftRoundGenerator.generate(halfUp16(Rounding.HALF_UP));
    ModuleBuilder m = new ModuleBuilder(name).description("deliberately broken: rounding constant off by one");
    real.params().forEach(m::param);
    Signal acc = m.input("acc", HwType.s(16));
    Signal k = m.input("shift", HwType.u(4));
    Expr one = Expr.lit(1, HwType.s(2));
    Expr half = one.shl(k).shr(1); // 2^(k-1), 0 for k = 0
    Expr sum = acc.add(half).sub(one).add(k.eq(Expr.lit(0, HwType.u(1))).select(one, Expr.lit(0, HwType.s(2))));
    Expr shifted = sum.shr(k);
    Expr lo = Expr.lit(-128, HwType.s(8));
    Expr hi = Expr.lit(127, HwType.s(8));
    Expr q = shifted.lt(lo).select(lo, shifted.gt(hi).select(hi, shifted)).truncate(8);
    m.assign(m.output("q", HwType.s(8)), q);
    return m.build();
  }

  @Test
  void aBrokenRoundingConstantIsCaughtAndTheReportNamesTheInputs() throws Exception {
    ToolGate.require("verilator");
    Path mp = DesignWriter.write(brokenHalfUp("requant_broken_round"), "quantizer", SpecJson.toTree(halfUp16(Rounding.HALF_UP)), dir);
    Path vcd = dir.resolve("first-mismatch.vcd");
    CosimReport r = Cosim.run(mp, new CosimOptions(200_000, 3, Stimulus.parse("auto"), dev.qrtl.sim.Simulator.VERILATOR, vcd, 3, Duration.ofMinutes(5)));
    System.out.print(r.toText());
    assertFalse(r.passed());
    assertTrue(r.mismatches() > 0);
    CosimReport.MismatchReport first = r.firstMismatches().get(0);
    assertEquals(List.of("acc", "shift"), first.inputs().stream().map(CosimReport.PortValue::port).toList());
    long acc = Long.parseLong(first.inputs().get(0).decimal());
    int k = Integer.parseInt(first.inputs().get(1).decimal());
    assertTrue(k > 0 && Math.floorMod(acc, 1L << k) == 1L << (k - 1), "the first mismatch is a tie: acc=" + acc + " k=" + k);
    assertEquals(Long.parseLong(first.expected().get(0).decimal()) - 1, Long.parseLong(first.actual().get(0).decimal()));
    String text = r.toText();
    assertTrue(text.contains("acc=" + acc + " (0x") && text.contains("expected q=") && text.contains("actual   q="), text);
    String wave = Files.readString(vcd);
    assertTrue(wave.contains("$enddefinitions") && wave.contains(" acc ") && wave.contains(" q "), "a VCD with the ports");
  }

  @Test
  void exhaustive16BitShiftRoundOverAllShiftsAndRules() {
    ToolGate.require("verilator");
    for (Rounding rule : Rounding.values()) {
      Path mp = Designs.write(halfUp16(rule), dir);
      CosimReport r = Cosim.run(mp, options(1 << 20, "auto", "verilator"));
      assertTrue(r.stimulus().startsWith("exhaustive"), r.stimulus());
      assertEquals(1L << 20, r.checked(), "every 16-bit accumulator x every 4-bit shift");
      assertTrue(r.passed(), r.toText());
      System.out.printf("exhaustive %s: %d vectors, %d mismatches%n", rule.cliName(), r.checked(), r.mismatches());
    }
  }

  @Test
  void aSecondRunOfTheSameDesignSkipsTheVerilatorBuild() {
    ToolGate.require("verilator");
    // A name no earlier run has used, so the first build cannot come from the cache.
    String unique = "requant_cache_probe_" + Long.toHexString(System.nanoTime());
    Module real = ShiftRoundGenerator.generate(halfUp16(Rounding.HALF_EVEN));
    ModuleBuilder m = new ModuleBuilder(unique);
    real.params().forEach(m::param);
    var inst = m.instance("u", real).in("acc", m.input("acc", HwType.s(16))).in("shift", m.input("shift", HwType.u(4)));
    m.assign(m.output("q", HwType.s(8)), inst.out("q"));
    Path mp = DesignWriter.write(m.build(), "quantizer", SpecJson.toTree(halfUp16(Rounding.HALF_EVEN)), dir);
    CosimReport first = Cosim.run(mp, options(10_000, "uniform", "verilator"));
    CosimReport second = Cosim.run(mp, options(10_000, "uniform", "verilator"));
    assertFalse(first.buildCached());
    assertTrue(second.buildCached());
    assertTrue(first.passed() && second.passed());
  }

  @Test
  void icarusChecksXAndZ() {
    ToolGate.require("iverilog", "vvp");
    Path mp = Designs.write(halfUp16(Rounding.HALF_AWAY), dir);
    CosimReport r = Cosim.run(mp, options(10_000, "uniform", "icarus"));
    assertTrue(r.passed(), r.toText());
    assertTrue(r.simulator().startsWith("icarus"));
    // A design that leaves its output undriven (z) fails even where the expected value is 0.
    ModuleBuilder m = new ModuleBuilder("requant_floating_q");
    ShiftRoundGenerator.generate(halfUp16(Rounding.HALF_AWAY)).params().forEach(m::param);
    m.input("acc", HwType.s(16));
    m.input("shift", HwType.u(4));
    m.assign(m.output("q", HwType.s(8)), Expr.lit(0, HwType.s(8)));
    Path fp = DesignWriter.write(m.build(), "quantizer", SpecJson.toTree(halfUp16(Rounding.HALF_AWAY)), dir);
    Path v = dir.resolve("requant_floating_q.v");
    try {
      Files.writeString(v, Files.readString(v).replace("assign q = 8'sd0;", "assign q = 8'bzzzzzzzz;"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    CosimReport z = Cosim.run(fp, options(1000, "uniform", "icarus"));
    assertEquals(1000, z.mismatches());
    assertTrue(z.firstMismatches().get(0).note().contains("X/Z on q"), z.toText());
  }

  @Test
  void npyFilesReplayAccumulators() throws Exception {
    ToolGate.require("verilator");
    Path mp = Designs.write(new ShiftRoundSpec(32, new OutputSpec(8, true, false, true), Rounding.HALF_EVEN, OptionalInt.of(8), false, 0, false),
        dir);
    Path npy = dir.resolve("acc.npy");
    Npy.write(npy, "<i4", "(2, 3)", Npy.int32(1, -1, 128, -128, 384, Integer.MIN_VALUE));
    CosimReport r = Cosim.run(mp, options(1_000_000, npy.toString(), "verilator"));
    assertEquals(6, r.checked(), "one vector per value in the file");
    assertTrue(r.passed(), r.toText());
  }

  @Test
  void badNpyFilesAreClearErrors() throws Exception {
    Path mp = Designs.write(halfUp16(Rounding.FLOOR), dir);
    Path floats = dir.resolve("f.npy");
    Npy.write(floats, "<f4", "(1,)", new byte[4]);
    IllegalArgumentException f = assertThrows(IllegalArgumentException.class, () -> Cosim.run(mp, options(10, floats.toString(), "verilator")));
    assertTrue(f.getMessage().contains("holds floating-point data"), f.getMessage());
    Path junk = dir.resolve("junk.npy");
    Files.writeString(junk, "not numpy at all");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Cosim.run(mp, options(10, junk.toString(), "verilator")))
        .getMessage().contains("is not a NumPy .npy file"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Stimulus.parse(dir.resolve("missing.npy").toString()))
        .getMessage().contains("does not exist or cannot be read"));
    Path wide = dir.resolve("wide.npy");
    Npy.write(wide, "<i4", "(1,)", Npy.int32(1 << 20));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Cosim.run(mp, options(10, wide.toString(), "verilator")))
        .getMessage().contains("does not fit the 16-bit signed accumulator"));
  }

  @Test
  void aManifestThatDoesNotMatchItsVerilogIsRefused() throws Exception {
    ToolGate.require("verilator");
    Path mp = Designs.write(halfUp16(Rounding.FLOOR), dir);
    Files.writeString(mp, Files.readString(mp).replace("\"name\": \"shift\"", "\"name\": \"k\""));
    ManifestException e = assertThrows(ManifestException.class, () -> Cosim.run(mp, options(10, "uniform", "verilator")));
    assertTrue(e.getMessage().contains("port 'k' is in the manifest but not in the Verilog")
        && e.getMessage().contains("port 'shift' is in the Verilog but not in the manifest"), e.getMessage());
  }

  @Test
  void aCrashingHarnessIsReportedWithItsExitCode() {
    ToolGate.require("verilator");
    Path mp = Designs.write(halfUp16(Rounding.FLOOR), dir);
    var m = ManifestIo.read(mp);
    VerilatorCosim sim = VerilatorCosim.build(m, dir, false);
    QuantizerRecords src = new QuantizerRecords(m, Stimulus.parse("uniform"), 100_000, 1);
    ToolException e = assertThrows(ToolException.class,
        () -> sim.run(src, 100_000, 4096, 5, Duration.ofMinutes(1), List.of("--abort-at", "5000")));
    assertTrue(e.getMessage().contains("crashed (exit code 134)"), e.getMessage());
  }

  @Test
  void unknownDesignKindsAndStimuliAreClearErrors() {
    Path mp = DesignWriter.write(dev.qrtl.gen.Examples.macCell(8, 8, 24), "example", null, dir);
    assertTrue(assertThrows(ManifestException.class, () -> Cosim.run(mp, options(10, "uniform", "verilator")))
        .getMessage().contains("no golden model for designs of kind 'example'"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Stimulus.parse("poisson:lambda=3"))
        .getMessage().startsWith("unknown stimulus 'poisson'"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Stimulus.parse("gaussian:sigma=-2"))
        .getMessage().contains("must be positive"));
  }
}
