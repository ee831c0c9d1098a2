package dev.qrtl.gen.quant;

import dev.qrtl.spec.OutputSpec;
import dev.qrtl.spec.QuantizerSpec;
import dev.qrtl.spec.ShiftRoundSpec;
import dev.qrtl.spec.TfliteSpec;
import dev.qrtl.spec.Fp32ScaleSpec;
import dev.qrtl.spec.ThresholdSpec;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.core.Module;
import dev.qrtl.gen.DefaultDesigns;
import dev.qrtl.gen.GeneratedDesign;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.spec.Rounding;
import dev.qrtl.testing.SideBySide;
import dev.qrtl.testing.ToolGate;
import dev.qrtl.tools.LintResult;
import dev.qrtl.tools.Linter;
import dev.qrtl.verilog.DesignWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every requantizer configuration we test is lint-clean with all three tools: the default designs
 * one by one, and a matrix of schemes, widths and options linted together in one wrapper.
 */
@Tag("tools")
class QuantizerLintTest {
  @TempDir Path dir;

  static List<QuantizerSpec> matrix() {
    List<QuantizerSpec> specs = new ArrayList<>();
    int[][] widths = {{2, 2}, {12, 4}, {16, 8}, {32, 8}, {40, 16}, {64, 8}};
    for (int[] w : widths) {
      for (boolean signed : new boolean[] {true, false}) {
        OutputSpec out = new OutputSpec(w[1], signed, !signed, true);
        for (Rounding r : Rounding.values()) {
          specs.add(new ShiftRoundSpec(w[0], out, r, OptionalInt.empty(), true, 0, false));
          specs.add(new ShiftRoundSpec(w[0], out, r, OptionalInt.of(w[0] - 1), false, 1, false));
          specs.add(new ShiftRoundSpec(w[0], out, r, OptionalInt.of(0), false, 0, false));
        }
        specs.add(new ShiftRoundSpec(w[0], new OutputSpec(w[1], signed, true, false), Rounding.HALF_EVEN,
            OptionalInt.of(w[0] / 2), false, 2, false));
        specs.add(new Fp32ScaleSpec(w[0], out, Optional.empty(), OptionalLong.empty(), true, 1));
        specs.add(new Fp32ScaleSpec(w[0], out, Optional.of(0.01f), OptionalLong.of(1), false, 0));
        if (w[0] <= 32) {
          for (boolean single : new boolean[] {false, true}) {
            specs.add(new TfliteSpec(w[0], out, single, OptionalInt.empty(), OptionalInt.empty(), OptionalLong.empty(), true, 2));
            specs.add(new TfliteSpec(w[0], out, single, OptionalInt.of(1 << 30), OptionalInt.of(-5), OptionalLong.of(0), false, 0));
            specs.add(new TfliteSpec(w[0], out, single, OptionalInt.of(Integer.MAX_VALUE), OptionalInt.of(3), OptionalLong.of(1), false, 0));
          }
        }
        if (w[1] <= 4) {
          specs.add(new ThresholdSpec(w[0], out, Optional.empty(), 1));
          long[] t = new long[(1 << w[1]) - 1];
          for (int i = 0; i < t.length; i++) {
            t[i] = i - t.length / 2;
          }
          specs.add(new ThresholdSpec(w[0], out, Optional.of(t), 0));
        }
      }
    }
    return specs;
  }

  @Test
  void matrixOfConfigurationsIsLintClean() {
    ToolGate.require("verilator", "iverilog", "yosys");
    Map<String, Module> unique = new LinkedHashMap<>();
    for (QuantizerSpec s : matrix()) {
      Module m = QuantizerGenerator.generate(s);
      unique.putIfAbsent(m.name(), m);
    }
    Module top = SideBySide.wrap("quantizer_matrix", new ArrayList<>(unique.values()));
    lintClean(DesignWriter.write(top, "test", dir));
    System.out.println("lint: " + unique.size() + " distinct requantizer configurations clean in verilator, iverilog, yosys");
  }

  @Test
  void everyDefaultDesignIsLintCleanOnItsOwn() {
    ToolGate.require("verilator", "iverilog", "yosys");
    for (GeneratedDesign d : DefaultDesigns.all()) {
      lintClean(DesignWriter.write(d.module(), d.kind(), dir));
    }
  }

  private void lintClean(Path manifestPath) {
    Manifest m = ManifestIo.read(manifestPath);
    List<Path> files = m.files().stream().map(dir::resolve).toList();
    for (LintResult r : Linter.lintAll(files, m.top())) {
      assertTrue(r.clean(), r.tool() + " warns on " + m.top() + ":\n" + r.messages());
    }
  }
}
