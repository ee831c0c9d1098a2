package dev.qrtl.gen.mac;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.core.Module;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.kind.Designs;
import dev.qrtl.scheme.Schemes;
import dev.qrtl.spec.ConventionalSpec;
import dev.qrtl.spec.Fp32ScaleSpec;
import dev.qrtl.spec.MacArraySpec;
import dev.qrtl.spec.MacForm;
import dev.qrtl.spec.OutputSpec;
import dev.qrtl.spec.QuantizerSpec;
import dev.qrtl.spec.Rounding;
import dev.qrtl.spec.ShiftRoundSpec;
import dev.qrtl.spec.TfliteSpec;
import dev.qrtl.spec.ThresholdSpec;
import dev.qrtl.spec.UnifiedSpec;
import dev.qrtl.testing.Cases;
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

/** The MAC-array configurations we test, and a 32x32 unified module (64x64 with {@code -Dqrtl.full=true}), are lint-clean in all three tools. */
@Tag("tools")
class MacArrayLintTest {
  @TempDir Path dir;

  private void lintClean(Module top) {
    Manifest m = ManifestIo.read(DesignWriter.write(top, "test", null, dir));
    List<Path> files = m.files().stream().map(dir::resolve).toList();
    for (LintResult r : Linter.lintAll(files, m.top())) {
      assertTrue(r.clean(), r.tool() + " warns on " + m.top() + ":\n" + r.messages().lines().limit(30).toList());
    }
  }

  @Test
  void arraysUnifiedAndConventionalModulesAreLintClean() {
    ToolGate.require("verilator", "iverilog", "yosys");
    Map<String, Module> designs = new LinkedHashMap<>();
    for (boolean aSigned : new boolean[] {true, false}) {
      for (boolean wSigned : new boolean[] {true, false}) {
        for (int bits : new int[] {2, 8, 16}) {
          MacArraySpec[] forms = {
            new MacArraySpec(3, 2, bits, aSigned, bits, wSigned, 16, OptionalInt.empty(), MacForm.SYSTOLIC, 1, true, false),
            new MacArraySpec(2, 3, bits, aSigned, bits, wSigned, 16, OptionalInt.empty(), MacForm.SYSTOLIC, 1, false, false),
            new MacArraySpec(2, 2, bits, aSigned, bits, wSigned, 16, OptionalInt.empty(), MacForm.BROADCAST, 1, true, false),
            new MacArraySpec(2, 2, bits, aSigned, bits, wSigned, 16, OptionalInt.of(40), MacForm.BROADCAST, 4, true, true),
          };
          for (MacArraySpec s : forms) {
            Module m = MacArrayGenerator.generate(s);
            designs.putIfAbsent(m.name(), m);
          }
        }
      }
    }
    MacArraySpec a = new MacArraySpec(2, 3, 8, true, 8, true, 64, OptionalInt.empty(), MacForm.SYSTOLIC, 1, true, false);
    OutputSpec s8 = new OutputSpec(8, true, true, true);
    List<QuantizerSpec> epilogues = List.of(
        new ShiftRoundSpec(a.accBits(), s8, Rounding.HALF_EVEN, OptionalInt.empty(), true, 1, false),
        new ShiftRoundSpec(a.accBits(), s8, Rounding.FLOOR, OptionalInt.of(7), false, 0, true),
        new ShiftRoundSpec(a.accBits(), s8, Rounding.HALF_UP, OptionalInt.empty(), false, 0, false, List.of(3, 4, 5)),
        new TfliteSpec(a.accBits(), s8, false, OptionalInt.empty(), OptionalInt.empty(), OptionalLong.empty(), true, 0),
        new TfliteSpec(a.accBits(), s8, true, OptionalInt.of(1 << 30), OptionalInt.of(-9), OptionalLong.of(0), false, 2),
        new Fp32ScaleSpec(a.accBits(), s8, Optional.empty(), OptionalLong.empty(), true, 0),
        new ThresholdSpec(a.accBits(), new OutputSpec(3, true, false, true), Optional.empty(), 0));
    for (QuantizerSpec e : epilogues) {
      Module u = UnifiedGenerator.generate(new UnifiedSpec(a, e), Schemes::generate);
      designs.putIfAbsent(u.name(), u);
    }
    ShiftRoundSpec conv = new ShiftRoundSpec(a.accBits(), s8, Rounding.HALF_UP, OptionalInt.empty(), true, 0, false);
    ShiftRoundSpec bn = new ShiftRoundSpec(ConventionalSpec.bnValueBits(conv, 8, 16), s8, Rounding.HALF_UP, OptionalInt.empty(), false, 0, false);
    Module c = ConventionalGenerator.generate(new ConventionalSpec(a, conv, 8, 16, bn), Schemes::generate);
    designs.putIfAbsent(c.name(), c);
    for (Cases.Array ac : Cases.arrays()) {
      Module m = Designs.generate(ac.spec()).module();
      designs.putIfAbsent(m.name(), m);
    }
    lintClean(SideBySide.wrap("mac_matrix", new ArrayList<>(designs.values())));
    System.out.println("lint: " + designs.size() + " MAC-array, unified and conventional designs clean");
  }

  /** The large unified module's side: 32 in CI (about 20 s), 64 with {@code -Dqrtl.full=true} (about 85 s on 2 cores). */
  private static final int LARGE = Boolean.getBoolean("qrtl.full") ? 64 : 32;

  @Test
  void aLargeUnifiedModuleIsLintClean() {
    ToolGate.require("verilator", "iverilog", "yosys");
    MacArraySpec a = new MacArraySpec(LARGE, LARGE, 8, true, 8, true, 256, OptionalInt.empty(), MacForm.SYSTOLIC, 1, true, false);
    lintClean(UnifiedGenerator.generate(new UnifiedSpec(a,
        new ShiftRoundSpec(a.accBits(), new OutputSpec(8, true, true, true), Rounding.HALF_UP, OptionalInt.empty(), true, 0, false)),
        Schemes::generate));
  }
}
