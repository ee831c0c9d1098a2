package dev.qrtl.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.testing.Golden;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Yosys's JSON as 0.23 and newer versions write it (samples under src/test/resources/yosys/). */
class YosysJsonTest {
  private static String sample(String name) throws Exception {
    return Files.readString(Golden.projectRoot().resolve("src/test/resources/yosys").resolve(name));
  }

  @Test
  void yosys023FlatStatistics() throws Exception {
    YosysStat s = YosysStat.parse(sample("yosys-0.23-shift-round-stat.json"), "sample");
    assertTrue(s.creator().startsWith("Yosys 0.23"));
    Map<String, Long> cells = s.cellsByModule().get("requant_shift_round_a32_q8s_half_up_krt");
    assertEquals(112L, cells.get("MUX2_X1"));
    assertEquals(295L, cells.values().stream().mapToLong(Long::longValue).sum());
    assertTrue(s.areaByModule().get("requant_shift_round_a32_q8s_half_up_krt").isEmpty(), "0.23 writes no area in JSON");
  }

  @Test
  void yosys023HierarchicalStatisticsWithTheLeakedHierarchyTable() throws Exception {
    String raw = sample("yosys-0.23-hier-unified-stat.json");
    assertTrue(raw.contains("mac_pe_sys_a8s_w8s_acc24     64"), "the sample has Yosys 0.23's stray hierarchy line");
    YosysStat s = YosysStat.parse(raw, "sample");
    assertEquals(64L, s.cellsByModule().get("unified_sys_8x8_a8w8ss_acc24_requant_shift_round_a24_q8s_relu_half_up_krt_bias")
        .get("requant_shift_round_a24_q8s_relu_half_up_krt_bias"));
  }

  @Test
  void yosys055FlatStatisticsWithArea() throws Exception {
    YosysStat s = YosysStat.parse(sample("yosys-0.55-shift-round-stat.json"), "sample");
    assertTrue(s.creator().startsWith("Yosys 0.55"), s.creator());
    String top = "requant_shift_round_a32_q8s_half_up_krt";
    assertEquals(110L, s.cellsByModule().get(top).get("MUX2_X1"));
    assertEquals(297L, s.cellsByModule().get(top).values().stream().mapToLong(Long::longValue).sum());
    assertEquals(406.182, s.areaByModule().get(top).getAsDouble(), 1e-9, "0.55 writes the module area into the JSON");
  }

  @Test
  void yosys055HierarchicalStatistics() throws Exception {
    YosysStat s = YosysStat.parse(sample("yosys-0.55-hier-unified-stat.json"), "sample");
    var top = s.cellsByModule().get("unified_sys_8x8_a8w8ss_acc24_requant_shift_round_a24_q8s_relu_half_up_krt_bias");
    assertEquals(64L, top.get("requant_shift_round_a24_q8s_relu_half_up_krt_bias"));
    assertEquals(1L, top.get("mac_array_sys_8x8_a8w8ss_acc24"));
    assertEquals(64L, s.cellsByModule().get("mac_array_sys_8x8_a8w8ss_acc24").get("mac_pe_sys_a8s_w8s_acc24"));
  }

  /** qrtl's own area of the captured 0.55 netlist, priced on NanGate45, equals what 0.55's stat printed. */
  @Test
  void yosys055NetlistPricedByQrtlEqualsItsStat() throws Exception {
    YosysNetlist n = YosysNetlist.parse(sample("yosys-0.55-shift-round-netlist.json"), "sample");
    var lib = dev.qrtl.liberty.LibraryReader.read(SynthTest.NANGATE);
    SynthResult r = SynthRunner.price("requant_shift_round_a32_q8s_half_up_krt", n, lib, SynthMode.FLAT, TimingConditions.DEFAULT, "Yosys 0.55",
        java.nio.file.Path.of("."));
    double yosys = SynthCheck.chipArea(sample("yosys-0.55-shift-round-stat.txt"));
    System.out.printf("Yosys 0.55 sample on NanGate45: qrtl %.3f um^2, Yosys stat -liberty %.3f um^2%n", r.areaUm2(), yosys);
    assertEquals(406.182, yosys, 1e-6);
    assertEquals(yosys, r.areaUm2(), yosys * 1e-3);
    assertEquals(297, r.cells());
    assertTrue(r.criticalPathNs() > 0.5 && r.criticalPathNs() < 3, "a 32-bit shifter-rounder on 45 nm: " + r.criticalPathNs());
  }

  @Test
  void handWrittenObjectCountSchema() throws Exception {
    YosysStat s = YosysStat.parse(sample("yosys-newer-schema-stat.json"), "sample");
    assertEquals(5L, s.cellsByModule().get("top").get("NAND2_X1"));
    assertEquals(1L, s.cellsByModule().get("top").get("DFF_X1"));
    assertEquals(5.852, s.areaByModule().get("top").getAsDouble(), 1e-9);
  }

  @Test
  void yosys055Netlist() throws Exception {
    YosysNetlist n = YosysNetlist.parse(sample("yosys-0.55-shift-round-netlist.json"), "sample");
    YosysNetlist.NetModule m = n.modules().get("requant_shift_round_a32_q8s_half_up_krt");
    assertEquals(297, m.cells().size());
    assertEquals(32, m.ports().get("acc").bits().size());
    assertEquals(5, m.ports().get("shift").bits().size());
  }

  @Test
  void yosys023Netlist() throws Exception {
    YosysNetlist n = YosysNetlist.parse(sample("yosys-0.23-shift-round-netlist.json"), "sample");
    YosysNetlist.NetModule m = n.modules().get("requant_shift_round_a32_q8s_half_up_krt");
    assertEquals(295, m.cells().size());
    assertEquals(32, m.ports().get("acc").bits().size());
    assertEquals("output", m.ports().get("q").direction());
    YosysNetlist.NetCell c = m.cells().get(0);
    assertTrue(c.type().endsWith("_X1"), c.type());
    assertTrue(c.connections().values().stream().allMatch(bits -> bits.size() == 1), "library cells have one-bit pins");
  }

  @Test
  void statTextAreaOfTheCapturedRunMatchesTheCellCounts() throws Exception {
    String text = sample("yosys-0.23-shift-round-stat.txt");
    double yosysArea = SynthCheck.chipArea(text);
    assertEquals(407.246, yosysArea, 1e-6);
  }

  /** Reads "Chip area for module '...': X" from Yosys's text statistics (tests only). */
  static final class SynthCheck {
    static double chipArea(String statText) {
      var m = java.util.regex.Pattern.compile("Chip area for (?:top )?module '[^']*': ([0-9.]+)").matcher(statText);
      double last = Double.NaN;
      while (m.find()) {
        last = Double.parseDouble(m.group(1));
      }
      return last;
    }
  }
}
