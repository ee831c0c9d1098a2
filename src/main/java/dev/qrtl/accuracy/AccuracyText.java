package dev.qrtl.accuracy;

import dev.qrtl.results.AccuracyReport;
import dev.qrtl.results.ErrorMetrics;
import dev.qrtl.results.ErrorRow;
import java.util.Locale;

/** A study as a Markdown table (the text form of {@code qrtl error}). */
public final class AccuracyText {
  private AccuracyText() {}

  public static String table(AccuracyReport r) {
    StringBuilder sb = new StringBuilder();
    // a .npy stimulus is read, every value in the file's order, not drawn: the header says so, and no seed
    String source = r.stimulus().endsWith(".npy") ? "read in order from " + r.stimulus()
        : String.format(Locale.ROOT, "from %s, seed %d", r.stimulus(), r.seed());
    sb.append(String.format(Locale.ROOT, "accuracy of requantization, %d -> %d bits (signed, saturating), zero point %d; %d accumulators"
        + " %s; scales %s (calibrated S = %.6g); power-of-two k rule %s%n%n", r.accBits(), r.outBits(), r.zeroPoint(),
        r.samples(), source, r.scales(), r.calibratedScale(), r.kRule()));
    sb.append("| scheme | view | S | parameters | bias LSB [95 % CI] | RMS LSB [95 % CI] | max abs(q - q*) | q != q* % [95 % CI] | SQNR dB"
        + " | saturated % |\n");
    sb.append("|---|---|---:|---|---:|---:|---:|---:|---:|---:|\n");
    for (ErrorRow row : r.rows()) {
      ErrorMetrics m = row.metrics();
      sb.append(String.format(Locale.ROOT, "| %s | %s | %.6g | %s | %+.4f [%+.4f, %+.4f] | %.4f [%.4f, %.4f] | %d | %.3f [%.3f, %.3f] | %s | %.3f |%n",
          row.form(), row.view(), row.scale(), row.parameters(), m.bias(), m.biasCi().low(), m.biasCi().high(), m.rms(), m.rmsCi().low(),
          m.rmsCi().high(), m.maxFromExact(), 100 * m.differentFraction(), 100 * m.differentCi().low(), 100 * m.differentCi().high(),
          m.sqnrDb() == null ? "inf" : String.format(Locale.ROOT, "%.2f", m.sqnrDb()), 100 * m.saturationFraction()));
    }
    sb.append("\ny: acc * S + zp clamped to the output range; q*: y correctly rounded (ties to even). 'at S': the scale as calibration"
        + " gives it (post-training); 'trained 2^-k': S replaced by its nearest power of two, as power-of-two training ends, where"
        + " shift-round's error is its rounding alone; 'octave mean' pools " + r.octavePoints() + " log-uniform scales across one"
        + " octave, 'octave worst' is the one with the largest RMS.\n");
    return sb.toString();
  }
}
