package dev.qrtl.report;

import dev.qrtl.results.MxAccuracyFile;
import dev.qrtl.results.MxErrorRow;
import dev.qrtl.results.ResultFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@code qrtl error mx} folder ({@code mx-error.json}): the MX formats' error on real-valued data beside int8's. */
final class MxAccuracyKind implements ReportKind {
  static final String FILE = "mx-error.json";

  @Override
  public boolean matches(Path folder) {
    return Files.isRegularFile(folder.resolve(FILE));
  }

  @Override
  public Page page(Path folder, Path baseline, double threshold) {
    MxAccuracyFile r = Load.of(folder.resolve(FILE), ResultFiles::mxAccuracy);
    MxAccuracyFile b = baseline == null ? null : Load.baseline(baseline, FILE, ResultFiles::mxAccuracy);
    Map<String, List<MxErrorRow>> byDistribution = new LinkedHashMap<>();
    r.results().forEach(x -> byDistribution.computeIfAbsent(x.distribution(), d -> new ArrayList<>()).add(x));
    List<Page.Fact> headline = new ArrayList<>();
    byDistribution.forEach((d, rows) -> headline.add(new Page.Fact(d, best(rows))));
    List<Table> tables = List.of(spec().build(r.results(), b == null ? null : b.results(), threshold));
    List<Page.Fact> provenance = Provenance.of("data", r.rows() + " rows x " + r.channels() + " channels per distribution, MX blocks along"
        + " the channels", "seed", r.seed(), "MX element rounding", r.rounding(), "qrtl", r.qrtl());
    String note = "Error against the binary32 values; bits per element include the scales (an E8M0 per block; a binary32 per tensor or"
        + " per channel). int8 is symmetric (-127..127) with its scale fitted to the maximum magnitude. Saturated: elements clipped to"
        + " the largest magnitude (the floor rule's block maxima).";
    return new Page(folder.getFileName().toString(), question(folder), headline, provenance, "",
        List.of(new Page.Section("Error by distribution", note, tables, List.of())));
  }

  /** The 8-bit-class MX form with the best SQNR against int8 per tensor. */
  private static String best(List<MxErrorRow> rows) {
    MxErrorRow perTensor = rows.stream().filter(x -> x.form().equals("int8 per-tensor")).findFirst().orElse(null);
    MxErrorRow bestMx = null;
    for (MxErrorRow x : rows) {
      if (x.block() != null && (bestMx == null || x.sqnrDb() > bestMx.sqnrDb())) {
        bestMx = x;
      }
    }
    if (perTensor == null || bestMx == null) {
      return "-";
    }
    return "best MX form " + bestMx.form() + ": SQNR " + Fmt.fixed(bestMx.sqnrDb(), 1) + " dB at " + Fmt.fixed(bestMx.bitsPerElement(), 3)
        + " bits per element; int8 per tensor " + Fmt.fixed(perTensor.sqnrDb(), 1) + " dB";
  }

  private static TableSpec<MxErrorRow> spec() {
    List<Col<MxErrorRow>> cols = List.of(Col.text("distribution", MxErrorRow::distribution), Col.text("form", MxErrorRow::form),
        Col.num("bits / element", "", MxErrorRow::bitsPerElement, 3), Col.num("relative RMS error", "", MxErrorRow::relativeRms, 5),
        Col.num("SQNR", "dB", MxErrorRow::sqnrDb, 2),
        new Col<>("saturated", "%", x -> Fmt.fixed(100 * x.saturatedFraction(), 4), x -> 100 * x.saturatedFraction()));
    return new TableSpec<>("results", "Every distribution and form", FILE + "#/results", x -> x.distribution() + " " + x.form(), cols);
  }

  @Override
  public String question(Path folder) {
    return "What does a shared power-of-two scale per block buy in accuracy over int8 with one scale per tensor or per channel?";
  }
}
