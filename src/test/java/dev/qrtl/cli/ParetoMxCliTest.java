package dev.qrtl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.results.CompareResult;
import dev.qrtl.results.CompareRow;
import dev.qrtl.results.MxParetoPoint;
import dev.qrtl.results.MxParetoResult;
import dev.qrtl.results.ResultFiles;
import dev.qrtl.testing.ToolGate;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qrtl pareto mx}: every point's cost is its comparison row's, every point is on the energy
 * front exactly when no other point is at most as costly and at least as accurate (recomputed
 * here), the int8 references are priced as the named requantizer, and the folder's report is
 * written.
 */
@Tag("tools")
class ParetoMxCliTest {
  @TempDir Path dir;

  @Test
  void theFrontJoinsCostAndAccuracy() throws Exception {
    ToolGate.require("yosys", "iverilog", "vvp");
    Object[] r = CliTest.run("pareto", "mx", "--formats", "mxfp4,mxint8", "--blocks", "8", "--acc-bits", "16", "--ops", "1000",
        "--dot-block", "8", "--pe-k", "128", "--pe-groups", "32",
        "--no-progress", "--out", dir.toString());
    assertEquals(0, r[0], (String) r[2]);
    Path folder = dir.resolve("mx-qrtl_default45");
    MxParetoResult p = ResultFiles.mxPareto(folder.resolve("mx-pareto.json"));
    CompareResult c = ResultFiles.comparison(folder.resolve("comparison.json"));
    assertEquals(2 + 2 * 2, p.points().size(), "int8 twice, two formats x one K x two rules");
    for (MxParetoPoint x : p.points()) {
      String scheme = x.block() == null ? "dyadic:m=8" : x.form();
      CompareRow row = c.rows().stream().filter(y -> y.scheme().equals(scheme) && y.outBits() == x.elementBits()).findFirst().orElseThrow();
      assertEquals(row.areaUm2(), x.areaUm2(), 1e-9, x.form());
      assertEquals(row.energyPj(), x.energyPj(), 1e-9, x.form());
      boolean dominated = p.points().stream().anyMatch(y -> y != x && y.energyPj() <= x.energyPj() && y.sqnrDb() >= x.sqnrDb()
          && (y.energyPj() < x.energyPj() || y.sqnrDb() > x.sqnrDb()));
      assertEquals(!dominated, x.energyFront(), x.form());
    }
    assertTrue(p.points().stream().anyMatch(MxParetoPoint::energyFront));
    assertTrue(Files.readString(folder.resolve("index.html")).contains("MX formats: accuracy against cost"));
    var units = ResultFiles.mxUnits(folder.resolve("mx-units.json"));
    assertEquals(1 + 2 * 2 + 2 * (1 + 3), units.rows().size(), "int8 dot, two formats x two accumulations, two PEs x (plain + three scales)");
    for (var u : units.rows()) {
      var base = units.rows().stream().filter(x -> x.unit().equals(u.baseline())).findFirst().orElseThrow();
      assertEquals(u.areaUm2() / base.areaUm2(), u.areaOverBaseline(), 1e-9, u.unit());
      assertEquals(u.energyPj() / u.macs(), u.energyPerMacPj(), 1e-12, u.unit());
    }
    assertTrue(units.rows().stream().filter(x -> x.unit().contains("group:32 fp16")).allMatch(x -> x.areaOverBaseline() > 1),
        "a binary16 group scale costs area over the plain MAC");
    assertTrue(Files.readString(folder.resolve("index.html")).contains("MX units: what the shared scale costs"));
    assertTrue(Files.isRegularFile(folder.resolve("mx-pareto.svg")));
  }
}
