package dev.qrtl.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import dev.qrtl.util.ResultFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder of {@code qrtl error --json} results: {@code error*.json} (one table per output
 * width) and {@code unified-vs-conventional.json} ({@code qrtl error --pipelines}).
 */
final class AccuracyKind implements ReportKind {
  static final String PIPELINES = "unified-vs-conventional.json";
  private static final Shape INTERVAL = Shape.object().number("low", "high");
  private static final Shape METRICS = Shape.object().number("bias", "rms", "differentFraction", "saturationFraction").optNumber("sqnrDb")
      .integer("maxFromExact").object("biasCi", INTERVAL).object("rmsCi", INTERVAL).object("differentCi", INTERVAL)
      .object("saturationCi", INTERVAL);
  /** What the page reads of an {@code error*.json}. */
  static final Shape SHAPE = Shape.object().list("tables", Shape.object().text("qrtl", "stimulus", "kRule", "scales")
      .integer("accBits", "outBits", "seed", "samples", "zeroPoint", "octavePoints").number("calibratedScale")
      .list("rows", Shape.object().text("form", "view", "parameters").number("scale").object("metrics", METRICS)));
  /** What the page reads of {@code unified-vs-conventional.json}. */
  static final Shape PIPELINES_SHAPE = Shape.object().list("rows", Shape.object().text("form", "pipeline").integer("requantizations")
      .object("metrics", METRICS));

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
      boolean pipelines = name.equals(PIPELINES);
      ResultFormat format = pipelines ? ResultFormat.PIPELINES : ResultFormat.ACCURACY;
      Shape shape = pipelines ? PIPELINES_SHAPE : SHAPE;
      JsonNode root = Json.read(f, format, shape);
      JsonNode base = baseline == null || !Files.isRegularFile(baseline.resolve(name)) ? null
          : Json.read(baseline.resolve(name), format, shape);
      if (pipelines) {
        sections.add(pipelines(root, base, threshold, headline));
        continue;
      }
      List<JsonNode> widths = Json.list(root, "/tables");
      List<JsonNode> baseWidths = base == null ? List.of() : Json.list(base, "/tables");
      List<Table> tables = new ArrayList<>();
      for (int i = 0; i < widths.size(); i++) {
        JsonNode t = widths.get(i);
        String pair = Json.text(t, "/accBits") + " -> " + Json.text(t, "/outBits");
        String id = name.replaceAll("[^a-z0-9]+", "-").replaceAll("-json$", "") + "-" + i;
        JsonNode bt = baseWidths.size() > i ? baseWidths.get(i) : null;
        tables.add(spec(id, pair + " on " + Json.text(t, "/stimulus") + ", calibrated scale " + Json.text(t, "/calibratedScale"),
            name + "#/tables/" + i + "/rows").build(Json.list(t, "/rows"), bt == null ? null : Json.list(bt, "/rows"), threshold));
        headline(t, pair).ifPresent(headline::add);
        if (provenance.isEmpty()) {
          provenance.addAll(Provenance.of(t, "stimulus", "/stimulus", "seed", "/seed", "samples per scale", "/samples",
              "shift rule", "/kRule", "zero point", "/zeroPoint", "scales", "/scales", "scales in the octave", "/octavePoints", "qrtl", "/qrtl"));
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
  private static java.util.Optional<Page.Fact> headline(JsonNode t, String widths) {
    Double sr = null;
    Double td = null;
    for (JsonNode x : Json.list(t, "/rows")) {
      if (Json.text(x, "/view").equals("octave mean")) {
        if (Json.text(x, "/form").equals("shift-round")) {
          sr = Json.num(x, "/metrics/rms");
        } else if (Json.text(x, "/form").equals("tflite-double")) {
          td = Json.num(x, "/metrics/rms");
        }
      }
    }
    return sr == null || td == null ? java.util.Optional.empty() : java.util.Optional.of(new Page.Fact(widths + ", octave-mean RMS error",
        "shift-round " + Fmt.fixed(sr, 3) + " LSB, tflite-double " + Fmt.fixed(td, 3) + " LSB"));
  }

  private static TableSpec spec(String id, String caption, String source) {
    List<Col> cols = new ArrayList<>(List.of(Col.text("form", x -> Json.text(x, "/form")), Col.text("view", x -> Json.text(x, "/view")),
        Col.text("parameters", x -> Json.text(x, "/parameters")), Col.num("scale", "", "/scale", 8)));
    cols.addAll(metrics());
    return new TableSpec(id, caption, source, x -> Json.text(x, "/form") + " " + Json.text(x, "/view"), cols);
  }

  private static List<Col> metrics() {
    return List.of(interval("bias", "/metrics/bias", "/metrics/biasCi"), interval("RMS error", "/metrics/rms", "/metrics/rmsCi"),
        Col.num("max |q - q*|", "LSB", "/metrics/maxFromExact", 0), interval("q != q*", "/metrics/differentFraction", "/metrics/differentCi"),
        Col.num("SQNR", "dB", "/metrics/sqnrDb", 2), interval("saturated", "/metrics/saturationFraction", "/metrics/saturationCi"));
  }

  private static Col interval(String header, String at, String ci) {
    return new Col(header + " (95 % CI)", header.equals("bias") || header.startsWith("RMS") ? "LSB" : "fraction",
        x -> Fmt.fixed(Json.num(x, at), 4) + " [" + Fmt.fixed(Json.num(x, ci + "/low"), 4) + ", " + Fmt.fixed(Json.num(x, ci + "/high"), 4)
            + "]", x -> Json.num(x, at));
  }

  private static Page.Section pipelines(JsonNode root, JsonNode base, double threshold, List<Page.Fact> headline) {
    List<JsonNode> rows = Json.list(root, "/rows");
    List<Col> cols = new ArrayList<>(List.of(Col.text("form", x -> Json.text(x, "/form")),
        Col.text("pipeline", x -> Json.text(x, "/pipeline")), Col.num("requantizations", "per output", "/requantizations", 0)));
    cols.addAll(metrics());
    TableSpec spec = new TableSpec("pipelines", "Unified module against the conventional pipeline", PIPELINES + "#/rows",
        x -> Json.text(x, "/form") + " " + Json.text(x, "/pipeline"), cols);
    List<JsonNode> baseRows = base == null ? null : Json.list(base, "/rows");
    Double unified = null;
    Double conventional = null;
    for (JsonNode x : rows) {
      if (Json.text(x, "/form").equals("shift-round")) {
        // the unified module is the pipeline with one requantization per output
        if (Json.num(x, "/requantizations") != null && Json.num(x, "/requantizations") == 1) {
          unified = Json.num(x, "/metrics/rms");
        } else {
          conventional = Json.num(x, "/metrics/rms");
        }
      }
    }
    if (unified != null && conventional != null) {
      headline.add(new Page.Fact("shift-round, error against the real-valued epilogue", "unified " + Fmt.fixed(unified, 3)
          + " LSB RMS, conventional " + Fmt.fixed(conventional, 3) + " LSB RMS"));
    }
    return new Page.Section(PIPELINES, "The paper's hypothesis at the arithmetic level: one requantization per output (bias, BN, ReLU"
        + " folded) against requantize, integer BN, requantize again, ReLU; error against the real-valued epilogue.",
        List.of(spec.build(rows, baseRows, threshold)), List.of());
  }
}
