package dev.qrtl.report;

import dev.qrtl.results.AccuracyFile;
import dev.qrtl.results.AccuracyReport;
import dev.qrtl.results.ErrorMetrics;
import dev.qrtl.results.ErrorRow;
import dev.qrtl.results.Interval;
import dev.qrtl.results.PipelineRow;
import dev.qrtl.results.PipelinesFile;
import dev.qrtl.results.ResultFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A folder of {@code qrtl error --json} results: {@code error*.json} (one table per output
 * width) and {@code unified-vs-conventional.json} ({@code qrtl error --pipelines}).
 */
final class AccuracyKind implements ReportKind {
  static final String PIPELINES = "unified-vs-conventional.json";

  @Override
  public boolean matches(Path folder) {
    return !files(folder).isEmpty();
  }

  /** The folder's accuracy files, by name. */
  static List<Path> files(Path folder) {
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(Files::isRegularFile).filter(f -> {
        String n = f.getFileName().toString();
        return n.equals(PIPELINES) || (n.startsWith("error") && n.endsWith(".json"));
      }).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Page page(Path folder, Path baseline, double threshold) {
    List<Page.Section> sections = new ArrayList<>();
    List<Page.Fact> headline = new ArrayList<>();
    List<Page.Fact> provenance = new ArrayList<>();
    for (Path f : files(folder)) {
      String name = f.getFileName().toString();
      Path inBaseline = baseline == null ? null : baseline.resolve(name);
      boolean inBase = inBaseline != null && Files.isRegularFile(inBaseline);
      if (name.equals(PIPELINES)) {
        PipelinesFile root = Load.of(f, ResultFiles::pipelines);
        PipelinesFile base = inBase ? Load.of(inBaseline, ResultFiles::pipelines) : null;
        sections.add(pipelines(root, base, threshold, headline));
        continue;
      }
      AccuracyFile root = Load.of(f, ResultFiles::accuracy);
      AccuracyFile base = inBase ? Load.of(inBaseline, ResultFiles::accuracy) : null;
      List<AccuracyReport> widths = root.tables();
      List<AccuracyReport> baseWidths = base == null ? List.of() : base.tables();
      List<Table> tables = new ArrayList<>();
      for (int i = 0; i < widths.size(); i++) {
        AccuracyReport t = widths.get(i);
        String pair = t.accBits() + " -> " + t.outBits();
        String id = name.replaceAll("[^a-z0-9]+", "-").replaceAll("-json$", "") + "-" + i;
        AccuracyReport bt = baseWidths.size() > i ? baseWidths.get(i) : null;
        tables.add(spec(id, pair + " on " + t.stimulus() + ", calibrated scale " + t.calibratedScale(),
            name + "#/tables/" + i + "/rows").build(t.rows(), bt == null ? null : bt.rows(), threshold));
        headline(t, pair).ifPresent(headline::add);
        if (provenance.isEmpty()) {
          provenance.addAll(Provenance.of("stimulus", t.stimulus(), "seed", t.seed(), "samples per scale", t.samples(),
              "shift rule", t.kRule(), "zero point", t.zeroPoint(), "scales", t.scales(), "scales in the octave", t.octavePoints(),
              "qrtl", t.qrtl()));
        }
      }
      sections.add(new Page.Section(name, "Error against the exact requantizer q* = clamp(round_half_even(acc * S) + zp), in output"
          + " LSB, from the golden models alone; 95 % intervals.", tables, List.of()));
    }
    return new Page(folder.getFileName().toString(), question(folder),
        headline, provenance, "", sections);
  }

  @Override
  public String question(Path folder) {
    return "What does each requantization scheme cost in accuracy, from the golden models?";
  }

  /** The octave-mean RMS error of the champion and of the baseline at these widths. */
  private static Optional<Page.Fact> headline(AccuracyReport t, String widths) {
    Double sr = null;
    Double td = null;
    for (ErrorRow x : t.rows()) {
      if (x.view().equals("octave mean")) {
        if (x.form().equals("shift-round")) {
          sr = x.metrics().rms();
        } else if (x.form().equals("tflite-double")) {
          td = x.metrics().rms();
        }
      }
    }
    return sr == null || td == null ? Optional.empty() : Optional.of(new Page.Fact(widths + ", octave-mean RMS error",
        "shift-round " + Fmt.fixed(sr, 3) + " LSB, tflite-double " + Fmt.fixed(td, 3) + " LSB"));
  }

  private static TableSpec<ErrorRow> spec(String id, String caption, String source) {
    List<Col<ErrorRow>> cols = new ArrayList<>(List.of(Col.text("form", ErrorRow::form), Col.text("view", ErrorRow::view),
        Col.text("parameters", ErrorRow::parameters), Col.num("scale", "", ErrorRow::scale, 8)));
    cols.addAll(metrics(ErrorRow::metrics));
    return new TableSpec<>(id, caption, source, x -> x.form() + " " + x.view(), cols);
  }

  private static <T> List<Col<T>> metrics(Function<T, ErrorMetrics> m) {
    return List.of(interval("bias", x -> m.apply(x).bias(), x -> m.apply(x).biasCi()),
        interval("RMS error", x -> m.apply(x).rms(), x -> m.apply(x).rmsCi()),
        Col.num("max |q - q*|", "LSB", x -> m.apply(x).maxFromExact(), 0),
        interval("q != q*", x -> m.apply(x).differentFraction(), x -> m.apply(x).differentCi()),
        Col.num("SQNR", "dB", x -> m.apply(x).sqnrDb(), 2),
        interval("saturated", x -> m.apply(x).saturationFraction(), x -> m.apply(x).saturationCi()));
  }

  private static <T> Col<T> interval(String header, Function<T, Double> at, Function<T, Interval> ci) {
    return new Col<>(header + " (95 % CI)", header.equals("bias") || header.startsWith("RMS") ? "LSB" : "fraction",
        x -> Fmt.fixed(at.apply(x), 4) + " [" + Fmt.fixed(ci.apply(x).low(), 4) + ", " + Fmt.fixed(ci.apply(x).high(), 4) + "]", at);
  }

  private static Page.Section pipelines(PipelinesFile root, PipelinesFile base, double threshold, List<Page.Fact> headline) {
    List<PipelineRow> rows = root.rows();
    List<Col<PipelineRow>> cols = new ArrayList<>(List.of(Col.text("form", PipelineRow::form),
        Col.text("pipeline", PipelineRow::pipeline), Col.num("requantizations", "per output", PipelineRow::requantizations, 0)));
    cols.addAll(metrics(PipelineRow::metrics));
    TableSpec<PipelineRow> spec = new TableSpec<>("pipelines", "Unified module against the conventional pipeline", PIPELINES + "#/rows",
        x -> x.form() + " " + x.pipeline(), cols);
    Double unified = null;
    Double conventional = null;
    for (PipelineRow x : rows) {
      if (x.form().equals("shift-round")) {
        // the unified module is the pipeline with one requantization per output
        if (x.requantizations() == 1) {
          unified = x.metrics().rms();
        } else {
          conventional = x.metrics().rms();
        }
      }
    }
    if (unified != null && conventional != null) {
      headline.add(new Page.Fact("shift-round, error against the real-valued epilogue", "unified " + Fmt.fixed(unified, 3)
          + " LSB RMS, conventional " + Fmt.fixed(conventional, 3) + " LSB RMS"));
    }
    return new Page.Section(PIPELINES, "The paper's hypothesis at the arithmetic level: one requantization per output (bias, BN, ReLU"
        + " folded) against requantize, integer BN, requantize again, ReLU; error against the real-valued epilogue.",
        List.of(spec.build(rows, base == null ? null : base.rows(), threshold)), List.of());
  }
}
