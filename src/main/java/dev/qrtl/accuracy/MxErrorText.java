package dev.qrtl.accuracy;

import dev.qrtl.results.MxAccuracyFile;
import dev.qrtl.results.MxErrorRow;
import java.util.Locale;

/** The MX accuracy study as Markdown: one table per distribution. */
public final class MxErrorText {
  private MxErrorText() {}

  public static String markdown(MxAccuracyFile f) {
    StringBuilder b = new StringBuilder("# MX formats against int8: error on real-valued data\n\n");
    b.append(String.format(Locale.ROOT, "%d rows x %d channels per distribution (seed %d), MX blocks of K along the channels, elements"
        + " rounded %s; int8 symmetric (-127..127), its scale fitted to the maximum magnitude. Error against the binary32 values; bits"
        + " per element include the scales (E8M0 per block, binary32 per tensor or channel). %s.%n", f.rows(), f.channels(), f.seed(),
        f.rounding(), f.qrtl()));
    String current = null;
    for (MxErrorRow r : f.results()) {
      if (!r.distribution().equals(current)) {
        current = r.distribution();
        b.append("\n## ").append(current).append("\n\n| form | bits / element | relative RMS error | SQNR dB | saturated |\n|---|---:|---:|---:|---:|\n");
      }
      b.append(String.format(Locale.ROOT, "| %s | %.3f | %.5f | %.2f | %.4f %% |%n", r.form(), r.bitsPerElement(), r.relativeRms(), r.sqnrDb(),
          100 * r.saturatedFraction()));
    }
    return b.toString();
  }
}
