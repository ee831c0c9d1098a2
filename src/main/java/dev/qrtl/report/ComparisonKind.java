package dev.qrtl.report;

import dev.qrtl.results.CompareResult;
import dev.qrtl.results.CompareRow;
import dev.qrtl.results.MxUnitRow;
import dev.qrtl.results.MxUnitsResult;
import dev.qrtl.results.MxParetoPoint;
import dev.qrtl.results.MxParetoResult;
import dev.qrtl.results.NetworkRow;
import dev.qrtl.results.ParetoPoint;
import dev.qrtl.results.ParetoResult;
import dev.qrtl.results.ResultFiles;
import dev.qrtl.results.RowVerification;
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
  static final String MX_PARETO = "mx-pareto.json";
  static final String MX_UNITS = "mx-units.json";
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
      CompareResult r = Load.of(folder.resolve(FILE), ResultFiles::comparison);
      CompareResult b = baseline == null ? null : Load.baseline(baseline, FILE, ResultFiles::comparison);
      String base = r.baseline();
      question = question(r);
      headline.addAll(headline(r, base));
      provenance.addAll(Provenance.of("library", r.library(), "corner", r.corner(), "library SHA-256", r.librarySha256(),
          "voltage (V)", r.voltage(), "timing (wire-load model, input slew, output load)", r.timing(), "timing model", r.timingModel(),
          "clock", r.clock(), "energy pricing", r.pricing(), "register stages", r.pipeline(), "stimulus", r.stimulus(), "seed", r.seed(),
          "operations per unit", r.operations(), "Yosys", r.yosys(), "RTL simulator", r.rtlSimulator(), "Java", r.java(), "qrtl", r.qrtl()));
      sections.add(units(r, b, threshold, base));
      sections.add(new Page.Section("Plots", "", List.of(), Plots.of(folder, "area-vs-bits", "Area per requantizer against output width",
          "energy-vs-bits", "Energy per requantization against output width", "area-energy", "Area against energy, every unit")));
      if (!r.network().isEmpty()) {
        sections.add(network(r, b, threshold));
      }
    } else {
      question = PARETO_QUESTION;
    }
    if (Files.isRegularFile(folder.resolve(PARETO))) {
      ParetoResult p = Load.of(folder.resolve(PARETO), ResultFiles::pareto);
      ParetoResult b = baseline == null ? null : Load.baseline(baseline, PARETO, ResultFiles::pareto);
      ParetoResult.Knee knee = p.knee();
      headline.add(new Page.Fact("knee of the accuracy-cost front (32 -> 8)", "dyadic m = " + knee.m() + ": RMS error "
          + Fmt.fixed(knee.rms(), 3) + " LSB (baseline " + Fmt.fixed(p.baselineRms(), 3) + "), "
          + Fmt.fixed(knee.areaRatio(), 2) + "x less area and " + Fmt.fixed(knee.energyRatio(), 2)
          + "x less energy than the baseline"));
      if (provenance.isEmpty()) {
        provenance.addAll(Provenance.of("library", p.library(), "stimulus", p.stimulus(), "seed", p.seed(), "Yosys", p.yosys(),
            "qrtl", p.qrtl()));
      }
      provenance.add(new Page.Fact("Pareto study", "error from " + p.samples() + " accumulators per scale over "
          + p.octavePoints() + " scales of one octave; " + p.fastModel()));
      sections.add(pareto(folder, p, b, threshold));
    }
    if (Files.isRegularFile(folder.resolve(MX_PARETO))) {
      MxParetoResult p = Load.of(folder.resolve(MX_PARETO), ResultFiles::mxPareto);
      MxParetoResult b = baseline == null ? null : Load.baseline(baseline, MX_PARETO, ResultFiles::mxPareto);
      headline.add(new Page.Fact("MX accuracy-cost front (" + p.distribution() + ")", mxHeadline(p)));
      provenance.add(new Page.Fact("MX front", "error on " + p.distribution() + " data, " + p.rows() + " rows x " + p.channels()
          + " channels; block quantizers with " + p.accBits() + "-bit integer inputs; int8 references priced as the requantizer their"
          + " 'cost from' names"));
      sections.add(mxPareto(folder, p, b, threshold));
    }
    if (Files.isRegularFile(folder.resolve(MX_UNITS))) {
      MxUnitsResult u = Load.of(folder.resolve(MX_UNITS), ResultFiles::mxUnits);
      MxUnitsResult b = baseline == null ? null : Load.baseline(baseline, MX_UNITS, ResultFiles::mxUnits);
      sections.add(mxUnits(u, b, threshold));
    }
    return new Page(folder.getFileName().toString(), question, headline, provenance, "", sections);
  }

  private static String mxHeadline(MxParetoResult p) {
    List<MxParetoPoint> front = p.points().stream().filter(MxParetoPoint::energyFront)
        .sorted(java.util.Comparator.comparingDouble(MxParetoPoint::energyPj)).toList();
    return front.size() + " of " + p.points().size() + " points on the energy front, from " + front.get(0).form() + " ("
        + Fmt.fixed(front.get(0).energyPj(), 3) + " pJ per element, " + Fmt.fixed(front.get(0).sqnrDb(), 1) + " dB) to "
        + front.get(front.size() - 1).form() + " (" + Fmt.fixed(front.get(front.size() - 1).energyPj(), 3) + " pJ, "
        + Fmt.fixed(front.get(front.size() - 1).sqnrDb(), 1) + " dB)";
  }

  private static Page.Section mxPareto(Path folder, MxParetoResult p, MxParetoResult b, double threshold) {
    List<Col<MxParetoPoint>> cols = List.of(Col.text("form", MxParetoPoint::form), Col.num("bits / element", "", MxParetoPoint::bitsPerElement, 3),
        Col.text("cost from", MxParetoPoint::cost), Col.num("area / element", "um^2", MxParetoPoint::areaUm2, 1),
        Col.num("energy / element", "pJ", MxParetoPoint::energyPj, 4), Col.num("SQNR", "dB", MxParetoPoint::sqnrDb, 2),
        Col.text("on the energy front", x -> x.energyFront() ? "yes" : "no"), Col.text("on the area front", x -> x.areaFront() ? "yes" : "no"));
    TableSpec<MxParetoPoint> spec = new TableSpec<>("mx-pareto", "MX formats: accuracy against cost per element", MX_PARETO + "#/points",
        MxParetoPoint::form, cols, x -> x.energyFront() ? "front" : "");
    String note = "Every MX format x block size x scale rule, its block quantizer's cost divided by K, its SQNR on " + p.distribution()
        + " data; int8 per tensor and per channel priced as the per-element requantizer a real scale needs. On a front: no other point"
        + " at most as costly and at least as accurate.";
    return new Page.Section("MX formats: accuracy against cost", note, List.of(spec.build(p.points(), b == null ? null : b.points(), threshold)),
        Plots.of(folder, "mx-pareto", "SQNR against energy per element; the energy front"));
  }

  private static Page.Section mxUnits(MxUnitsResult u, MxUnitsResult b, double threshold) {
    List<Col<MxUnitRow>> cols = List.of(Col.text("unit", MxUnitRow::unit), Col.num("area", "um^2", MxUnitRow::areaUm2, 1),
        Col.num("critical path", "ns", MxUnitRow::delayNs, 3), Col.withCi("energy (95 % CI)", "pJ/op", MxUnitRow::energyPj,
            MxUnitRow::energyCi95Pj, 4), Col.num("energy per MAC", "pJ", MxUnitRow::energyPerMacPj, 4),
        Col.num("area over baseline", "x", MxUnitRow::areaOverBaseline, 3), Col.num("energy over baseline", "x", MxUnitRow::energyOverBaseline, 3),
        Col.text("baseline", MxUnitRow::baseline), Col.text("design", MxUnitRow::design));
    TableSpec<MxUnitRow> spec = new TableSpec<>("mx-units", "Block dot products and group-scaled PEs beside their plain counterparts",
        MX_UNITS + "#/rows", MxUnitRow::unit, cols, x -> x.unit().equals(x.baseline()) ? "baseline" : "");
    String note = "Each unit synthesized and priced by gate-level simulation on " + u.stimulus() + " (" + u.operations() + " operations, seed "
        + u.seed() + "); a block dot product is K MACs, a PE cycle one; over baseline: the unit's figure over its plain counterpart's.";
    return new Page.Section("MX units: what the shared scale costs", note, List.of(spec.build(u.rows(), b == null ? null : b.rows(), threshold)),
        List.of());
  }

  private static final String PARETO_QUESTION = "What does each requantization scheme cost against the accuracy it keeps?";

  @Override
  public String question(Path folder) {
    return Files.isRegularFile(folder.resolve(FILE)) ? question(Load.of(folder.resolve(FILE), ResultFiles::comparison)) : PARETO_QUESTION;
  }

  private static String question(CompareResult r) {
    return "What does each requantization scheme cost in area and energy per requantization on " + r.library()
        + ", against the " + r.baseline() + " baseline, and in accuracy?";
  }

  private static String widths(CompareRow x) {
    return x.accBits() + " -> " + x.outBits();
  }

  /** Per pair of widths, the champion against the baseline (or the row saving most energy where there is no champion). */
  private static List<Page.Fact> headline(CompareResult r, String base) {
    Map<String, CompareRow> best = new LinkedHashMap<>();
    Map<String, CompareRow> baseRow = new LinkedHashMap<>();
    for (CompareRow x : r.rows()) {
      String widths = widths(x);
      if (x.scheme().equals(base)) {
        baseRow.put(widths, x);
        continue;
      }
      CompareRow now = best.get(widths);
      Double ratio = x.baselineEnergyRatio();
      boolean champion = x.scheme().equals(CHAMPION);
      if (ratio != null && (now == null || champion
          || (!now.scheme().equals(CHAMPION) && ratio > now.baselineEnergyRatio()))) {
        best.put(widths, x);
      }
    }
    List<Page.Fact> out = new ArrayList<>();
    best.forEach((widths, x) -> {
      CompareRow b = baseRow.get(widths);
      String error = x.error() == null || b == null || b.error() == null ? ""
          : "; RMS error " + Fmt.fixed(x.error().rms(), 3) + " LSB against " + Fmt.fixed(b.error().rms(), 3);
      out.add(new Page.Fact(widths + ": " + x.scheme() + " against " + base,
          Fmt.fixed(x.baselineAreaRatio(), 1) + "x less area, " + Fmt.fixed(x.baselineEnergyRatio(), 1)
              + "x less energy per requantization" + error));
    });
    return out;
  }

  private static Page.Section units(CompareResult r, CompareResult b, double threshold, String base) {
    List<CompareRow> rows = r.rows();
    boolean staged = rows.stream().anyMatch(x -> x.stages() != null);
    List<Col<CompareRow>> cols = new ArrayList<>();
    cols.add(Col.text("scheme", CompareRow::scheme));
    cols.add(new Col<>("acc -> out", "bits", ComparisonKind::widths, x -> x.accBits() * 1000.0 + x.outBits()));
    if (staged) {
      cols.add(Col.num("stages", "", CompareRow::stages, 0));
    }
    cols.add(Col.num("area", "um^2", CompareRow::areaUm2, 1));
    cols.add(Col.num("NAND2 eq.", "", CompareRow::nand2Equivalents, 0));
    cols.add(Col.num("cells", "", CompareRow::cells, 0));
    cols.add(Col.num("critical path", "ns", CompareRow::delayNs, 3));
    cols.add(Col.num("Fmax", "MHz", CompareRow::fmaxMhz, 0));
    cols.add(Col.withCi("energy (95 % CI)", "pJ/op", CompareRow::energyPj, CompareRow::energyCi95Pj, 4));
    cols.add(Col.num("zero-delay energy", "pJ/op", CompareRow::energyZeroDelayPj, 4));
    cols.add(Col.num("leakage", "pJ/op", CompareRow::leakagePj, 5));
    cols.add(Col.ratio("area: baseline / this", CompareRow::baselineAreaRatio));
    cols.add(Col.ratio("energy: baseline / this", CompareRow::baselineEnergyRatio));
    cols.add(Col.num("RMS error, octave mean", "LSB", x -> x.error() == null ? null : x.error().rms(), 4));
    cols.add(Col.num("RMS error, octave worst", "LSB", x -> x.error() == null ? null : x.error().worstRms(), 4));
    cols.add(Col.text("verification", x -> verification(x.verification())));
    cols.add(Col.text("design", CompareRow::design));
    TableSpec<CompareRow> spec = new TableSpec<>("units", "Every unit: cost, accuracy and what was checked", FILE + "#/rows",
        x -> x.scheme() + " " + widths(x), cols, x -> x.scheme().equals(base) ? "baseline" : "");
    List<String> skipped = r.skipped();
    String note = "Verification: values of the unit's RTL (Icarus Verilog) and of its mapped netlist (the energy run) compared with the golden"
        + " model, all equal; the equivalence proof where the scheme has a full-width form. Ratios are the baseline's figure over this row's at the same widths (15x: fifteen times less than "
        + base + "). RMS error: golden models, in output LSB, over one octave of real scales around the calibrated one."
        + (skipped.isEmpty() ? "" : " Not built: " + String.join("; ", skipped) + ".");
    return new Page.Section("Every unit", note, List.of(spec.build(rows, b == null ? null : b.rows(), threshold)), List.of());
  }

  /** What was checked of a row's unit, or that the run did not record it. */
  static String verification(RowVerification v) {
    if (v == null) {
      return "not recorded by this run";
    }
    return "RTL " + Fmt.count((double) v.rtlCosimVectors()) + " and gate level " + Fmt.count((double) v.gateLevelChecks())
        + " values equal to the golden model; " + v.proof();
  }

  private static Page.Section network(CompareResult r, CompareResult b, double threshold) {
    List<Col<NetworkRow>> cols = List.of(Col.text("configuration", NetworkRow::configuration),
        Col.num("requantizations per output", "", NetworkRow::quantizationOpsPerOutput, 0), Col.num("area", "um^2", NetworkRow::areaUm2, 1),
        Col.withCi("energy per output (95 % CI)", "pJ", NetworkRow::energyPerOutputPj, NetworkRow::energyCi95Pj, 4),
        Col.num("zero-delay energy", "pJ", NetworkRow::energyZeroDelayPj, 4),
        Col.text("stages", x -> String.join("; ", x.stages().stream().map(s -> s.stage() + " (" + s.design() + ")").toList())));
    TableSpec<NetworkRow> spec = new TableSpec<>("network", "Per output of a layer: the unified module against the conventional pipeline",
        FILE + "#/network", NetworkRow::configuration, cols);
    return new Page.Section("Network-level view", "One output of an int8 layer with bias, batch norm and ReLU: the unified module"
        + " requantizes once; the conventional pipeline requantizes, applies batch norm and requantizes again.",
        List.of(spec.build(r.network(), b == null ? null : b.network(), threshold)), List.of());
  }

  private static Page.Section pareto(Path folder, ParetoResult p, ParetoResult b, double threshold) {
    int knee = p.knee().m();
    List<Col<ParetoPoint>> cols = List.of(Col.text("form", ParetoPoint::form), Col.num("m", "bits", ParetoPoint::m, 0),
        Col.text("cost from", ParetoPoint::cost), Col.num("area", "um^2", ParetoPoint::areaUm2, 1),
        Col.num("energy", "pJ/op", ParetoPoint::energyPj, 4),
        new Col<>("RMS error, octave mean (95 % CI)", "LSB", x -> Fmt.fixed(x.rms(), 4) + " [" + Fmt.fixed(x.rmsCi().low(), 4)
            + ", " + Fmt.fixed(x.rmsCi().high(), 4) + "]", x -> x.rms()),
        Col.num("RMS error, octave worst", "LSB", ParetoPoint::worstRms, 4),
        Col.text("on the energy front", x -> x.energyFront() ? "yes" : "no"),
        Col.text("on the area front", x -> x.areaFront() ? "yes" : "no"));
    TableSpec<ParetoPoint> spec = new TableSpec<>("pareto", "Accuracy against cost at 32 -> 8", PARETO + "#/points", ParetoPoint::form, cols,
        x -> x.m() != null && x.m() == knee ? "knee" : "");
    String note = "The knee (marked) is the smallest dyadic multiplier width within 2 % of the baseline's RMS error. Cost from"
        + " synthesis, or from the fitted model between the synthesized widths where the column says so.";
    return new Page.Section("Accuracy against cost: the Pareto front", note,
        List.of(spec.build(p.points(), b == null ? null : b.points(), threshold)),
        Plots.of(folder, "pareto", "RMS error against energy; the front and the dyadic family"));
  }
}
