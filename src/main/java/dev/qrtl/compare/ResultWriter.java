package dev.qrtl.compare;

import dev.qrtl.results.CompareResult;
import dev.qrtl.results.CompareRow;
import dev.qrtl.results.NetworkRow;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.manifest.StablePrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The comparison as Markdown, CSV and JSON text (deterministic: fixed order and number formats). */
public final class ResultWriter {
  private ResultWriter() {}

  /** A comparison (or a fitted model) as stable, pretty-printed JSON. */
  public static String json(Object r) {
    try {
      return ManifestIo.mapper().writer(new StablePrettyPrinter()).writeValueAsString(r) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + r.getClass().getSimpleName() + " as JSON", e);
    }
  }

  public static String csv(CompareResult r) {
    StringWriter w = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n").build())) {
      boolean staged = r.rows().stream().anyMatch(x -> x.stages() != null);
      List<Object> header = new java.util.ArrayList<>(List.of("scheme", "acc_bits", "out_bits", "design", "area_um2", "nand2_eq", "cells",
          "delay_ns", "fmax_mhz", "energy_pj", "energy_ci95_pj", "energy_zero_delay_pj", "leakage_pj", "baseline_area_ratio",
          "baseline_energy_ratio", "library", "corner", "yosys", "stimulus", "seed"));
      if (staged) {
        header.add("stages"); // register stages added to meet the common clock
      }
      header.add("rms_error_lsb");
      header.add("worst_rms_error_lsb");
      p.printRecord(header);
      for (CompareRow x : r.rows()) {
        List<Object> v = new java.util.ArrayList<>(List.of(x.scheme(), x.accBits(), x.outBits(), x.design(), f(x.areaUm2(), 3),
            f(x.nand2Equivalents(), 1), x.cells(), f(x.delayNs(), 4), f(x.fmaxMhz(), 1), f(x.energyPj(), 4), f(x.energyCi95Pj(), 4),
            f(x.energyZeroDelayPj(), 4), f(x.leakagePj(), 5), x.baselineAreaRatio() == null ? "" : f(x.baselineAreaRatio(), 2),
            x.baselineEnergyRatio() == null ? "" : f(x.baselineEnergyRatio(), 2), r.library(), r.corner(), r.yosys(), r.stimulus(),
            r.seed()));
        if (staged) {
          v.add(x.stages() == null ? "" : x.stages());
        }
        v.add(x.error() == null ? "" : f(x.error().rms(), 4));
        v.add(x.error() == null ? "" : f(x.error().worstRms(), 4));
        p.printRecord(v);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  public static String markdown(CompareResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Requantization schemes compared\n\n");
    sb.append("Library **").append(r.library()).append("** (corner ").append(r.corner()).append(", ").append(f(r.voltage(), 2))
        .append(" V, SHA-256 ").append(r.librarySha256(), 0, 12).append("...), ").append(r.yosys()).append(", qrtl ").append(r.qrtl())
        .append(", ").append(r.java()).append(".\n");
    sb.append("Energy per requantization from ").append(r.timingModel()).append("; stimulus `").append(r.stimulus()).append("`, seed ")
        .append(r.seed()).append(", ").append(r.operations()).append(" operations per unit; ").append(r.clock()).append(".\n");
    sb.append("Timing and loads: ").append(r.timing()).append(". Energy charges: ").append(r.pricing()).append(".\n");
    if (r.pipeline() > 0) {
      sb.append("Every requantizer has ").append(r.pipeline()).append(" register stage(s) before its clamp: its registers and clock"
          + " are included in its area and energy.\n");
    }
    sb.append("Ratios are the baseline's (").append(r.baseline()).append(") figure over the row's at the same widths: 15 means 15x less.\n\n");
    sb.append(headline(r));
    sb.append("\n## All rows\n\n");
    boolean staged = r.rows().stream().anyMatch(x -> x.stages() != null);
    sb.append("| scheme | acc -> out |" + (staged ? " stages |" : "") + " area um^2 | NAND2-eq | delay ns | Fmax MHz | energy pJ (95 % CI) | zero-delay pJ | area ratio | energy ratio | RMS error LSB (octave mean / worst) |\n");
    sb.append("|---|---|" + (staged ? "---:|" : "") + "---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (CompareRow x : r.rows()) {
      sb.append("| ").append(x.scheme()).append(" | ").append(x.accBits()).append(" -> ").append(x.outBits()).append(" | ");
      if (staged) {
        sb.append(x.stages() == null ? "-" : x.stages().toString()).append(" | ");
      }
      sb
          .append(f(x.areaUm2(), 1)).append(" | ").append(f(x.nand2Equivalents(), 0)).append(" | ").append(f(x.delayNs(), 3))
          .append(" | ").append(f(x.fmaxMhz(), 0)).append(" | ").append(f(x.energyPj(), 3)).append(" +- ").append(f(x.energyCi95Pj(), 3))
          .append(" | ").append(f(x.energyZeroDelayPj(), 3)).append(" | ").append(ratio(x.baselineAreaRatio())).append(" | ")
          .append(ratio(x.baselineEnergyRatio())).append(" | ").append(error(x)).append(" |\n");
    }
    sb.append("\nRMS error: the golden model's q - y in output LSB over one octave of real scales around the one calibrated to the"
        + " stimulus (" + Comparison.ERROR_SAMPLES + " accumulators x 32 scales; the worst scale beside it; `qrtl error` for the full"
        + " figures); - where the scheme cannot apply that scale (a power of two above 1).\n");
    if (!r.skipped().isEmpty()) {
      sb.append("\nNot built: ").append(String.join("; ", r.skipped())).append(".\n");
    }
    if (!r.network().isEmpty()) {
      sb.append("\n## Network level: finishing one output of an 8x8 int8 array (24-bit accumulators)\n\n");
      sb.append("Each stage is its own synthesized unit, simulated at gate level on data shaped like what reaches it;"
          + " the path costs the sum of its stages. The MAC array before them is the same for all and left out.\n\n");
      sb.append("| configuration | requantizations per output | area um^2 | energy per output pJ (95 % CI) | zero-delay pJ | stages |\n");
      sb.append("|---|---:|---:|---:|---:|---|\n");
      for (NetworkRow n : r.network()) {
        sb.append("| ").append(n.configuration()).append(" | ").append(n.quantizationOpsPerOutput()).append(" | ").append(f(n.areaUm2(), 1))
            .append(" | ").append(f(n.energyPerOutputPj(), 3)).append(" +- ").append(f(n.energyCi95Pj(), 3)).append(" | ")
            .append(f(n.energyZeroDelayPj(), 3)).append(" | ");
        List<String> parts = new java.util.ArrayList<>();
        for (NetworkRow.Stage st : n.stages()) {
          parts.add(st.stage() + ": " + f(st.areaUm2(), 1) + " um^2, " + f(st.energyPj(), 3) + " pJ");
        }
        sb.append(String.join("; ", parts)).append(" |\n");
      }
    }
    return sb.toString();
  }

  /** The short table the main job prints: per width, the baseline and each scheme's ratios. */
  public static String headline(CompareResult r) {
    StringBuilder sb = new StringBuilder();
    boolean staged = r.rows().stream().anyMatch(x -> x.stages() != null);
    sb.append("| scheme | acc -> out |" + (staged ? " stages | delay ns |" : "") + " area um^2 | energy pJ/op | area: baseline / this | energy: baseline / this | RMS error LSB |\n");
    sb.append("|---|---|" + (staged ? "---:|---:|" : "") + "---:|---:|---:|---:|---:|\n");
    for (CompareRow x : r.rows()) {
      sb.append("| ").append(x.scheme()).append(" | ").append(x.accBits()).append(" -> ").append(x.outBits()).append(" | ");
      if (staged) {
        sb.append(x.stages() == null ? "-" : x.stages().toString()).append(" | ").append(f(x.delayNs(), 3)).append(" | ");
      }
      sb.append(f(x.areaUm2(), 1)).append(" | ").append(f(x.energyPj(), 3)).append(" | ").append(ratio(x.baselineAreaRatio()))
          .append(" | ").append(ratio(x.baselineEnergyRatio())).append(" | ").append(x.error() == null ? "-" : f(x.error().rms(), 3))
          .append(" |\n");
    }
    return sb.toString();
  }

  /** A row's error columns: octave-mean / octave-worst RMS, or "-" where the scheme cannot apply the calibrated scale. */
  private static String error(CompareRow x) {
    return x.error() == null ? "-" : f(x.error().rms(), 4) + " / " + f(x.error().worstRms(), 4);
  }

  private static String ratio(Double v) {
    return v == null ? "-" : f(v, 2) + "x";
  }

  static String f(double v, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "f", v);
  }
}
