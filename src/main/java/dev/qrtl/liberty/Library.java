package dev.qrtl.liberty;

import java.util.Map;

/**
 * A cell library in normalised units: time ns, capacitance pF, leakage nW, energy pJ.
 *
 * @param name the library name
 * @param corner the operating corner (default operating conditions, or nominal process)
 * @param voltage supply voltage (V)
 * @param temperature temperature (C)
 * @param cells cells by name
 * @param sha256 hash of the file the library was read from
 * @param wireLoads the wire-load models and how the library selects them
 * @param thresholds the measurement thresholds (percent) and slew derating the tables were characterised with, by attribute name
 */
public record Library(String name, String corner, double voltage, double temperature, Map<String, Cell> cells, String sha256,
    WireLoads wireLoads, Map<String, Double> thresholds) {
  /** The library-level attributes that say how delays and transitions were measured (copied into compact libraries). */
  public static final java.util.List<String> THRESHOLD_ATTRIBUTES = java.util.List.of("input_threshold_pct_rise",
      "input_threshold_pct_fall", "output_threshold_pct_rise", "output_threshold_pct_fall", "slew_lower_threshold_pct_rise",
      "slew_lower_threshold_pct_fall", "slew_upper_threshold_pct_rise", "slew_upper_threshold_pct_fall", "slew_derate_from_library");

  public Cell cell(String cellName) {
    Cell c = cells.get(cellName);
    if (c == null) {
      throw new LibertyException("library " + name + " has no cell '" + cellName + "'");
    }
    return c;
  }

  /** Area of the smallest two-input NAND: the NAND2-equivalent unit. */
  public double nand2Area() {
    return cells.values().stream()
        .filter(c -> !c.sequential() && c.inputs().size() == 2 && c.outputs().size() == 1)
        .filter(c -> c.outputs().get(0).function() != null)
        .filter(c -> truthTableOrMinus1(c) == 0b0111L)
        .mapToDouble(Cell::area).min()
        .orElseThrow(() -> new LibertyException("library " + name + " has no two-input NAND cell to measure NAND2 equivalents"));
  }

  /** The output's truth table, or -1 when the function refers to internal state (latches). */
  static long truthTableOrMinus1(Cell c) {
    if (c.outputs().isEmpty() || c.outputs().get(0).function() == null) {
      return -1;
    }
    try {
      return BoolFunction.truthTable(c.outputs().get(0).function(), c.inputs().stream().map(Pin::name).toList());
    } catch (LibertyException e) {
      return -1;
    }
  }
}
