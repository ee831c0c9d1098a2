package dev.qrtl.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qrtl.core.Module;
import dev.qrtl.kind.BlockDotRecords;
import dev.qrtl.kind.BlockRecords;
import dev.qrtl.kind.Designs;
import dev.qrtl.kind.GeneratedDesign;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.sim.CosimResult;
import dev.qrtl.sim.RecordSource;
import dev.qrtl.sim.Simulator;
import dev.qrtl.spec.BlockDotSpec;
import dev.qrtl.spec.BlockQuantizerSpec;
import dev.qrtl.spec.BlockQuantizerSpec.BlockInput;
import dev.qrtl.spec.BlockQuantizerSpec.ScaleOverflow;
import dev.qrtl.spec.BlockQuantizerSpec.ScaleRule;
import dev.qrtl.spec.BlockQuantizerSpec.ZeroBlock;
import dev.qrtl.spec.MxFormat;
import dev.qrtl.spec.Rounding;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.testing.Bundle;
import dev.qrtl.testing.ToolGate;
import dev.qrtl.verilog.DesignWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MX block quantizers of every format at K = 8 and K = 32 in Verilator and Icarus, each against
 * its golden model: per format three designs (16-bit integers with a run-time exponent, floor rule,
 * ties to even; with a constant exponent, ceil rule, ties away; fp32 inputs), all 18 of one K in
 * one bundled build. Each design sees the corner blocks, then seeded random blocks (uniform
 * integers, fp32 values over 80 octaves): Verilator 20,000 blocks per design at K = 32 in CI and
 * 350,000 with {@code -Dqrtl.full=true} (over 10^6 per format, about 3 minutes), 10^5 at K = 8;
 * Icarus the corner blocks and a few random ones with X/Z checked.
 */
@Tag("tools")
class MxCosimTest {
  private static final long SEED = 20261207L;
  private static final boolean FULL = Boolean.getBoolean("qrtl.full");
  @TempDir Path dir;

  static List<BlockQuantizerSpec> designs(int k) {
    List<BlockQuantizerSpec> out = new ArrayList<>();
    for (MxFormat f : MxFormat.values()) {
      out.add(new BlockQuantizerSpec(f, k, BlockInput.integer(16, OptionalInt.empty()), ScaleRule.FLOOR, Rounding.HALF_EVEN, false,
          ScaleOverflow.NAN, ZeroBlock.MIN, 0));
      out.add(new BlockQuantizerSpec(f, k, BlockInput.integer(16, OptionalInt.of(-4)), ScaleRule.CEIL, Rounding.HALF_AWAY, false,
          ScaleOverflow.NAN, ZeroBlock.MIN, 0));
      out.add(BlockQuantizerSpec.of(f, k, BlockInput.fp32()));
    }
    return out;
  }

  static List<BlockDotSpec> dots(int k) {
    List<BlockDotSpec> out = new ArrayList<>();
    for (MxFormat f : MxFormat.values()) {
      for (BlockDotSpec.Accumulation a : BlockDotSpec.Accumulation.values()) {
        out.add(new BlockDotSpec(f, true, k, a, 0));
      }
    }
    out.add(new BlockDotSpec(MxFormat.MXINT8, false, k, BlockDotSpec.Accumulation.EXACT, 0));
    return out;
  }

  private CosimResult runDots(int k, long pairs, Simulator sim) {
    List<Module> modules = new ArrayList<>();
    List<Manifest> manifests = new ArrayList<>();
    List<RecordSource> sources = new ArrayList<>();
    Path folder = dir.resolve("dot_" + sim.name().toLowerCase() + "_k" + k);
    for (BlockDotSpec s : dots(k)) {
      GeneratedDesign d = Designs.generate(s);
      Manifest man = ManifestIo.read(Designs.write(d, folder.resolve("units")));
      modules.add(d.module());
      manifests.add(man);
      sources.add(new BlockDotRecords(man, s, Stimulus.parse("gaussian:sigma=2000"), pairs, SEED, false));
    }
    Manifest wrapper = ManifestIo.read(DesignWriter.write(Bundle.wrap("mxdot_bundle_k" + k, modules), "test", null, folder));
    return sim.backend().compile(wrapper, folder, false).run(new Bundle(wrapper, manifests, sources), pairs, 5, Duration.ofMinutes(20),
        null);
  }

  @Test
  void everyBlockDotProductInVerilatorAndIcarus() {
    ToolGate.require("verilator", "iverilog", "vvp");
    for (int k : new int[] {8, 32}) {
      for (Simulator sim : Simulator.values()) {
        long pairs = sim == Simulator.ICARUS ? (k == 32 ? 600 : 1_500) : (k == 32 ? (FULL ? 200_000 : 20_000) : 50_000);
        long t0 = System.nanoTime();
        CosimResult r = runDots(k, pairs, sim);
        System.out.printf("%s: %d block dot products at K = %d in one build (every format exact and binary32, the int8 one), %,d block"
            + " pairs each, corners first (seed %d): %d mismatches, %.1f s%n", sim.name().toLowerCase(), dots(k).size(), k, pairs, SEED,
            r.mismatches(), (System.nanoTime() - t0) / 1e9);
        assertEquals(0, r.mismatches(), r.firstMismatches().toString());
        assertEquals(pairs, r.checked());
      }
    }
  }

  @Test
  void groupScaledPesInVerilatorAndIcarus() {
    ToolGate.require("verilator", "iverilog", "vvp");
    List<dev.qrtl.spec.GroupPeSpec> pes = List.of(
        new dev.qrtl.spec.GroupPeSpec(8, 4, 4096, dev.qrtl.spec.GroupPeSpec.Granularity.GROUP, 32, dev.qrtl.spec.GroupPeSpec.GroupScale.SHIFT, 4, 0),
        new dev.qrtl.spec.GroupPeSpec(8, 4, 4096, dev.qrtl.spec.GroupPeSpec.Granularity.GROUP, 64, dev.qrtl.spec.GroupPeSpec.GroupScale.DYADIC, 8, 0),
        new dev.qrtl.spec.GroupPeSpec(8, 8, 4096, dev.qrtl.spec.GroupPeSpec.Granularity.GROUP, 128, dev.qrtl.spec.GroupPeSpec.GroupScale.FP16, 16, 0),
        new dev.qrtl.spec.GroupPeSpec(8, 8, 4096, dev.qrtl.spec.GroupPeSpec.Granularity.TENSOR, 0, dev.qrtl.spec.GroupPeSpec.GroupScale.SHIFT, 4, 0));
    for (var s : pes) {
      Path mp = Designs.write(s, dir.resolve("pe"));
      for (Simulator sim : Simulator.values()) {
        long cycles = sim == Simulator.VERILATOR ? 100_000 : 3_000;
        dev.qrtl.cosim.CosimReport r = dev.qrtl.cosim.Cosim.run(mp, new dev.qrtl.cosim.CosimOptions(cycles, SEED, Stimulus.parse("uniform"),
            sim, null, 3, Duration.ofMinutes(10)));
        org.junit.jupiter.api.Assertions.assertTrue(r.passed() && r.checked() >= cycles, s.moduleName() + " in " + sim + ":\n" + r.toText());
      }
    }
    System.out.printf("group-scaled PEs: 4 designs in Verilator (100,000 cycles each) and Icarus (3,000 cycles, X/Z checked), seed %d: all pass%n",
        SEED);
  }

  private CosimResult run(int k, long blocks, Simulator sim) {
    List<Module> modules = new ArrayList<>();
    List<Manifest> manifests = new ArrayList<>();
    List<RecordSource> sources = new ArrayList<>();
    Path folder = dir.resolve(sim.name().toLowerCase() + "_k" + k);
    for (BlockQuantizerSpec s : designs(k)) {
      GeneratedDesign d = Designs.generate(s);
      Manifest man = ManifestIo.read(Designs.write(d, folder.resolve("units")));
      modules.add(d.module());
      manifests.add(man);
      sources.add(new BlockRecords(man, s, Stimulus.parse("uniform"), blocks, SEED, 1, false));
    }
    Manifest wrapper = ManifestIo.read(DesignWriter.write(Bundle.wrap("mx_bundle_k" + k, modules), "test", null, folder));
    return sim.backend().compile(wrapper, folder, false).run(new Bundle(wrapper, manifests, sources), blocks, 5, Duration.ofMinutes(20),
        null);
  }

  @Test
  void everyFormatInVerilator() {
    ToolGate.require("verilator");
    for (int k : new int[] {8, 32}) {
      long blocks = k == 32 ? (FULL ? 350_000 : 20_000) : 100_000;
      long t0 = System.nanoTime();
      CosimResult r = run(k, blocks, Simulator.VERILATOR);
      System.out.printf("verilator: %d MX block quantizers at K = %d in one build, %,d blocks each (seed %d): %,d records checked,"
          + " %d mismatches, %.1f s%n", designs(k).size(), k, blocks, SEED, r.checked(), r.mismatches(), (System.nanoTime() - t0) / 1e9);
      assertEquals(0, r.mismatches(), r.firstMismatches().toString());
      assertEquals(blocks, r.checked()); // records, each checking every design's scale and elements
    }
  }

  @Test
  void everyFormatInIcarusWithNoXOrZ() {
    ToolGate.require("iverilog", "vvp");
    for (int k : new int[] {8, 32}) {
      long blocks = k == 32 ? 60 : 120;
      long t0 = System.nanoTime();
      CosimResult r = run(k, blocks, Simulator.ICARUS);
      System.out.printf("icarus: %d MX block quantizers at K = %d, %d blocks each (the corners first): %d mismatches (X/Z included), %.1f s%n",
          designs(k).size(), k, blocks, r.mismatches(), (System.nanoTime() - t0) / 1e9);
      assertEquals(0, r.mismatches(), r.firstMismatches().toString());
    }
  }
}
