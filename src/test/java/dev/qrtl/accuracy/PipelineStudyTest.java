package dev.qrtl.accuracy;

import dev.qrtl.results.PipelineRow;
import dev.qrtl.results.ErrorMetrics;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.scheme.Schemes;
import dev.qrtl.stimulus.Stimulus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The paper's hypothesis at the arithmetic level: with an accurate scheme the single
 * requantization of the unified module is closer to the real-valued epilogue than the
 * conventional pipeline's two, beyond both intervals; with a power-of-two scale, whose scale
 * error dominates, the unified module is still no worse.
 */
class PipelineStudyTest {
  private static final long SEED = 20261201L;

  @Test
  void oneRequantizationLosesLessThanTwo() {
    int samples = 200_000;
    List<PipelineRow> rows = PipelineStudy.run(List.of(Schemes.form("tflite-double"), Schemes.form("shift-round")),
        Stimulus.parse("products:k=64"), SEED, samples, 64);
    assertEquals(4, rows.size());
    ErrorMetrics tfUnified = rows.get(0).metrics();
    ErrorMetrics tfConventional = rows.get(1).metrics();
    ErrorMetrics srUnified = rows.get(2).metrics();
    ErrorMetrics srConventional = rows.get(3).metrics();
    System.out.printf("unified vs conventional, %d samples, 64 channels, seed %d: tflite-double RMS %.4f vs %.4f LSB, shift-round %.4f vs %.4f%n",
        samples, SEED, tfUnified.rms(), tfConventional.rms(), srUnified.rms(), srConventional.rms());
    assertEquals(samples, tfUnified.samples());
    assertTrue(tfUnified.rmsCi().high() < tfConventional.rmsCi().low(), "tflite-double: unified below conventional beyond both intervals");
    assertTrue(tfUnified.maxFromExact() <= 1, "one requantization with a 31-bit multiplier: within 1 LSB of round(z)");
    assertTrue(srUnified.rmsCi().low() <= srConventional.rmsCi().high(), "shift-round: the unified module is no worse");
  }
}
