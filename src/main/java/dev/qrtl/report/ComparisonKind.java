package dev.qrtl.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qrtl.util.ResultFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code qrtl compare} folder ({@code comparison.json}, its plots) and the {@code qrtl pareto}
 * results kept beside it ({@code pareto.json}): every unit's cost, accuracy and verification, the
 * network-level view, the Pareto front with its knee.
 */
final class ComparisonKind implements ReportKind {
  static final String FILE = "comparison.json";
  static final String PARETO = "pareto.json";
  /** What the page reads of {@code comparison.json}. */
  static final Shape SHAPE = Shape.object().text("qrtl", "library", "corner", "librarySha256", "yosys", "java", "stimulus", "timingModel",
      "clock", "timing", "pricing", "baseline").optText("rtlSimulator").number("voltage").integer("seed", "operations", "pipeline")
      .list("rows", Shape.object().text("scheme", "design").integer("accBits", "outBits", "cells").number("areaUm2", "nand2Equivalents",
          "delayNs", "fmaxMhz", "energyPj", "energyCi95Pj", "energyZeroDelayPj", "leakagePj").optNumber("baselineAreaRatio",
          "baselineEnergyRatio", "stages").optObject("error", Shape.object().number("rms", "worstRms"))
          .optObject("verification", Shape.object().integer("rtlCosimVectors", "gateLevelChecks").text("proof")))
      .list("skipped", null)
      .list("network", Shape.object().text("configuration").integer("quantizationOpsPerOutput").number("areaUm2", "energyPerOutputPj",
          "energyCi95Pj", "energyZeroDelayPj").list("stages", Shape.object().text("stage", "design").number("areaUm2", "energyPj",
              "energyCi95Pj", "energyZeroDelayPj")));
  /** What the page reads of {@code pareto.json}. */
  static final Shape PARETO_SHAPE = Shape.object().text("qrtl", "library", "yosys", "stimulus", "fastModel").integer("seed", "operations",
      "samples", "octavePoints").number("baselineRms").object("knee", Shape.object().integer("m").number("rms", "areaRatio", "energyRatio")
      .text("cost")).list("points", Shape.object().text("form", "cost").optNumber("m").number("areaUm2", "energyPj", "rms", "worstRms")
      .object("rmsCi", Shape.object().number("low", "high")).bool("energyFront", "areaFront"));
  /** The scheme the product champions: the headline compares it with the baseline. */
  private static final String CHAMPION = "shift-round";

  @Override
  public boolean matches(Path folder) {
    return Files.isRegularFile(folder.resolve(FILE)) || Files.isRegularFile(folder.resolve(PARETO));
  }

  @Override
  public Page page(Path folder, Path baseline, double threshold) {
    List<Page.Section> sections = new ArrayList<>();
    List<Page.Fact> headline = new ArrayList<>();
    List<Page.Fact> provenance = new ArrayList<>();
    String question;
    if (Files.isRegularFile(folder.resolve(FILE))) {
      JsonNode r = Json.read(folder.resolve(FILE), ResultFormat.COMPARISON, SHAPE);
      JsonNode b = baseline == null ? null : baselineOf(baseline, FILE, ResultFormat.COMPARISON, SHAPE);
      String base = Json.text(r, "/baseline");
      question = question(r);
      headline.addAll(headline(r, base));
      provenance.addAll(Provenance.of(r, "library", "/library", "corner", "/corner", "library SHA-256", "/librarySha256",
          "voltage (V)", "/voltage", "timing (wire-load model, input slew, output load)", "/timing", "timing model", "/timingModel",
          "clock", "/clock", "energy pricing", "/pricing", "register stages", "/pipeline", "stimulus", "/stimulus", "seed", "/seed",
          "operations per unit", "/operations", "Yosys", "/yosys", "RTL simulator", "/rtlSimulator", "Java", "/java", "qrtl", "/qrtl"));
      sections.add(units(r, b, threshold, base));
      sections.add(new Page.Section("Plots", "", List.of(), Plots.of(folder, "area-vs-bits", "Area per requantizer against output width",
          "energy-vs-bits", "Energy per requantization against output width", "area-energy", "Area against energy, every unit")));
      if (!Json.list(r, "/network").isEmpty()) {
        sections.add(network(r, b, threshold));
      }
    } else {
      question = PARETO_QUESTION;
    }
    if (Files.isRegularFile(folder.resolve(PARETO))) {
      JsonNode p = Json.read(folder.resolve(PARETO), ResultFormat.PARETO, PARETO_SHAPE);
      JsonNode b = baseline == null ? null : baselineOf(baseline, PARETO, ResultFormat.PARETO, PARETO_SHAPE);
      headline.add(new Page.Fact("knee of the accuracy-cost front (32 -> 8)", "dyadic m = " + Json.text(p, "/knee/m") + ": RMS error "
          + Fmt.fixed(Json.num(p, "/knee/rms"), 3) + " LSB (baseline " + Fmt.fixed(Json.num(p, "/baselineRms"), 3) + "), "
          + Fmt.fixed(Json.num(p, "/knee/areaRatio"), 2) + "x less area and " + Fmt.fixed(Json.num(p, "/knee/energyRatio"), 2)
          + "x less energy than the baseline"));
      if (provenance.isEmpty()) {
        provenance.addAll(Provenance.of(p, "library", "/library", "stimulus", "/stimulus", "seed", "/seed", "Yosys", "/yosys",
            "qrtl", "/qrtl"));
      }
      provenance.add(new Page.Fact("Pareto study", "error from " + Json.text(p, "/samples") + " accumulators per scale over "
          + Json.text(p, "/octavePoints") + " scales of one octave; " + Json.text(p, "/fastModel")));
      sections.add(pareto(folder, p, b, threshold));
    }
    return new Page(folder.getFileName().toString(), question, headline, provenance, "", sections);
  }

  private static final String PARETO_QUESTION = "What does each requantization scheme cost against the accuracy it keeps?";

  @Override
  public String question(Path folder) {
    return Files.isRegularFile(folder.resolve(FILE)) ? question(Json.read(folder.resolve(FILE), ResultFormat.COMPARISON, SHAPE)) : PARETO_QUESTION;
  }

  private static String question(JsonNode r) {
    return "What does each requantization scheme cost in area and energy per requantization on " + Json.text(r, "/library")
        + ", against the " + Json.text(r, "/baseline") + " baseline, and in accuracy?";
  }

  /** The baseline folder's file, which it must have. */
  static JsonNode baselineOf(Path baseline, String file, ResultFormat format, Shape shape) {
    Path f = baseline.resolve(file);
    if (!Files.isRegularFile(f)) {
      throw new ReportException("the baseline " + baseline + " has no " + file);
    }
    return Json.read(f, format, shape);
  }

  /** Per pair of widths, the champion against the baseline (or the row saving most energy where there is no champion). */
  private static List<Page.Fact> headline(JsonNode r, String base) {
    Map<String, JsonNode> best = new LinkedHashMap<>();
    Map<String, JsonNode> baseRow = new LinkedHashMap<>();
    for (JsonNode x : Json.list(r, "/rows")) {
      String widths = Json.text(x, "/accBits") + " -> " + Json.text(x, "/outBits");
      if (Json.text(x, "/scheme").equals(base)) {
        baseRow.put(widths, x);
        continue;
      }
      JsonNode now = best.get(widths);
      Double ratio = Json.num(x, "/baselineEnergyRatio");
      boolean champion = Json.text(x, "/scheme").equals(CHAMPION);
      if (ratio != null && (now == null || champion
          || (!Json.text(now, "/scheme").equals(CHAMPION) && ratio > Json.num(now, "/baselineEnergyRatio")))) {
        best.put(widths, x);
      }
    }
    List<Page.Fact> out = new ArrayList<>();
    best.forEach((widths, x) -> {
      JsonNode b = baseRow.get(widths);
      String error = Json.num(x, "/error/rms") == null || b == null || Json.num(b, "/error/rms") == null ? ""
          : "; RMS error " + Fmt.fixed(Json.num(x, "/error/rms"), 3) + " LSB against " + Fmt.fixed(Json.num(b, "/error/rms"), 3);
      out.add(new Page.Fact(widths + ": " + Json.text(x, "/scheme") + " against " + base,
          Fmt.fixed(Json.num(x, "/baselineAreaRatio"), 1) + "x less area, " + Fmt.fixed(Json.num(x, "/baselineEnergyRatio"), 1)
              + "x less energy per requantization" + error));
    });
    return out;
  }

  private static Page.Section units(JsonNode r, JsonNode b, double threshold, String base) {
    List<JsonNode> rows = Json.list(r, "/rows");
    boolean staged = rows.stream().anyMatch(x -> x.has("stages"));
    List<Col> cols = new ArrayList<>();
    cols.add(Col.text("scheme", x -> Json.text(x, "/scheme")));
    cols.add(new Col("acc -> out", "bits", x -> Json.text(x, "/accBits") + " -> " + Json.text(x, "/outBits"),
        x -> Json.num(x, "/accBits") == null ? null : Json.num(x, "/accBits") * 1000 + Json.num(x, "/outBits")));
    if (staged) {
      cols.add(Col.num("stages", "", "/stages", 0));
    }
    cols.add(Col.num("area", "um^2", "/areaUm2", 1));
    cols.add(Col.num("NAND2 eq.", "", "/nand2Equivalents", 0));
    cols.add(Col.num("cells", "", "/cells", 0));
    cols.add(Col.num("critical path", "ns", "/delayNs", 3));
    cols.add(Col.num("Fmax", "MHz", "/fmaxMhz", 0));
    cols.add(Col.withCi("energy (95 % CI)", "pJ/op", "/energyPj", "/energyCi95Pj", 4));
    cols.add(Col.num("zero-delay energy", "pJ/op", "/energyZeroDelayPj", 4));
    cols.add(Col.num("leakage", "pJ/op", "/leakagePj", 5));
    cols.add(Col.ratio("area: baseline / this", "/baselineAreaRatio"));
    cols.add(Col.ratio("energy: baseline / this", "/baselineEnergyRatio"));
    cols.add(Col.num("RMS error, octave mean", "LSB", "/error/rms", 4));
    cols.add(Col.num("RMS error, octave worst", "LSB", "/error/worstRms", 4));
    cols.add(Col.text("verification", ComparisonKind::verification));
    cols.add(Col.text("design", x -> Json.text(x, "/design")));
    TableSpec spec = new TableSpec("units", "Every unit: cost, accuracy and what was checked", FILE + "#/rows",
        x -> Json.text(x, "/scheme") + " " + Json.text(x, "/accBits") + " -> " + Json.text(x, "/outBits"), cols,
        x -> Json.text(x, "/scheme").equals(base) ? "baseline" : "");
    List<String> skipped = Json.list(r, "/skipped").stream().map(JsonNode::asText).toList();
    String note = "Verification: values of the unit's RTL (Icarus Verilog) and of its mapped netlist (the energy run) compared with the golden"
        + " model, all equal; the equivalence proof where the scheme has a full-width form. Ratios are the baseline's figure over this row's at the same widths (15x: fifteen times less than "
        + base + "). RMS error: golden models, in output LSB, over one octave of real scales around the calibrated one."
        + (skipped.isEmpty() ? "" : " Not built: " + String.join("; ", skipped) + ".");
    return new Page.Section("Every unit", note, List.of(spec.build(rows, b == null ? null : Json.list(b, "/rows"), threshold)), List.of());
  }

  /** What was checked of a row's unit, or that the run did not record it (results from before issue 19). */
  static String verification(JsonNode x) {
    JsonNode v = x.path("verification");
    if (v.isMissingNode()) {
      return "not recorded by this run";
    }
    return "RTL " + Fmt.count(Json.num(v, "/rtlCosimVectors")) + " and gate level " + Fmt.count(Json.num(v, "/gateLevelChecks"))
        + " values equal to the golden model; " + Json.text(v, "/proof");
  }

  private static Page.Section network(JsonNode r, JsonNode b, double threshold) {
    List<Col> cols = List.of(Col.text("configuration", x -> Json.text(x, "/configuration")),
        Col.num("requantizations per output", "", "/quantizationOpsPerOutput", 0), Col.num("area", "um^2", "/areaUm2", 1),
        Col.withCi("energy per output (95 % CI)", "pJ", "/energyPerOutputPj", "/energyCi95Pj", 4),
        Col.num("zero-delay energy", "pJ", "/energyZeroDelayPj", 4),
        Col.text("stages", x -> String.join("; ", Json.list(x, "/stages").stream()
            .map(s -> Json.text(s, "/stage") + " (" + Json.text(s, "/design") + ")").toList())));
    TableSpec spec = new TableSpec("network", "Per output of a layer: the unified module against the conventional pipeline",
        FILE + "#/network", x -> Json.text(x, "/configuration"), cols);
    return new Page.Section("Network-level view", "One output of an int8 layer with bias, batch norm and ReLU: the unified module"
        + " requantizes once; the conventional pipeline requantizes, applies batch norm and requantizes again.",
        List.of(spec.build(Json.list(r, "/network"), b == null ? null : Json.list(b, "/network"), threshold)), List.of());
  }

  private static Page.Section pareto(Path folder, JsonNode p, JsonNode b, double threshold) {
    String knee = Json.text(p, "/knee/m");
    List<Col> cols = List.of(Col.text("form", x -> Json.text(x, "/form")), Col.num("m", "bits", "/m", 0),
        Col.text("cost from", x -> Json.text(x, "/cost")), Col.num("area", "um^2", "/areaUm2", 1),
        Col.num("energy", "pJ/op", "/energyPj", 4),
        new Col("RMS error, octave mean (95 % CI)", "LSB", x -> Fmt.fixed(Json.num(x, "/rms"), 4) + " [" + Fmt.fixed(Json.num(x, "/rmsCi/low"), 4)
            + ", " + Fmt.fixed(Json.num(x, "/rmsCi/high"), 4) + "]", x -> Json.num(x, "/rms")),
        Col.num("RMS error, octave worst", "LSB", "/worstRms", 4),
        Col.text("on the energy front", x -> x.path("energyFront").asBoolean() ? "yes" : "no"),
        Col.text("on the area front", x -> x.path("areaFront").asBoolean() ? "yes" : "no"));
    TableSpec spec = new TableSpec("pareto", "Accuracy against cost at 32 -> 8", PARETO + "#/points", x -> Json.text(x, "/form"), cols,
        x -> !knee.isEmpty() && Json.text(x, "/m").equals(knee) ? "knee" : "");
    String note = "The knee (marked) is the smallest dyadic multiplier width within 2 % of the baseline's RMS error. Cost from"
        + " synthesis, or from the fitted model between the synthesized widths where the column says so.";
    return new Page.Section("Accuracy against cost: the Pareto front", note,
        List.of(spec.build(Json.list(p, "/points"), b == null ? null : Json.list(b, "/points"), threshold)),
        Plots.of(folder, "pareto", "RMS error against energy; the front and the dyadic family"));
  }
}
