package dev.qrtl.compare;

import dev.qrtl.energy.UnitCost;
import dev.qrtl.energy.UnitCostModel;
import dev.qrtl.kind.Designs;
import dev.qrtl.results.CompareResult;
import dev.qrtl.results.MxUnitRow;
import dev.qrtl.results.MxUnitsResult;
import dev.qrtl.spec.BlockDotSpec;
import dev.qrtl.spec.DesignSpec;
import dev.qrtl.spec.GroupPeSpec;
import dev.qrtl.spec.GroupPeSpec.Granularity;
import dev.qrtl.spec.GroupPeSpec.GroupScale;
import dev.qrtl.spec.MxFormat;
import dev.qrtl.util.CacheDirs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The MX study's other units, each priced (synthesis, then gate-level energy) beside its plain
 * counterpart: block dot products of every format, exact and into a binary32 accumulator, beside
 * the int8 dot product of the same K; group-scaled PEs (W4A8 and W8A8 at G = 32, 64, 128, with
 * shift, dyadic m = 8 and binary16 scales) beside the plain MAC.
 */
public final class MxUnitsStudy {
  private MxUnitsStudy() {}

  /** A unit, its label, and the label of its baseline. */
  record Unit(String label, DesignSpec spec, int macs, String baseline) {}

  static List<Unit> units(List<MxFormat> formats, int dotBlock, int k, List<Integer> groups) {
    List<Unit> out = new ArrayList<>();
    String int8 = "int8 dot k=" + dotBlock;
    out.add(new Unit(int8, new BlockDotSpec(MxFormat.MXINT8, false, dotBlock, BlockDotSpec.Accumulation.EXACT, 0), dotBlock, int8));
    for (MxFormat f : formats) {
      for (BlockDotSpec.Accumulation a : BlockDotSpec.Accumulation.values()) {
        out.add(new Unit(f.cliName() + " dot k=" + dotBlock + " " + a.cliName(), new BlockDotSpec(f, true, dotBlock, a, 0), dotBlock, int8));
      }
    }
    for (int w : new int[] {4, 8}) {
      String plain = "W" + w + "A8 MAC";
      out.add(new Unit(plain, new GroupPeSpec(8, w, k, Granularity.TENSOR, 0, GroupScale.SHIFT, 4, 0), 1, plain));
      for (int g : groups) {
        out.add(new Unit("W" + w + "A8 group:" + g + " shift", new GroupPeSpec(8, w, k, Granularity.GROUP, g, GroupScale.SHIFT, 4, 0), 1, plain));
        out.add(new Unit("W" + w + "A8 group:" + g + " dyadic:m=8", new GroupPeSpec(8, w, k, Granularity.GROUP, g, GroupScale.DYADIC, 8, 0), 1,
            plain));
        out.add(new Unit("W" + w + "A8 group:" + g + " fp16", new GroupPeSpec(8, w, k, Granularity.GROUP, g, GroupScale.FP16, 16, 0), 1, plain));
      }
    }
    return out;
  }

  /** Prices every unit with the comparison's cost model and options; {@code header} gives the provenance. */
  public static MxUnitsResult run(CompareConfig c, CompareResult header, List<MxFormat> formats, int dotBlock, int k, List<Integer> groups) {
    Path designs = CacheDirs.root().resolve("designs");
    UnitCostModel model = Comparison.cost(c);
    List<Unit> units = units(formats, dotBlock, k, groups);
    List<StudyEngine.Point<UnitCost>> points = new ArrayList<>();
    for (Unit u : units) {
      Path manifest = Designs.write(u.spec(), designs);
      points.add(new StudyEngine.Point<>(u.label(), u.macs(), () -> model.price(manifest, c.energy())));
    }
    List<UnitCost> priced = StudyEngine.run("MX units", points, c.progress());
    Map<String, UnitCost> byLabel = new LinkedHashMap<>();
    for (int i = 0; i < units.size(); i++) {
      byLabel.put(units.get(i).label(), priced.get(i));
    }
    List<MxUnitRow> rows = new ArrayList<>();
    for (Unit u : units) {
      UnitCost p = byLabel.get(u.label());
      UnitCost b = byLabel.get(u.baseline());
      rows.add(new MxUnitRow(u.label(), p.design(), dev.qrtl.kind.DesignKinds.of(u.spec()).operation(), u.macs(), p.areaUm2(),
          p.synthesis().cells(), p.delayNs(), p.energyPj(), p.energyCi95Pj(), p.energyPj() / u.macs(), u.baseline(), p.areaUm2() / b.areaUm2(),
          p.energyPj() / b.energyPj()));
    }
    return new MxUnitsResult(header.qrtl(), header.library(), header.yosys(), header.stimulus(), header.seed(), c.energy().operations(),
        header.clock(), rows);
  }

  public static String markdown(MxUnitsResult r) {
    StringBuilder b = new StringBuilder("# MX units beside their plain counterparts\n\n");
    b.append(String.format(Locale.ROOT, "%s (%s, %s); energy per operation from gate-level simulation on %s (seed %d, %d operations); a"
        + " block dot product is K MACs, a PE cycle one. Over baseline: the unit's figure over its plain counterpart's. %s.%n%n",
        r.library(), r.yosys(), r.clock(), r.stimulus(), r.seed(), r.operations(), r.qrtl()));
    b.append("| unit | area um^2 | delay ns | energy pJ / op | energy pJ / MAC | area / baseline | energy / baseline | baseline |\n");
    b.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
    for (MxUnitRow x : r.rows()) {
      b.append(String.format(Locale.ROOT, "| %s | %.1f | %.3f | %.4f | %.4f | %.3f | %.3f | %s |%n", x.unit(), x.areaUm2(), x.delayNs(),
          x.energyPj(), x.energyPerMacPj(), x.areaOverBaseline(), x.energyOverBaseline(), x.baseline()));
    }
    return b.toString();
  }
}
