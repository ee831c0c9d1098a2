package dev.qrtl.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qrtl.compare.Shards;
import dev.qrtl.compare.SweepPoint;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.network.BillShards;
import dev.qrtl.results.UnitPrice;
import dev.qrtl.report.Reports;
import dev.qrtl.testing.Golden;
import dev.qrtl.util.QrtlException;
import dev.qrtl.util.ResultFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The readers of qrtl's own results, fed seeded mutations of valid files (see {@link
 * ParserFuzzTest}): a shard of a sweep and of a network bill as a merge reads them, and a
 * comparison, network bill, accuracy table and Pareto front as the report reads them. Each
 * mutation either reads (a page is made) or is refused with one {@link QrtlException} line.
 */
class ResultFuzzTest {
  @TempDir Path dir;

  private static final String SHA = "0123456789abcdef".repeat(4);

  private void fuzzFile(String what, byte[] base, Path file, Runnable read) {
    ParserFuzzTest.fuzz(what, base, QrtlException.class, b -> {
      try {
        Files.write(file, b);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      read.run();
    });
  }

  @Test
  void shardsOfASweep() throws Exception {
    List<SweepPoint> points = List.of(new SweepPoint(0, "a", 2), new SweepPoint(1, "b", 1), new SweepPoint(2, "c", 3));
    Shards.Definition d = new Shards.Definition("0.1.0", "compare", List.of("shift-round"), List.of(16), List.of(4, 8), "lib", SHA, "t", "p",
        "products:k=64", 1, 200, 1024, 20, true, 0, null, points);
    List<Shards.PointResult> r = new ArrayList<>();
    List<Integer> mine = Shards.partition(points, 1).get(0);
    for (int i : mine) {
      r.add(i == 2 ? new Shards.PointResult(null, SurfaceBatteryTest.networkRow(400))
          : new Shards.PointResult(SurfaceBatteryTest.row(i == 0 ? 4 : 8, 50 + i), null));
    }
    Path tmp = Shards.STORE.write(dir.resolve("base"), new Shards.Spec(1, 1), d, SurfaceBatteryTest.header(), mine, r);
    byte[] base = Files.readAllBytes(tmp);
    Path f = dir.resolve("shard-1-of-1.json");
    fuzzFile("sweep shard", base, f, () -> Shards.read(f));
  }

  @Test
  void shardsOfANetworkBill() throws Exception {
    BillShards.Definition d = new BillShards.Definition("0.1.0", "network", "resnet18", "built-in", "1x3x224x224", 1, List.of("shift-round"),
        8, 8, "16x16", "lib", SHA, "t", "p", 4000, 1, 1024, 25, 0, List.of(new SweepPoint(0, "pe", 1), new SweepPoint(1, "rq", 2)));
    List<UnitPrice> r = List.of(new UnitPrice("pe", 10, 0.5, 0.01, 1, 0, "products:k=9", "gate level"),
        new UnitPrice("rq", 20, 0.25, 0.01, 1, 5, "products:k=9", "gate level"));
    Path tmp = BillShards.STORE.write(dir.resolve("base"), new Shards.Spec(1, 1), d, null, List.of(0, 1), r);
    byte[] base = Files.readAllBytes(tmp);
    Path f = dir.resolve("shard-1-of-1.json");
    fuzzFile("network bill shard", base, f, () -> BillShards.read(f));
  }

  /** A committed results file with its format field first (and a list of tables wrapped), as this qrtl writes it. */
  private static byte[] committed(String path, ResultFormat format, String listField) throws IOException {
    JsonNode n = ManifestIo.mapper().readTree(Files.readString(Golden.projectRoot().resolve(path)));
    ObjectNode o = ManifestIo.mapper().createObjectNode();
    o.put("format", format.id());
    if (n.isArray()) {
      o.set(listField, n);
    } else {
      n.fields().forEachRemaining(e -> {
        if (!e.getKey().equals("format")) {
          o.set(e.getKey(), e.getValue());
        }
      });
    }
    return ManifestIo.mapper().writeValueAsString(o).getBytes(StandardCharsets.UTF_8);
  }

  private void fuzzPage(String what, byte[] base, String file) throws IOException {
    Path folder = Files.createDirectories(dir.resolve(what.replace(' ', '-')));
    Path f = folder.resolve(file);
    fuzzFile(what, base, f, () -> Reports.html(folder));
  }

  @Test
  void comparisonsAsTheReportReadsThem() throws Exception {
    fuzzPage("comparison page", committed("docs/results/qrtl_default45/comparison.json", ResultFormat.COMPARISON, null), "comparison.json");
  }

  @Test
  void networkBillsAsTheReportReadsThem() throws Exception {
    fuzzPage("network page", committed("docs/results/network-bert-base-layer-qrtl_default45/network.json", ResultFormat.NETWORK, null),
        "network.json");
  }

  @Test
  void accuracyTablesAndParetoFrontsAsTheReportReadsThem() throws Exception {
    fuzzPage("accuracy page", committed("docs/results/accuracy/error-32.json", ResultFormat.ACCURACY, "tables"), "error-32.json");
    fuzzPage("pipelines page", committed("docs/results/accuracy/unified-vs-conventional.json", ResultFormat.PIPELINES, "rows"),
        "unified-vs-conventional.json");
    fuzzPage("pareto page", committed("docs/results/NangateOpenCellLibrary/pareto.json", ResultFormat.PARETO, null), "pareto.json");
  }

  @Test
  void mxAccuracyFilesAsTheReportReadsThem() throws Exception {
    var study = dev.qrtl.accuracy.MxErrorStudy.run(new dev.qrtl.accuracy.MxErrorStudy.Config(java.util.List.of(dev.qrtl.spec.MxFormat.MXFP4,
        dev.qrtl.spec.MxFormat.MXINT8), java.util.List.of(8, 32), java.util.List.of(dev.qrtl.spec.BlockQuantizerSpec.ScaleRule.FLOOR),
        dev.qrtl.spec.Rounding.HALF_EVEN, java.util.List.of(dev.qrtl.accuracy.RealDistribution.GAUSSIAN,
            dev.qrtl.accuracy.RealDistribution.OUTLIER_CHANNELS), 8, 64, 1), "qrtl test");
    fuzzPage("mx page", ManifestIo.mapper().writeValueAsString(study).getBytes(StandardCharsets.UTF_8), "mx-error.json");
  }

  @Test
  void mxParetoFrontsAsTheReportReadsThem() throws Exception {
    // a comparison folder with an MX front beside it, as qrtl pareto mx writes it
    byte[] cmp = committed("docs/results/qrtl_default45/comparison.json", ResultFormat.COMPARISON, null);
    var points = java.util.List.of(new dev.qrtl.results.MxParetoPoint("int8 per-tensor", null, null, 8, 8.0, "dyadic:m=8 32 -> 8", 2000, 4,
        1.5, 21, 0.09, false, false), new dev.qrtl.results.MxParetoPoint("mxfp4:k=32", 32, "floor", 4, 4.25, "synthesis", 400, 0.6, 2.4, 17.5,
        0.13, true, true));
    var front = new dev.qrtl.results.MxParetoResult("qrtl test", "qrtl_default45", "Yosys 0.23", "products:k=64", 1, 1000, "each unit", 32,
        "student-t3", 256, 1024, points);
    Path folder = Files.createDirectories(dir.resolve("mx-front"));
    Files.write(folder.resolve("comparison.json"), cmp);
    fuzzFile("mx front page", ManifestIo.mapper().writeValueAsString(front).getBytes(StandardCharsets.UTF_8), folder.resolve("mx-pareto.json"),
        () -> Reports.html(folder));
  }

  @Test
  void mxUnitsAsTheReportReadsThem() throws Exception {
    byte[] cmp = committed("docs/results/qrtl_default45/comparison.json", ResultFormat.COMPARISON, null);
    var rows = java.util.List.of(new dev.qrtl.results.MxUnitRow("int8 dot k=32", "mxdot_int8_k32_exact", "block dot product", 32, 900, 700, 2.1,
        3.2, 0.1, 0.1, "int8 dot k=32", 1, 1), new dev.qrtl.results.MxUnitRow("mxfp4 dot k=32 exact", "mxdot_mxfp4_k32_exact",
        "block dot product", 32, 950, 750, 2.3, 3.5, 0.1, 0.11, "int8 dot k=32", 1.05, 1.09));
    var units = new dev.qrtl.results.MxUnitsResult("qrtl test", "qrtl_default45", "Yosys 0.23", "products:k=64", 1, 1000, "each unit", rows);
    Path folder = Files.createDirectories(dir.resolve("mx-units"));
    Files.write(folder.resolve("comparison.json"), cmp);
    fuzzFile("mx units page", ManifestIo.mapper().writeValueAsString(units).getBytes(StandardCharsets.UTF_8), folder.resolve("mx-units.json"),
        () -> Reports.html(folder));
  }
}
