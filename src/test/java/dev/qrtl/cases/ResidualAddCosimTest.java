package dev.qrtl.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qrtl.core.Module;
import dev.qrtl.golden.ResidualAddModel;
import dev.qrtl.kind.Designs;
import dev.qrtl.kind.GeneratedDesign;
import dev.qrtl.kind.ResidualAddRecords;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.sim.CosimResult;
import dev.qrtl.sim.PortLayout;
import dev.qrtl.sim.RecordSource;
import dev.qrtl.sim.Simulator;
import dev.qrtl.spec.ResidualAddSpec;
import dev.qrtl.spec.ResidualAddSpec.AddScheme;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.testing.Bundle;
import dev.qrtl.testing.ToolGate;
import dev.qrtl.verilog.DesignWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The residual-add unit of every scheme against its golden model, in one Verilator build per
 * width: exhaustive at 3 bits (every a, b, za, zb, zy: 32,768 records for each of 16 scale
 * parameter sets, 524,288 per design, signed and unsigned), and at int8 the corner records then
 * 10^6 seeded random records per design (half with every parameter over its whole range, half with
 * the parameters a deployment computes for ratios between 1/8 and 8); Icarus the corners and a few
 * thousand random records with X/Z checked.
 */
@Tag("tools")
class ResidualAddCosimTest {
  private static final long SEED = 20261207L;
  @TempDir Path dir;

  static List<ResidualAddSpec> designs(int bits, boolean signed) {
    List<ResidualAddSpec> out = new ArrayList<>();
    for (AddScheme s : AddScheme.values()) {
      ResidualAddSpec d = ResidualAddSpec.of(s, bits);
      out.add(new ResidualAddSpec(d.scheme(), bits, signed, d.rounding(), d.mBits()));
    }
    out.add(new ResidualAddSpec(AddScheme.SHIFT_ROUND, bits, signed, dev.qrtl.spec.Rounding.HALF_EVEN, 0));
    out.add(new ResidualAddSpec(AddScheme.DYADIC, bits, signed, dev.qrtl.spec.Rounding.HALF_AWAY, 4));
    return out;
  }

  private CosimResult run(String name, List<ResidualAddSpec> specs, long records, Simulator sim,
      BiFunction<Manifest, ResidualAddSpec, RecordSource> source) {
    List<Module> modules = new ArrayList<>();
    List<Manifest> manifests = new ArrayList<>();
    List<RecordSource> sources = new ArrayList<>();
    Path folder = dir.resolve(sim.name().toLowerCase() + "_" + name);
    for (ResidualAddSpec s : specs) {
      GeneratedDesign d = Designs.generate(s);
      Manifest man = ManifestIo.read(Designs.write(d, folder.resolve("units")));
      modules.add(d.module());
      manifests.add(man);
      sources.add(source.apply(man, s));
    }
    Manifest wrapper = ManifestIo.read(DesignWriter.write(Bundle.wrap("radd_bundle_" + name, modules), "test", null, folder));
    return sim.backend().compile(wrapper, folder, false).run(new Bundle(wrapper, manifests, sources), records, 5, Duration.ofMinutes(20),
        null);
  }

  /**
   * Every (a, b, za, zb, zy) at 3 bits, for 16 scale parameter sets per design drawn as the random
   * records draw them (the first 8 over the whole range, the last 8 from ratios between 1/8 and 8).
   */
  static final class Exhaustive implements RecordSource {
    private final ResidualAddSpec spec;
    private final PortLayout layout;
    private final long[][] scaleSets;
    private long produced;

    Exhaustive(Manifest m, ResidualAddSpec s) {
      this.spec = s;
      this.layout = PortLayout.of(m);
      SplittableRandom r = new SplittableRandom(SEED ^ s.moduleName().hashCode());
      int n = s.params().size() - 3;
      scaleSets = new long[16][];
      for (int i = 0; i < 16; i++) {
        if (i < 8) {
          long[] p = new long[n];
          for (int j = 0; j < n; j++) {
            var q = s.params().get(3 + j);
            p[j] = s.scheme() == AddScheme.FP32_SCALE ? (long) r.nextInt(2) << 31 | (long) r.nextInt(100, 140) << 23 | r.nextInt(1 << 23)
                : q.signed() ? r.nextLong(-(1L << (q.bits() - 1)), 1L << (q.bits() - 1)) : r.nextLong(1L << q.bits());
          }
          scaleSets[i] = p;
        } else {
          scaleSets[i] = ResidualAddModel.scaleParams(s, Math.exp((r.nextDouble() * 2 - 1) * Math.log(8)),
              Math.exp((r.nextDouble() * 2 - 1) * Math.log(8)), 1);
        }
      }
    }

    static long records() {
      return 16L * (1 << 15);
    }

    @Override
    public void fill(long[] buf, int n) {
      int rec = layout.recordWords();
      int bits = spec.bits();
      long lo = spec.signed() ? -(1L << (bits - 1)) : 0;
      for (int r = 0; r < n; r++, produced++) {
        int base = r * rec;
        java.util.Arrays.fill(buf, base, base + rec, 0L);
        if (produced >= records()) {
          continue;
        }
        long code = produced & 0x7FFF;
        long[] scale = scaleSets[(int) (produced >> 15)];
        long[] in = new long[5 + scale.length];
        for (int i = 0; i < 5; i++) {
          in[i] = lo + ((code >> (3 * i)) & 7);
        }
        System.arraycopy(scale, 0, in, 5, scale.length);
        for (int i = 0; i < in.length; i++) {
          buf[base + layout.inputOffset(i)] = in[i];
        }
        buf[base] = 1;
        buf[base + layout.outputOffset(0)] = ResidualAddModel.apply(spec, in[0], in[1], java.util.Arrays.copyOfRange(in, 2, in.length));
      }
    }
  }

  @Test
  void everySchemeExhaustivelyAtThreeBitsInVerilator() {
    ToolGate.require("verilator");
    for (boolean signed : new boolean[] {true, false}) {
      long t0 = System.nanoTime();
      List<ResidualAddSpec> specs = designs(3, signed);
      CosimResult r = run("b3" + (signed ? "s" : "u"), specs, Exhaustive.records(), Simulator.VERILATOR, Exhaustive::new);
      System.out.printf("verilator: %d residual adds at 3 bits (%s), every a, b, za, zb, zy for 16 scale sets each: %,d records, %d"
          + " mismatches, %.1f s%n", specs.size(), signed ? "signed" : "unsigned", r.checked(), r.mismatches(),
          (System.nanoTime() - t0) / 1e9);
      assertEquals(0, r.mismatches(), r.firstMismatches().toString());
      assertEquals(Exhaustive.records(), r.checked());
    }
  }

  @Test
  void everySchemeAtInt8WithAMillionRandomRecordsInVerilator() {
    ToolGate.require("verilator");
    long records = 1_000_000;
    long t0 = System.nanoTime();
    List<ResidualAddSpec> specs = designs(8, true);
    CosimResult r = run("int8", specs, records, Simulator.VERILATOR, (m, s) -> new ResidualAddRecords(m, s, Stimulus.parse("uniform"),
        records, SEED, 1, false));
    System.out.printf("verilator: %d residual adds at int8, corners then random records, %,d each (seed %d): %d mismatches, %.1f s%n",
        specs.size(), records, SEED, r.mismatches(), (System.nanoTime() - t0) / 1e9);
    assertEquals(0, r.mismatches(), r.firstMismatches().toString());
    assertEquals(records, r.checked());
  }

  @Test
  void everySchemeInIcarusWithNoXOrZ() {
    ToolGate.require("iverilog", "vvp");
    long records = 3_000;
    CosimResult r = run("icarus", designs(8, true), records, Simulator.ICARUS, (m, s) -> new ResidualAddRecords(m, s,
        Stimulus.parse("uniform"), records, SEED, 1, false));
    System.out.printf("icarus: residual adds at int8, %,d records each (corners first, X/Z checked): %d mismatches%n", records,
        r.mismatches());
    assertEquals(0, r.mismatches(), r.firstMismatches().toString());
  }
}
