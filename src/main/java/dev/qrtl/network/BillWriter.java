package dev.qrtl.network;

import dev.qrtl.results.NetworkBill;
import dev.qrtl.results.UnitPrice;
import dev.qrtl.manifest.ManifestIo;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A network bill as Markdown (headline, totals, layers), CSV (one row per layer and scheme) and JSON (everything). */
public final class BillWriter {
  private BillWriter() {}

  private static String f(String fmt, Object... a) {
    return String.format(Locale.ROOT, fmt, a);
  }

  private static String uj(double pj) {
    return f("%.2f", pj / 1e6);
  }

  private static String big(long v) {
    return v >= 1_000_000 ? f("%.2f M", v / 1e6) : Long.toString(v);
  }

  /** The few lines the command prints: per scheme, the requantization energy per inference and its share. */
  public static String headline(NetworkBill b) {
    StringBuilder s = new StringBuilder();
    for (NetworkBill.Total t : b.totals()) {
      s.append(f("  %-16s requantization %9s uJ per inference (%5.2f %% of MAC + requantization; conventional %s uJ, fusing saves %.1f %%)%n",
          t.scheme(), uj(t.unifiedPj()), t.sharePercent(), uj(t.conventionalPj()), t.savingPercent()));
    }
    return s.toString();
  }

  public static String markdown(NetworkBill b) {
    StringBuilder s = new StringBuilder();
    long macs = b.layers().stream().mapToLong(NetworkBill.LayerBill::macs).sum();
    long requants = b.layers().stream().mapToLong(NetworkBill.LayerBill::requantizationsUnified).sum();
    long conventional = b.layers().stream().mapToLong(NetworkBill.LayerBill::requantizationsConventional).sum();
    s.append("# Requantization bill: ").append(b.network()).append("\n\n");
    s.append("Source: ").append(b.source()).append("; input ").append(b.input()).append(".\n");
    s.append(f("Library **%s** (corner %s, SHA-256 %s...), %s, qrtl %s, %s. Activations int%d (requantized back to %d bits), weights int%d;"
        + " array %s.%n", b.library(), b.corner(), b.librarySha256().substring(0, 12), b.yosys(), b.qrtl(), b.java(), b.aBits(), b.outBits(),
        b.wBits(), b.array()));
    s.append("Energy: ").append(b.energyModel()).append("; ").append(b.operations()).append(" operations per unit, seed ").append(b.seed())
        .append(".\n\n");
    List<NetworkBill.ElementwiseBill> ew = b.elementwise() == null ? List.of() : b.elementwise();
    long elementwise = ew.stream().mapToLong(NetworkBill.ElementwiseBill::operations).sum();
    s.append(f("Per inference: %s MACs, %s requantizations in the unified module (one per output), %s in the conventional pipeline"
        + " (a second one after each batch norm)%s.%n%n", big(macs), big(requants), big(conventional), ew.isEmpty() ? ""
        : f("; and %s element-wise requantizations between the layers in both (residual adds, pools, concatenations: %s)", big(elementwise),
        elementwiseSummary(ew))));
    if (b.notes() != null && !b.notes().isEmpty()) {
      s.append("Import notes:\n\n");
      b.notes().forEach(n -> s.append("- ").append(n).append("\n"));
      s.append("\n");
    }
    s.append("## Totals per inference\n\n");
    s.append("| scheme | MAC uJ | requant uJ (unified) | of which element-wise | share of MAC + requant | requant uJ (conventional) | fusing"
        + " saves | parameter bits | requantizer area um^2 | MAC array area um^2 | parameter registers um^2 | parameter reads uJ (published SRAM)"
        + " | RMS error LSB |\n");
    s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (NetworkBill.Total t : b.totals()) {
      s.append(f("| %s | %s | %s | %s | %.2f %% | %s | %.1f %% | %s | %.0f | %.0f | %.0f | %s | %s |%n", t.scheme(), uj(t.macPj()),
          uj(t.unifiedPj()), t.elementwisePj() == null ? "- (no unit)" : uj(t.elementwisePj()), t.sharePercent(), uj(t.conventionalPj()), t.savingPercent(), big(t.parameterBits()), t.requantizerAreaUm2(), t.macArrayAreaUm2(),
          t.parameterRegisterAreaUm2(), uj(t.parameterReadPj()), t.rmsErrorLsb() == null ? "-" : f("%.3f", t.rmsErrorLsb())));
    }
    if (b.tokens() != null && b.tokens() > 0) {
      s.append(f("%nPer token (%d token%s per inference):%n%n| scheme | MAC uJ per token | requant uJ per token (unified) | of which"
          + " element-wise |%n|---|---:|---:|---:|%n", b.tokens(), b.tokens() == 1 ? "" : "s"));
      for (NetworkBill.Total t : b.totals()) {
        s.append(f("| %s | %s | %s | %s |%n", t.scheme(), f("%.4f", t.macPj() / 1e6 / b.tokens()), f("%.4f", t.unifiedPj() / 1e6
            / b.tokens()), t.elementwisePj() == null ? "-" : f("%.4f", t.elementwisePj() / 1e6 / b.tokens())));
      }
    }
    if (!b.totals().isEmpty()) {
      s.append(f("%nData movement (published constants, not measured): each weight read once and each activation written and read once"
          + " at %s pJ per 64 bits (8 KB SRAM, %s) is %s uJ per inference; DRAM would be %.0f pJ per 64 bits.%n", num(b.published()
          .sramPjPer64Bits()), "Horowitz ISSCC 2014", uj(b.totals().get(0).dataMovementPj()), b.published().dramPjPer64Bits()));
    }
    s.append("\nRequantizer area: one unit per array output, as the unified module builds them, at the widest layer's accumulator;"
        + " parameter registers: one output channel's parameters and bias per column in the library's smallest flip-flop. The"
        + " conventional column counts its requantizations only (its batch-norm multiply-add and ReLU come on top; `qrtl compare`'s"
        + " network view prices them per output).\n\n");
    s.append("## Layers\n\n");
    List<String> schemes = b.totals().isEmpty() ? List.of() : b.totals().stream().map(NetworkBill.Total::scheme).toList();
    s.append("| layer | op | activation (how seen) | K | acc bits | MACs | outputs | MAC pJ/op | MAC uJ |");
    for (String sc : schemes) {
      s.append(" ").append(sc).append(" uJ (share) |");
    }
    s.append("\n|---|---|---|---:|---:|---:|---:|---:|---:|");
    s.append("---:|".repeat(schemes.size())).append("\n");
    for (NetworkBill.LayerBill l : b.layers()) {
      var w = l.layer().widths();
      var act = l.layer().activation();
      s.append(f("| %s | %s | %s | %d | %d | %s | %s | %.4f | %s |", l.layer().name(), l.layer().op().name().toLowerCase(Locale.ROOT)
          + (w == null ? "" : f(" (a%d w%d, out %d)", w.aBits(), w.wBits(), w.outBits())), act == null ? "-" : act.label() + " ("
          + act.detectedBy() + ")", l.layer().k(), l.accBits(), big(l.macs()), big(l.requantizationsUnified()), l.macEnergyPj(),
          uj(l.macs() * l.macEnergyPj())));
      for (String sc : schemes) {
        var c = l.schemes().stream().filter(x -> x.scheme().equals(sc)).findFirst();
        s.append(c.map(x -> f(" %s (%.2f %%) |", uj(x.unifiedPj()), x.sharePercent())).orElse(" - |"));
      }
      s.append("\n");
    }
    if (!ew.isEmpty()) {
      s.append("\n## Element-wise requantizations\n\n");
      s.append("Each output value of a residual add is one operation of the scheme's residual-add unit (two inputs with their own scales,"
          + " one output scale); an average pool's, a concatenation's rescaled input's and a product's is one requantization of the value"
          + " at its width by the scheme's requantizer; a lookup table (sigmoid, leaky ReLU on int8) is counted, not priced.\n\n");
      s.append("| operator | kind | model's op | value bits | window | operations |");
      for (String sc : schemes) {
        s.append(" ").append(sc).append(" uJ (pJ/op) |");
      }
      s.append("\n|---|---|---|---:|---:|---:|").append("---:|".repeat(schemes.size())).append("\n");
      for (NetworkBill.ElementwiseBill e : ew) {
        s.append(f("| %s | %s | %s | %d | %d | %s |", e.op().name(), e.op().kind().label(), e.op().op(), e.valueBits(), e.op().window(),
            big(e.operations())));
        for (String sc : schemes) {
          var c = e.schemes().stream().filter(x -> x.scheme().equals(sc)).findFirst();
          s.append(c.map(x -> f(" %s (%.4f) |", uj(x.totalPj()), x.energyPerOperationPj())).orElse(" - |"));
        }
        s.append("\n");
      }
    }
    s.append("\n## Units priced\n\n| design | stimulus | area um^2 | delay ns | energy pJ/op (95 % CI) | parameter bits |\n"
        + "|---|---|---:|---:|---:|---:|\n");
    for (UnitPrice u : b.units()) {
      s.append(f("| %s | `%s` | %.1f | %.3f | %.4f +- %.4f | %d |%n", u.design(), u.stimulus(), u.areaUm2(), u.delayNs(), u.energyPj(),
          u.energyCi95Pj(), u.parameterBits()));
    }
    return s.toString();
  }

  /** "8 adds, 1 average-pool": the operators by kind, in first-seen order. */
  private static String elementwiseSummary(List<NetworkBill.ElementwiseBill> ew) {
    java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
    ew.forEach(e -> counts.merge(e.op().kind().label(), 1, Integer::sum));
    return String.join(", ", counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList());
  }

  private static String num(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  public static String csv(NetworkBill b) {
    StringWriter w = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
      p.printRecord("layer", "op", "k", "acc_bits", "macs", "outputs", "requantizations_conventional", "mac_energy_pj", "scheme",
          "energy_per_requantization_pj", "unified_pj", "conventional_pj", "share_percent", "parameter_bits", "rms_error_lsb");
      for (NetworkBill.LayerBill l : b.layers()) {
        for (NetworkBill.SchemeCost c : l.schemes()) {
          p.printRecord(l.layer().name(), l.layer().op().name().toLowerCase(Locale.ROOT), l.layer().k(), l.accBits(), l.macs(),
              l.requantizationsUnified(), l.requantizationsConventional(), f("%.6f", l.macEnergyPj()), c.scheme(),
              f("%.6f", c.energyPerRequantizationPj()), f("%.3f", c.unifiedPj()), f("%.3f", c.conventionalPj()), f("%.4f", c.sharePercent()),
              c.parameterBits(), c.rmsErrorLsb() == null ? "" : f("%.5f", c.rmsErrorLsb()));
        }
      }
      // the element-wise operators: op is the kind, k the window, acc_bits the value's width, no MACs
      for (NetworkBill.ElementwiseBill e : b.elementwise() == null ? List.<NetworkBill.ElementwiseBill>of() : b.elementwise()) {
        for (NetworkBill.ElementwiseCost c : e.schemes()) {
          p.printRecord(e.op().name(), e.op().kind().label(), e.op().window(), e.valueBits(), 0, e.operations(), e.operations(), "", c.scheme(),
              f("%.6f", c.energyPerOperationPj()), f("%.3f", c.totalPj()), f("%.3f", c.totalPj()), "", "", "");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  public static String json(NetworkBill b) {
    try {
      return ManifestIo.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(b) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
