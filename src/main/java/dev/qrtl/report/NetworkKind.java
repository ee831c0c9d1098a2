package dev.qrtl.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A {@code qrtl network} folder ({@code network.json}): the network's bill per inference and per layer, and the units it prices. */
final class NetworkKind implements ReportKind {
  static final String FILE = "network.json";
  /** What the page reads of {@code network.json}. */
  static final Shape SHAPE = Shape.object().text("qrtl", "network", "source", "input", "library", "corner", "librarySha256", "yosys",
      "java", "array", "energyModel").integer("aBits", "wBits", "outBits", "operations", "seed")
      .object("published", Shape.object().text("source"))
      .list("totals", Shape.object().text("scheme").number("macPj", "unifiedPj", "conventionalPj", "sharePercent", "savingPercent",
          "requantizerAreaUm2", "macArrayAreaUm2", "parameterRegisterAreaUm2", "parameterReadPj", "dataMovementPj").integer("parameterBits")
          .optNumber("rmsErrorLsb"))
      .list("layers", Shape.object().object("layer", Shape.object().text("name", "op").integer("cin", "cout", "kh", "kw", "outH", "outW"))
          .integer("accBits", "macs", "requantizationsUnified").number("macEnergyPj").list("schemes", Shape.object().text("scheme")
              .number("unifiedPj", "sharePercent").optNumber("rmsErrorLsb")))
      .list("units", Shape.object().text("design", "stimulus", "model").number("areaUm2", "energyPj", "energyCi95Pj", "delayNs")
          .integer("parameterBits"));

  @Override
  public boolean matches(Path folder) {
    return Files.isRegularFile(folder.resolve(FILE));
  }

  @Override
  public Page page(Path folder, Path baseline, double threshold) {
    JsonNode r = Json.read(folder.resolve(FILE), dev.qrtl.util.ResultFormat.NETWORK, SHAPE);
    JsonNode b = baseline == null ? null : ComparisonKind.baselineOf(baseline, FILE, dev.qrtl.util.ResultFormat.NETWORK, SHAPE);
    String question = question(r);
    List<Page.Fact> headline = new ArrayList<>();
    for (JsonNode t : Json.list(r, "/totals")) {
      headline.add(new Page.Fact(Json.text(t, "/scheme"), "requantization " + Fmt.energy(Json.num(t, "/unifiedPj")) + " per inference ("
          + Fmt.fixed(Json.num(t, "/sharePercent"), 2) + " % of MAC + requantization); conventional pipeline "
          + Fmt.energy(Json.num(t, "/conventionalPj")) + ", fusing saves " + Fmt.fixed(Json.num(t, "/savingPercent"), 1)
          + " %; RMS error " + Fmt.fixed(Json.num(t, "/rmsErrorLsb"), 2) + " LSB"));
    }
    List<Page.Fact> provenance = Provenance.of(r, "network", "/network", "shapes from", "/source", "input", "/input", "library", "/library",
        "corner", "/corner", "library SHA-256", "/librarySha256", "activation bits", "/aBits", "weight bits", "/wBits", "output bits",
        "/outBits", "array", "/array", "energy model", "/energyModel", "operations per unit", "/operations", "seed", "/seed",
        "data movement", "/published/source", "Yosys", "/yosys", "Java", "/java", "qrtl", "/qrtl");
    List<Page.Section> sections = new ArrayList<>();
    sections.add(new Page.Section("Per inference", "", List.of(totals().build(Json.list(r, "/totals"),
        b == null ? null : Json.list(b, "/totals"), threshold)), Plots.of(folder, "totals", "Energy per inference by scheme")));
    sections.add(new Page.Section("Per layer", "Requantization energy per layer with one requantization per output (unified).",
        List.of(layers(r).build(Json.list(r, "/layers"), b == null ? null : Json.list(b, "/layers"), threshold)),
        Plots.of(folder, "energy-per-layer", "MAC and requantization energy per layer")));
    sections.add(new Page.Section("Units priced", "Each unit simulated at gate level on data shaped like what reaches it;"
        + " requantizers' outputs checked against their golden models.", List.of(units().build(Json.list(r, "/units"),
        b == null ? null : Json.list(b, "/units"), threshold)), List.of()));
    return new Page(folder.getFileName().toString(), question, headline, provenance, "", sections);
  }

  @Override
  public String question(Path folder) {
    return question(Json.read(folder.resolve(FILE), dev.qrtl.util.ResultFormat.NETWORK, SHAPE));
  }

  private static String question(JsonNode r) {
    return "What does requantization cost per inference of " + Json.text(r, "/network") + " (" + Json.text(r, "/input")
        + ", int" + Json.text(r, "/aBits") + ") on " + Json.text(r, "/library") + ", beside the MACs, and in accuracy?";
  }

  private static TableSpec totals() {
    return new TableSpec("totals", "Per inference, by scheme", FILE + "#/totals", x -> Json.text(x, "/scheme"), List.of(
        Col.text("scheme", x -> Json.text(x, "/scheme")), energy("MACs", "/macPj"), energy("requantization, unified", "/unifiedPj"),
        energy("requantization, conventional", "/conventionalPj"), Col.num("share of MAC + requantization", "%", "/sharePercent", 3),
        Col.num("fusing saves", "%", "/savingPercent", 1), Col.num("parameter bits", "", "/parameterBits", 0),
        Col.num("requantizer area (array)", "um^2", "/requantizerAreaUm2", 0), Col.num("MAC array area", "um^2", "/macArrayAreaUm2", 0),
        Col.num("parameter registers", "um^2", "/parameterRegisterAreaUm2", 0), energy("parameter reads", "/parameterReadPj"),
        energy("data movement (published)", "/dataMovementPj"), Col.num("RMS error", "LSB", "/rmsErrorLsb", 3)));
  }

  private static Col energy(String header, String at) {
    return new Col(header, "", x -> Fmt.energy(Json.num(x, at)), x -> Json.num(x, at));
  }

  private static TableSpec layers(JsonNode r) {
    List<Col> cols = new ArrayList<>(List.of(Col.text("layer", x -> Json.text(x, "/layer/name")),
        Col.text("op", x -> Json.text(x, "/layer/op")),
        Col.text("shape", x -> Json.text(x, "/layer/cin") + " -> " + Json.text(x, "/layer/cout") + ", " + Json.text(x, "/layer/kh") + "x"
            + Json.text(x, "/layer/kw") + ", out " + Json.text(x, "/layer/outH") + "x" + Json.text(x, "/layer/outW")),
        new Col("MACs", "", x -> Fmt.count(Json.num(x, "/macs")), x -> Json.num(x, "/macs")),
        new Col("outputs", "", x -> Fmt.count(Json.num(x, "/requantizationsUnified")), x -> Json.num(x, "/requantizationsUnified")),
        Col.num("accumulator", "bits", "/accBits", 0), Col.num("MAC energy", "pJ/MAC", "/macEnergyPj", 4)));
    List<JsonNode> layers = Json.list(r, "/layers");
    List<JsonNode> schemes = layers.isEmpty() ? List.of() : Json.list(layers.get(0), "/schemes");
    for (int i = 0; i < schemes.size(); i++) {
      String at = "/schemes/" + i;
      String name = Json.text(schemes.get(i), "/scheme");
      cols.add(new Col(name + ": requantization", "", x -> Fmt.energy(Json.num(x, at + "/unifiedPj")), x -> Json.num(x, at + "/unifiedPj")));
      cols.add(Col.num(name + ": RMS error", "LSB", at + "/rmsErrorLsb", 2));
    }
    return new TableSpec("layers", "Per layer", FILE + "#/layers", x -> Json.text(x, "/layer/name"), cols);
  }

  private static TableSpec units() {
    return new TableSpec("units", "Units", FILE + "#/units", x -> Json.text(x, "/design"), List.of(
        Col.text("design", x -> Json.text(x, "/design")), Col.num("area", "um^2", "/areaUm2", 1),
        Col.withCi("energy (95 % CI)", "pJ/op", "/energyPj", "/energyCi95Pj", 4), Col.num("critical path", "ns", "/delayNs", 3),
        Col.num("parameter bits", "", "/parameterBits", 0), Col.text("stimulus", x -> Json.text(x, "/stimulus")),
        Col.text("model", x -> Json.text(x, "/model"))));
  }
}
