package dev.qrtl.report;

import dev.qrtl.results.NetworkBill;
import dev.qrtl.results.NetworkBill.LayerBill;
import dev.qrtl.results.NetworkBill.SchemeCost;
import dev.qrtl.results.NetworkBill.Total;
import dev.qrtl.results.ResultFiles;
import dev.qrtl.results.UnitPrice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A {@code qrtl network} folder ({@code network.json}): the network's bill per inference and per layer, and the units it prices. */
final class NetworkKind implements ReportKind {
  static final String FILE = "network.json";

  @Override
  public boolean matches(Path folder) {
    return Files.isRegularFile(folder.resolve(FILE));
  }

  @Override
  public Page page(Path folder, Path baseline, double threshold) {
    NetworkBill r = Load.of(folder.resolve(FILE), ResultFiles::network);
    NetworkBill b = baseline == null ? null : Load.baseline(baseline, FILE, ResultFiles::network);
    String question = question(r);
    List<Page.Fact> headline = new ArrayList<>();
    for (Total t : r.totals()) {
      headline.add(new Page.Fact(t.scheme(), "requantization " + Fmt.energy(t.unifiedPj()) + " per inference ("
          + Fmt.fixed(t.sharePercent(), 2) + " % of MAC + requantization); conventional pipeline "
          + Fmt.energy(t.conventionalPj()) + ", fusing saves " + Fmt.fixed(t.savingPercent(), 1)
          + " %; RMS error " + Fmt.fixed(t.rmsErrorLsb(), 2) + " LSB"));
    }
    List<Page.Fact> provenance = Provenance.of("network", r.network(), "shapes from", r.source(), "input", r.input(), "library", r.library(),
        "corner", r.corner(), "library SHA-256", r.librarySha256(), "activation bits", r.aBits(), "weight bits", r.wBits(), "output bits",
        r.outBits(), "array", r.array(), "energy model", r.energyModel(), "operations per unit", r.operations(), "seed", r.seed(),
        "data movement", r.published().source(), "Yosys", r.yosys(), "Java", r.java(), "qrtl", r.qrtl());
    List<Page.Section> sections = new ArrayList<>();
    sections.add(new Page.Section("Per inference", "", List.of(totals().build(r.totals(), b == null ? null : b.totals(), threshold)),
        Plots.of(folder, "totals", "Energy per inference by scheme")));
    sections.add(new Page.Section("Per layer", "Requantization energy per layer with one requantization per output (unified).",
        List.of(layers(r).build(r.layers(), b == null ? null : b.layers(), threshold)),
        Plots.of(folder, "energy-per-layer", "MAC and requantization energy per layer")));
    if (r.elementwise() != null && !r.elementwise().isEmpty()) {
      sections.add(new Page.Section("Between the layers", "Element-wise requantizations: each residual add's output one operation of the"
          + " scheme's residual-add unit; a pool's, a concatenation's rescaled input's and a product's one requantization at the value's"
          + " width; lookup tables counted, not priced.", List.of(elementwise(r).build(r.elementwise(), b == null ? null : b.elementwise(),
          threshold)), List.of()));
    }
    sections.add(new Page.Section("Units priced", "Each unit simulated at gate level on data shaped like what reaches it;"
        + " requantizers' outputs checked against their golden models.", List.of(units().build(r.units(),
        b == null ? null : b.units(), threshold)), List.of()));
    return new Page(folder.getFileName().toString(), question, headline, provenance, "", sections);
  }

  @Override
  public String question(Path folder) {
    return question(Load.of(folder.resolve(FILE), ResultFiles::network));
  }

  private static String question(NetworkBill r) {
    return "What does requantization cost per inference of " + r.network() + " (" + r.input() + ", int" + r.aBits() + ") on " + r.library()
        + ", beside the MACs, and in accuracy?";
  }

  private static TableSpec<Total> totals() {
    return new TableSpec<>("totals", "Per inference, by scheme", FILE + "#/totals", Total::scheme, List.of(
        Col.text("scheme", Total::scheme), energy("MACs", Total::macPj), energy("requantization, unified", Total::unifiedPj),
        energy("of which element-wise", Total::elementwisePj), energy("requantization, conventional", Total::conventionalPj), Col.num("share of MAC + requantization", "%", Total::sharePercent, 3),
        Col.num("fusing saves", "%", Total::savingPercent, 1), Col.num("parameter bits", "", Total::parameterBits, 0),
        Col.num("requantizer area (array)", "um^2", Total::requantizerAreaUm2, 0), Col.num("MAC array area", "um^2", Total::macArrayAreaUm2, 0),
        Col.num("parameter registers", "um^2", Total::parameterRegisterAreaUm2, 0), energy("parameter reads", Total::parameterReadPj),
        energy("data movement (published)", Total::dataMovementPj), Col.num("RMS error", "LSB", Total::rmsErrorLsb, 3)));
  }

  private static <T> Col<T> energy(String header, Function<T, ? extends Number> at) {
    Function<T, Double> v = Col.value(at);
    return new Col<>(header, "", x -> Fmt.energy(v.apply(x)), v);
  }

  private static TableSpec<LayerBill> layers(NetworkBill r) {
    List<Col<LayerBill>> cols = new ArrayList<>(List.of(Col.text("layer", x -> x.layer().name()),
        Col.text("op", x -> x.layer().op().name()),
        Col.text("shape", x -> x.layer().cin() + " -> " + x.layer().cout() + ", " + x.layer().kh() + "x" + x.layer().kw() + ", out "
            + x.layer().outH() + "x" + x.layer().outW()),
        new Col<>("MACs", "", x -> Fmt.count((double) x.macs()), x -> (double) x.macs()),
        new Col<>("outputs", "", x -> Fmt.count((double) x.requantizationsUnified()), x -> (double) x.requantizationsUnified()),
        Col.num("accumulator", "bits", LayerBill::accBits, 0), Col.num("MAC energy", "pJ/MAC", LayerBill::macEnergyPj, 4)));
    List<SchemeCost> schemes = r.layers().isEmpty() ? List.of() : r.layers().get(0).schemes();
    for (int i = 0; i < schemes.size(); i++) {
      int at = i;
      String name = schemes.get(i).scheme();
      Function<LayerBill, SchemeCost> cost = x -> x.schemes().size() > at ? x.schemes().get(at) : null;
      cols.add(energy(name + ": requantization", x -> cost.apply(x) == null ? null : cost.apply(x).unifiedPj()));
      cols.add(Col.num(name + ": RMS error", "LSB", x -> cost.apply(x) == null ? null : cost.apply(x).rmsErrorLsb(), 2));
    }
    return new TableSpec<>("layers", "Per layer", FILE + "#/layers", x -> x.layer().name(), cols);
  }

  private static TableSpec<NetworkBill.ElementwiseBill> elementwise(NetworkBill r) {
    List<Col<NetworkBill.ElementwiseBill>> cols = new ArrayList<>(List.of(Col.text("operator", x -> x.op().name()),
        Col.text("kind", x -> x.op().kind().label()), Col.text("model's op", x -> x.op().op()),
        Col.num("value", "bits", NetworkBill.ElementwiseBill::valueBits, 0), Col.num("window", "", x -> x.op().window(), 0),
        new Col<>("operations", "", x -> Fmt.count((double) x.operations()), x -> (double) x.operations())));
    for (Total t : r.totals()) {
      String name = t.scheme();
      Function<NetworkBill.ElementwiseBill, NetworkBill.ElementwiseCost> cost = x -> x.schemes().stream().filter(c -> c.scheme().equals(name))
          .findFirst().orElse(null);
      cols.add(energy(name, x -> cost.apply(x) == null ? null : cost.apply(x).totalPj()));
    }
    return new TableSpec<>("elementwise", "Element-wise requantizations", FILE + "#/elementwise", x -> x.op().name(), cols);
  }

  private static TableSpec<UnitPrice> units() {
    return new TableSpec<>("units", "Units", FILE + "#/units", UnitPrice::design, List.of(
        Col.text("design", UnitPrice::design), Col.num("area", "um^2", UnitPrice::areaUm2, 1),
        Col.withCi("energy (95 % CI)", "pJ/op", UnitPrice::energyPj, UnitPrice::energyCi95Pj, 4), Col.num("critical path", "ns", UnitPrice::delayNs, 3),
        Col.num("parameter bits", "", UnitPrice::parameterBits, 0), Col.text("stimulus", UnitPrice::stimulus),
        Col.text("model", UnitPrice::model)));
  }
}
