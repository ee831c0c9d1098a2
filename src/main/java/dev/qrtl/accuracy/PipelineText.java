package dev.qrtl.accuracy;

import dev.qrtl.results.PipelineRow;
import dev.qrtl.results.ErrorMetrics;
import java.util.List;
import java.util.Locale;

/** {@link PipelineStudy}'s rows as a Markdown table. */
public final class PipelineText {
  private PipelineText() {}

  public static String table(List<PipelineRow> rows, String stimulus, long seed, int samples, int channels) {
    StringBuilder sb = new StringBuilder();
    String source = stimulus.endsWith(".npy") ? String.format(Locale.ROOT, "read in order from %s (batch-norm parameters from seed %d)",
        stimulus, seed) : String.format(Locale.ROOT, "from %s, seed %d", stimulus, seed);
    sb.append(String.format(Locale.ROOT, "unified module against conventional pipeline, 32 -> 8 bits with ReLU, %d channels, %d accumulators"
        + " %s; error against the real-valued epilogue z = clamp(relu(g S acc + beta)) in output LSB%n%n", channels, samples, source));
    sb.append("| scheme | pipeline | requantizations | bias LSB [95 % CI] | RMS LSB [95 % CI] | max abs(q - round(z)) | q != round(z) % [95 % CI] | SQNR dB |\n");
    sb.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
    for (PipelineRow r : rows) {
      ErrorMetrics m = r.metrics();
      sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %+.4f [%+.4f, %+.4f] | %.4f [%.4f, %.4f] | %d | %.2f [%.2f, %.2f] | %s |%n", r.form(),
          r.pipeline(), r.requantizations(), m.bias(), m.biasCi().low(), m.biasCi().high(), m.rms(), m.rmsCi().low(), m.rmsCi().high(),
          m.maxFromExact(), 100 * m.differentFraction(), 100 * m.differentCi().low(), 100 * m.differentCi().high(),
          m.sqnrDb() == null ? "inf" : String.format(Locale.ROOT, "%.2f", m.sqnrDb())));
    }
    return sb.toString();
  }
}
