package dev.qrtl.compare;

import dev.qrtl.results.ParetoPoint;
import dev.qrtl.results.ParetoResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** {@link ParetoResult} as Markdown, CSV and JSON. */
public final class ParetoWriter {
  private ParetoWriter() {}

  public static String markdown(ParetoResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Accuracy against cost, 32 -> 8 bits (").append(r.library()).append(")\n\n");
    sb.append(String.format(Locale.ROOT, "Error: octave-mean RMS of q - y in output LSB (%d accumulators x %d log-uniform scales across one octave,"
        + " calibrated scale, stimulus %s, seed %d, golden models). Cost: %s, %d operations per unit for energy; %s. qrtl %s.%n%n", r.samples(),
        r.octavePoints(), r.stimulus(), r.seed(), r.yosys(), r.operations(), r.fastModel(), r.qrtl()));
    ParetoResult.Knee k = r.knee();
    sb.append(String.format(Locale.ROOT, "**Knee: dyadic m = %d**, the smallest multiplier whose RMS error (%.4f LSB) is within 2 %% of"
        + " tflite-double's (%.4f LSB); tflite-double has %.2fx its area and %.2fx its energy (%s).%n%n", k.m(), k.rms(), r.baselineRms(),
        k.areaRatio(), k.energyRatio(), k.cost()));
    sb.append("| scheme | cost from | area um^2 | energy pJ/op | RMS LSB [95 % CI] | octave-worst RMS | energy front | area front |\n");
    sb.append("|---|---|---:|---:|---:|---:|:---:|:---:|\n");
    for (ParetoPoint p : r.points()) {
      sb.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.4f | %.4f [%.4f, %.4f] | %.4f | %s | %s |%n", p.form(), p.cost(), p.areaUm2(),
          p.energyPj(), p.rms(), p.rmsCi().low(), p.rmsCi().high(), p.worstRms(), p.energyFront() ? "yes" : "", p.areaFront() ? "yes" : ""));
    }
    sb.append("\nA point is on a front when no other unit costs no more with an error no larger (within the point's 95 % interval),"
        + " being cheaper or more accurate.\n");
    return sb.toString();
  }

  public static String csv(ParetoResult r) {
    StringWriter w = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n").build())) {
      p.printRecord("scheme", "m", "cost", "area_um2", "energy_pj", "rms_lsb", "rms_ci_low", "rms_ci_high", "octave_worst_rms_lsb",
          "energy_front", "area_front");
      for (ParetoPoint x : r.points()) {
        p.printRecord(x.form(), x.m() == null ? "" : x.m(), x.cost(), fmt(x.areaUm2()), fmt(x.energyPj()), fmt(x.rms()), fmt(x.rmsCi().low()),
            fmt(x.rmsCi().high()), fmt(x.worstRms()), x.energyFront(), x.areaFront());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }
}
