package dev.qrtl.gen.quant;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.core.Module;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.kind.DefaultDesigns;
import dev.qrtl.kind.Designs;
import dev.qrtl.kind.GeneratedDesign;
import dev.qrtl.scheme.Schemes;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every requantizer configuration we test is lint-clean with all three tools: the default designs
 * one by one, and the case registry's lint matrix (every scheme, widths 2..64, options) linted
 * together in one wrapper.
 */
@Tag("tools")
class QuantizerLintTest {
  @TempDir Path dir;

  @Test
  void matrixOfConfigurationsIsLintClean() {
    ToolGate.require("verilator", "iverilog", "yosys");
    Map<String, Module> unique = new LinkedHashMap<>();
    for (Cases.Quantizer c : Cases.lintMatrix()) {
      Module m = Schemes.generate(c.spec());
      unique.putIfAbsent(m.name(), m);
    }
    Module top = SideBySide.wrap("quantizer_matrix", new ArrayList<>(unique.values()));
    lintClean(DesignWriter.write(top, "test", null, dir));
    System.out.println("lint: " + unique.size() + " distinct requantizer configurations clean in verilator, iverilog, yosys");
  }

  @Test
  void everyDefaultDesignIsLintCleanOnItsOwn() {
    ToolGate.require("verilator", "iverilog", "yosys");
    for (GeneratedDesign d : DefaultDesigns.all()) {
      lintClean(Designs.write(d, dir));
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
