package dev.qrtl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.kind.Designs;
import dev.qrtl.results.CompareResult;
import dev.qrtl.results.CompareRow;
import dev.qrtl.results.ResultFiles;
import dev.qrtl.results.RowVerification;
import dev.qrtl.synth.SynthResult;
import dev.qrtl.synth.SynthRunner;
import dev.qrtl.synth.TechLibraries;
import dev.qrtl.testing.ToolGate;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qrtl compare} with MX block quantizers beside a requantizer: the block row is the unit's
 * synthesis divided by K (area, NAND2 equivalents; cells and delay the unit's), it carries K, its
 * RTL co-simulated and its lean form proved, its ratio to the baseline taken per element; a form
 * whose element width is not swept is left out, not listed as skipped.
 */
@Tag("tools")
class BlockCompareCliTest {
  @TempDir Path dir;

  @Test
  void blockQuantizersArePricedPerElementBesideTheRequantizers() throws Exception {
    ToolGate.require("yosys", "iverilog", "vvp");
    Object[] r = CliTest.run("compare", "--schemes", "tflite-double,mxfp4:k=8,mxint8:k=8", "--acc-bits", "16", "--out-bits", "4", "--ops",
        "1000", "--no-network", "--no-progress", "--out", dir.toString());
    assertEquals(0, r[0], (String) r[2]);
    CompareResult c = ResultFiles.comparison(dir.resolve("qrtl_default45/comparison.json"));
    assertEquals(2, c.rows().size(), "tflite-double and mxfp4 at 16 -> 4; mxint8 has 8-bit elements");
    assertTrue(c.skipped().isEmpty(), "an MX format at another element width is not a gap: " + c.skipped());
    CompareRow base = c.rows().get(0);
    CompareRow mx = c.rows().get(1);
    assertEquals("mxfp4:k=8", mx.scheme());
    assertEquals(8, mx.block());
    assertEquals(null, base.block());
    // the unit itself, synthesized alone: the row is it divided by K
    Path manifest = Designs.write(new dev.qrtl.compare.BlockForm(dev.qrtl.spec.MxFormat.MXFP4, 8,
        dev.qrtl.spec.BlockQuantizerSpec.ScaleRule.FLOOR).spec(16, 0), dir.resolve("unit"));
    SynthResult unit = SynthRunner.runAll(java.util.List.of(manifest), TechLibraries.resolve("default", null), dev.qrtl.synth.SynthMode.FLAT,
        java.time.Duration.ofMinutes(5)).get(0);
    assertEquals(unit.areaUm2() / 8, mx.areaUm2(), 1e-6);
    assertEquals(unit.cells(), mx.cells());
    assertEquals(unit.criticalPathNs(), mx.delayNs(), 1e-9);
    assertNotNull(mx.verification());
    assertEquals(RowVerification.PROVED_BLOCK, mx.verification().proof());
    assertTrue(mx.verification().rtlCosimVectors() > 0);
    assertEquals(base.areaUm2() / mx.areaUm2(), mx.baselineAreaRatio(), 1e-9);
    assertEquals(base.energyPj() / mx.energyPj(), mx.baselineEnergyRatio(), 1e-9);
  }
}
