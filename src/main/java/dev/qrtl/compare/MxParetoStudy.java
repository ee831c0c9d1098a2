package dev.qrtl.compare;

import dev.qrtl.accuracy.MxErrorStudy;
import dev.qrtl.accuracy.RealDistribution;
import dev.qrtl.results.CompareResult;
import dev.qrtl.results.CompareRow;
import dev.qrtl.results.MxAccuracyFile;
import dev.qrtl.results.MxErrorRow;
import dev.qrtl.results.MxParetoPoint;
import dev.qrtl.results.MxParetoResult;
import dev.qrtl.spec.BlockQuantizerSpec.ScaleRule;
import dev.qrtl.spec.MxFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The MX accuracy-cost front over format, block size and scale rule: cost per element from a
 * comparison of the block quantizers (synthesis and gate-level energy, {@link BlockForm}), error
 * from {@link MxErrorStudy} on one distribution; beside them int8 with one scale per tensor and per
 * channel, priced as the per-element requantizer a real scale needs ({@link #REFERENCE}).
 */
public final class MxParetoStudy {
  private MxParetoStudy() {}

  /** The requantizer the int8 references are priced as: a real scale in an 8-bit dyadic multiplier (the dyadic study's knee). */
  public static final String REFERENCE = "dyadic:m=8";

  /** Every block form the study prices: each format x K x both scale rules. */
  public static List<BlockForm> forms(List<MxFormat> formats, List<Integer> blocks) {
    List<BlockForm> out = new ArrayList<>();
    for (MxFormat f : formats) {
      for (int k : blocks) {
        for (ScaleRule r : ScaleRule.values()) {
          out.add(new BlockForm(f, k, r));
        }
      }
    }
    return out;
  }

  /** The element widths of {@code formats}, ascending: the comparison's output widths. */
  public static List<Integer> elementBits(List<MxFormat> formats) {
    return formats.stream().map(MxFormat::bits).distinct().sorted().toList();
  }

  public static MxParetoResult build(CompareResult cost, MxAccuracyFile accuracy, RealDistribution d, int accBits) {
    List<MxParetoPoint> points = new ArrayList<>();
    for (MxErrorRow e : accuracy.results()) {
      if (!e.distribution().equals(d.cliName())) {
        continue;
      }
      if (e.block() == null) {
        CompareRow ref = row(cost, REFERENCE, accBits, 8);
        points.add(new MxParetoPoint(e.form(), null, null, 8, e.bitsPerElement(), REFERENCE + " " + accBits + " -> 8", ref.areaUm2(),
            ref.energyPj(), ref.delayNs(), e.sqnrDb(), e.relativeRms(), false, false));
        continue;
      }
      String label = e.form();
      MxFormat f = MxFormat.parse(label.substring(0, label.indexOf(':')));
      CompareRow unit = row(cost, label, accBits, f.bits());
      points.add(new MxParetoPoint(label, e.block(), e.scaleRule(), f.bits(), e.bitsPerElement(), "synthesis", unit.areaUm2(), unit.energyPj(),
          unit.delayNs(), e.sqnrDb(), e.relativeRms(), false, false));
    }
    List<MxParetoPoint> fronted = new ArrayList<>();
    for (MxParetoPoint p : points) {
      fronted.add(p.withFronts(onFront(p, points, true), onFront(p, points, false)));
    }
    return new MxParetoResult(cost.qrtl(), cost.library(), cost.yosys(), cost.stimulus(), cost.seed(), cost.operations(), cost.clock(), accBits,
        d.cliName(), accuracy.rows(), accuracy.channels(), fronted);
  }

  private static CompareRow row(CompareResult r, String scheme, int acc, int out) {
    return r.rows().stream().filter(x -> x.scheme().equals(scheme) && x.accBits() == acc && x.outBits() == out).findFirst()
        .orElseThrow(() -> new IllegalStateException("the comparison has no row " + scheme + " " + acc + " -> " + out));
  }

  /** No other point at most as costly and at least as accurate, one of them strictly. */
  static boolean onFront(MxParetoPoint p, List<MxParetoPoint> all, boolean energy) {
    double c = energy ? p.energyPj() : p.areaUm2();
    for (MxParetoPoint q : all) {
      double qc = energy ? q.energyPj() : q.areaUm2();
      if (q != p && qc <= c && q.sqnrDb() >= p.sqnrDb() && (qc < c || q.sqnrDb() > p.sqnrDb())) {
        return false;
      }
    }
    return true;
  }

  /** Markdown of the front. */
  public static String markdown(MxParetoResult r) {
    StringBuilder b = new StringBuilder("# MX formats: accuracy against cost per element\n\n");
    b.append(String.format(Locale.ROOT, "Cost: each block quantizer (%d-bit integer inputs) synthesized on %s (%s, %s), energy per element from"
        + " gate-level simulation on %s (seed %d); the int8 references priced as the %s requantizer a real scale needs. Error: SQNR on %s data,"
        + " %d rows x %d channels, blocks along the channels. %s.%n%n", r.accBits(), r.library(), r.yosys(), r.clock(), r.stimulus(), r.seed(),
        REFERENCE, r.distribution(), r.rows(), r.channels(), r.qrtl()));
    b.append("| form | bits / element | area / element um^2 | energy / element pJ | SQNR dB | energy front | area front |\n");
    b.append("|---|---:|---:|---:|---:|---|---|\n");
    for (MxParetoPoint p : r.points()) {
      b.append(String.format(Locale.ROOT, "| %s | %.3f | %.1f | %.4f | %.2f | %s | %s |%n", p.form(), p.bitsPerElement(), p.areaUm2(),
          p.energyPj(), p.sqnrDb(), p.energyFront() ? "yes" : "", p.areaFront() ? "yes" : ""));
    }
    return b.toString();
  }
}
