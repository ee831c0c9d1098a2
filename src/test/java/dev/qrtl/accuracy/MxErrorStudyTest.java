package dev.qrtl.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.results.MxAccuracyFile;
import dev.qrtl.results.MxErrorRow;
import dev.qrtl.spec.BlockQuantizerSpec.ScaleRule;
import dev.qrtl.spec.MxFormat;
import dev.qrtl.spec.Rounding;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The MX accuracy study's figures behave as the arithmetic says: int8 per tensor on Gaussian data
 * near the uniform-noise figure (step^2 / 12 with the step the maximum over 127), the ceil rule
 * never saturating and the floor rule saturating FP8 block maxima, a scale per channel or per block
 * beating one per tensor where outlier channels dominate the tensor's maximum, the storage per
 * element (8.25 bits for MXINT8 at K = 32, 4.25 for MXFP4), and the same study twice giving the
 * same figures.
 */
class MxErrorStudyTest {
  private static final MxErrorStudy.Config CONFIG = new MxErrorStudy.Config(List.of(MxFormat.MXINT8, MxFormat.MXFP8_E4M3, MxFormat.MXFP4),
      List.of(8, 32), List.of(ScaleRule.FLOOR, ScaleRule.CEIL), Rounding.HALF_EVEN, List.of(RealDistribution.values()), 64, 512, 7);

  private static MxErrorRow row(MxAccuracyFile f, RealDistribution d, String form) {
    return f.results().stream().filter(x -> x.distribution().equals(d.cliName()) && x.form().equals(form)).findFirst().orElseThrow();
  }

  @Test
  void theFiguresFollowTheArithmetic() {
    MxAccuracyFile f = MxErrorStudy.run(CONFIG, "qrtl test");
    assertEquals(f, MxErrorStudy.run(CONFIG, "qrtl test"), "deterministic");
    assertEquals(4 * (2 + 3 * 2 * 2), f.results().size());
    // int8 per tensor on Gaussian data: noise step^2/12 with step = max / 127
    double[] x = RealDistribution.GAUSSIAN.sample(64, 512, 7);
    double max = 0;
    double energy = 0;
    for (double v : x) {
      max = Math.max(max, Math.abs((float) v));
      energy += v * v;
    }
    double step = max / 127;
    double expected = Math.sqrt(step * step / 12 / (energy / x.length));
    double got = row(f, RealDistribution.GAUSSIAN, "int8 per-tensor").relativeRms();
    assertEquals(expected, got, 0.05 * expected, "int8 per tensor against the uniform-noise figure");
    for (MxErrorRow r : f.results()) {
      if ("ceil".equals(r.scaleRule())) {
        assertEquals(0, r.saturatedFraction(), r.form() + " on " + r.distribution() + ": the ceil rule saturates nothing");
      }
      assertTrue(r.sqnrDb() > 5 && r.relativeRms() < 0.6, r.toString());
    }
    assertTrue(row(f, RealDistribution.GAUSSIAN, "mxfp8-e4m3:k=8").saturatedFraction() > 0.005, "the floor rule clips E4M3 block maxima");
    // outlier channels: one scale per tensor is set by the outliers; per channel and per block are not
    MxErrorRow tensor = row(f, RealDistribution.OUTLIER_CHANNELS, "int8 per-tensor");
    assertTrue(row(f, RealDistribution.OUTLIER_CHANNELS, "int8 per-channel").sqnrDb() > tensor.sqnrDb() + 6, "per channel beats per tensor");
    assertTrue(row(f, RealDistribution.OUTLIER_CHANNELS, "mxint8:k=8").sqnrDb() > tensor.sqnrDb() + 6, "per block beats per tensor");
    assertEquals(8.25, row(f, RealDistribution.GAUSSIAN, "mxint8:k=32").bitsPerElement(), 1e-12);
    assertEquals(4.25, row(f, RealDistribution.GAUSSIAN, "mxfp4:k=32").bitsPerElement(), 1e-12);
  }
}
