package dev.qrtl.verilog;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.core.Module;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.testing.Corpus;
import dev.qrtl.testing.ToolGate;
import dev.qrtl.tools.LintResult;
import dev.qrtl.tools.Linter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every corpus design passes verilator -Wall, iverilog -g2005 -Wall and yosys with no warning. */
@Tag("tools")
class LintCorpusTest {
  @TempDir Path dir;

  static Stream<Arguments> corpus() {
    return Corpus.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void corpusDesignIsLintClean(String name, Supplier<Module> design) {
    ToolGate.require("verilator", "iverilog", "yosys");
    Manifest m = ManifestIo.read(DesignWriter.write(design.get(), "example", null, dir));
    List<Path> files = m.files().stream().map(dir::resolve).toList();
    for (LintResult r : Linter.lintAll(files, m.top())) {
      assertTrue(r.clean(), r.tool() + " warns on " + name + ":\n" + r.messages());
    }
  }
}
