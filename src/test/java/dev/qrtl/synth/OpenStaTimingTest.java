package dev.qrtl.synth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.manifest.PortSpec;
import dev.qrtl.kind.Designs;
import dev.qrtl.spec.OutputSpec;
import dev.qrtl.spec.Rounding;
import dev.qrtl.spec.ShiftRoundSpec;
import dev.qrtl.testing.Golden;
import dev.qrtl.testing.Netlists;
import dev.qrtl.testing.OpenSta;
import dev.qrtl.testing.TechFiles;
import dev.qrtl.testing.ToolGate;
import dev.qrtl.verilog.DesignWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * qrtl's static timing against OpenSTA 2.0.17's on the same mapped netlists, with the same
 * conditions: the library's default wire-load model (OpenSTA applies it without being told, qrtl's
 * {@code --wire-load auto}), 0.02 ns on every input and on the clock, no output load. Eleven
 * designs on each of NanGate45 and SKY130 hd - a 32-bit adder, a 16x16 multiplier, every
 * requantizer at 32 -> 8 (the committed default designs), a pipelined requantizer and a MAC PE -
 * and the critical path must agree within 5 % on every one. OpenSTA is installed by
 * bin/install-deps where the distribution packages it, and there CI runs this test.
 */
@Tag("tools")
class OpenStaTimingTest {
  private static final double SLEW = TimingConditions.DEFAULT_INPUT_SLEW_NS;
  @TempDir Path dir;

  private List<Path> designs() {
    List<Path> out = new ArrayList<>();
    out.add(DesignWriter.write(Netlists.adder32(), "example", null, dir.resolve("adder")));
    out.add(DesignWriter.write(Netlists.multiplier16(), "example", null, dir.resolve("mul")));
    for (String m : List.of("shift_round_a32_q8s_half_up_krt", "shift_round_a32_q8s_half_up_k10", "floor_a32_q8s_krt",
        "tflite_double_a32_q8s_mrt_srt_zrt", "tflite_single_a32_q8s_mrt_srt_zrt", "fp32_scale_a32_q8s_frt_zrt", "threshold_a32_q8s_trt")) {
      out.add(Golden.projectRoot().resolve("rtl-out/requant_" + m + ".json"));
    }
    out.add(Designs.write(new ShiftRoundSpec(32, new OutputSpec(8, true, false, true), Rounding.HALF_UP, OptionalInt.empty(), true, 1, false),
        dir.resolve("pipelined")));
    out.add(DesignWriter.write(dev.qrtl.gen.Examples.macCell(8, 8, 24), "example", null, dir.resolve("pe")));
    return out;
  }

  @Test
  void criticalPathsAgreeWithOpenStaWithinFivePercent() throws Exception {
    ToolGate.require("yosys");
    ToolGate.requireWherePackaged("sta", "opensta");
    List<String> failures = new ArrayList<>();
    StringBuilder table = new StringBuilder("| library | design | qrtl (ns) | OpenSTA (ns) | difference |\n|---|---|---:|---:|---:|\n");
    for (Path lib : List.of(TechFiles.nangate45(), TechFiles.sky130hd())) {
      var tech = TechLibraries.fromFile(lib);
      List<Path> ds = designs();
      List<SynthResult> rs = SynthRunner.runAll(ds, tech, SynthMode.FLAT, Duration.ofMinutes(20));
      for (int i = 0; i < ds.size(); i++) {
        Manifest m = ManifestIo.read(ds.get(i));
        SynthResult r = rs.get(i);
        Path work = Files.createDirectories(dir.resolve("sta-" + tech.library().name() + "-" + i));
        double sta = OpenSta.criticalPathNs(tech.plainFile(), Path.of(r.netlistDir(), "netlist.v"), m.top(),
            m.dataInputs().stream().map(PortSpec::name).toList(), m.clock() != null, SLEW, work);
        double rel = (r.criticalPathNs() - sta) / sta;
        table.append(String.format(Locale.ROOT, "| %s | %s | %.4f | %.4f | %+.1f %% |%n", tech.library().name(), m.top(),
            r.criticalPathNs(), sta, 100 * rel));
        if (Math.abs(rel) > 0.05) {
          failures.add(m.top() + " on " + tech.library().name() + ": " + String.format(Locale.ROOT, "%+.1f %%", 100 * rel));
        }
      }
    }
    System.out.print("static timing against OpenSTA 2.0.17 (wire load: library default; input and clock transition "
        + SLEW + " ns; no output load)\n" + table);
    assertTrue(failures.isEmpty(), "critical paths more than 5 % from OpenSTA's: " + failures);
  }
}
