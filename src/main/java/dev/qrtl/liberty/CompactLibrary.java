package dev.qrtl.liberty;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Condenses a real library into qrtl's compact Liberty form (what {@code qrtl tech import}
 * writes and what qrtl embeds as its default library). How each figure is derived:
 *
 * <ul>
 *   <li>Cells: for every distinct single-output combinational function of at most four inputs
 *       that depends on every input (so no tri-state cells), compared by truth table, the smallest-area cell of the source library that computes it
 *       and is not {@code dont_use}; plus the smallest D flip-flop without asynchronous clear or
 *       preset. Cell and pin names are the source's, so every figure can be traced back.
 *   <li>Area (um^2), leakage (nW, the cell's average) and pin capacitances: copied, converted to
 *       pF.
 *   <li>Delay, transition, setup and internal-energy tables: the source tables sampled at their
 *       first, middle and last index points (3 x 3), values copied, so a lookup inside the range
 *       differs from the full table only by interpolation over the coarser grid.
 *   <li>Units: ns, pF, nW; internal energy in pJ (pF x V^2); voltage, temperature and corner from
 *       the source's operating conditions.
 * </ul>
 */
public final class CompactLibrary {
  private CompactLibrary() {}

  /** The cells kept, in a stable order (by area, then name). */
  public static List<Cell> select(Library lib) {
    Map<String, Cell> byFunction = new LinkedHashMap<>();
    for (Cell c : lib.cells().values()) {
      if (c.dontUse() || c.sequential() || c.outputs().size() != 1 || c.inputs().isEmpty() || c.inputs().size() > 4) {
        continue;
      }
      long tt = Library.truthTableOrMinus1(c);
      if (tt < 0 || !everyInputMatters(tt, c.inputs().size())) {
        continue; // e.g. tri-state buffers, whose enable is not in the function
      }
      String key = c.inputs().size() + ":" + Long.toHexString(tt);
      Cell best = byFunction.get(key);
      if (best == null || c.area() < best.area() || c.area() == best.area() && c.name().compareTo(best.name()) < 0) {
        byFunction.put(key, c);
      }
    }
    List<Cell> out = new ArrayList<>(byFunction.values());
    lib.cells().values().stream()
        .filter(c -> c.sequential() && !c.dontUse() && !c.asyncControl() && "D".equals(c.nextState()) && c.outputs().size() >= 1)
        .min(Comparator.comparingDouble(Cell::area).thenComparing(Cell::name))
        .ifPresent(out::add);
    out.sort(Comparator.comparing((Cell c) -> c.sequential()).thenComparingDouble(Cell::area).thenComparing(Cell::name));
    return out;
  }

  private static boolean everyInputMatters(long tt, int inputs) {
    for (int i = 0; i < inputs; i++) {
      boolean matters = false;
      for (int row = 0; row < 1 << inputs && !matters; row++) {
        matters = ((tt >> row) & 1) != ((tt >> (row ^ (1 << i))) & 1);
      }
      if (!matters) {
        return false;
      }
    }
    return true;
  }

  /** The compact library as Liberty text. */
  public static String write(Library lib, String name, String sourceDescription) {
    List<Cell> cells = select(lib);
    if (cells.stream().noneMatch(Cell::sequential)) {
      throw new LibertyException("library " + lib.name() + " has no plain D flip-flop to keep");
    }
    StringBuilder sb = new StringBuilder();
    sb.append("/*\n * ").append(name).append(": compact library written by qrtl (qrtl tech import).\n");
    sb.append(" * Source: ").append(sourceDescription).append("\n");
    sb.append(" * Source library: ").append(lib.name()).append(", corner ").append(lib.corner())
        .append(String.format(Locale.ROOT, ", %.2f V, %.0f C", lib.voltage(), lib.temperature())).append("\n");
    sb.append(" * Source SHA-256: ").append(lib.sha256()).append("\n");
    sb.append(" * Derivation (see dev.qrtl.liberty.CompactLibrary): the smallest cell per distinct function of\n");
    sb.append(" * at most four inputs, and the smallest plain D flip-flop; area, leakage and pin capacitance\n");
    sb.append(" * copied; timing and internal-power tables sampled at their first, middle and last index\n");
    sb.append(" * points; units ns, pF, nW, internal energy pJ.\n */\n");
    sb.append("library (").append(name).append(") {\n");
    line(sb, 1, "delay_model : table_lookup;");
    line(sb, 1, "time_unit : \"1ns\";");
    line(sb, 1, "voltage_unit : \"1V\";");
    line(sb, 1, "current_unit : \"1mA\";");
    line(sb, 1, "leakage_power_unit : \"1nW\";");
    line(sb, 1, "capacitive_load_unit (1, pf);");
    line(sb, 1, "nom_process : 1;");
    line(sb, 1, "nom_temperature : " + num(lib.temperature()) + ";");
    line(sb, 1, "nom_voltage : " + num(lib.voltage()) + ";");
    line(sb, 1, "operating_conditions (" + lib.corner() + ") {");
    line(sb, 2, "process : 1;");
    line(sb, 2, "voltage : " + num(lib.voltage()) + ";");
    line(sb, 2, "temperature : " + num(lib.temperature()) + ";");
    line(sb, 1, "}");
    line(sb, 1, "default_operating_conditions : " + lib.corner() + ";");
    // ABC's Liberty reader needs the templates' index points (it crashes without them); take the
    // axes of the first delay table, sampled like every table.
    Table axes = cells.stream().flatMap(c -> c.arcs().stream()).map(TimingArc::cellRise)
        .filter(t -> t != null && t.slews().length > 1 && t.loads().length > 1).findFirst()
        .orElseThrow(() -> new LibertyException("library " + lib.name() + " has no two-dimensional delay table"));
    String i1 = join(axes.slews(), sample(axes.slews().length));
    String i2 = join(axes.loads(), sample(axes.loads().length));
    line(sb, 1, "lu_table_template (qrtl_table) {");
    line(sb, 2, "variable_1 : input_net_transition;");
    line(sb, 2, "variable_2 : total_output_net_capacitance;");
    line(sb, 2, "index_1 (\"" + i1 + "\");");
    line(sb, 2, "index_2 (\"" + i2 + "\");");
    line(sb, 1, "}");
    line(sb, 1, "power_lut_template (qrtl_power) {");
    line(sb, 2, "variable_1 : input_transition_time;");
    line(sb, 2, "variable_2 : total_output_net_capacitance;");
    line(sb, 2, "index_1 (\"" + i1 + "\");");
    line(sb, 2, "index_2 (\"" + i2 + "\");");
    line(sb, 1, "}");
    for (Cell c : cells) {
      cell(sb, c);
    }
    sb.append("}\n");
    return sb.toString();
  }

  private static void cell(StringBuilder sb, Cell c) {
    line(sb, 1, "cell (" + c.name() + ") {");
    line(sb, 2, "area : " + num(c.area()) + ";");
    line(sb, 2, "cell_leakage_power : " + num(c.leakageNw()) + ";");
    if (c.sequential()) {
      line(sb, 2, "ff (IQ, IQN) {");
      line(sb, 3, "next_state : \"" + c.nextState() + "\";");
      line(sb, 3, "clocked_on : \"" + c.clockPin() + "\";");
      line(sb, 2, "}");
    }
    for (Pin p : c.pins().values()) {
      if (!p.isInput() && !p.isOutput()) {
        continue;
      }
      if (c.sequential() && p.isOutput() && !"IQ".equals(p.function())) {
        continue; // keep Q only
      }
      line(sb, 2, "pin (" + p.name() + ") {");
      line(sb, 3, "direction : " + p.direction() + ";");
      if (p.isInput()) {
        line(sb, 3, "capacitance : " + num(p.capacitancePf()) + ";");
        if (p.clock() || p.name().equals(c.clockPin())) {
          line(sb, 3, "clock : true;");
        }
      } else {
        line(sb, 3, "function : \"" + p.function() + "\";");
      }
      for (TimingArc a : c.arcs()) {
        if (!a.outputPin().equals(p.name()) || !(a.combinational() || a.clockToQ() || a.type().startsWith("setup"))) {
          continue;
        }
        line(sb, 3, "timing () {");
        line(sb, 4, "related_pin : \"" + a.relatedPin() + "\";");
        if (!a.type().isEmpty()) {
          line(sb, 4, "timing_type : " + a.type() + ";");
        }
        if (!a.sense().isEmpty()) {
          line(sb, 4, "timing_sense : " + a.sense() + ";");
        }
        boolean constraint = a.type().startsWith("setup");
        table(sb, constraint ? "rise_constraint" : "cell_rise", "qrtl_table", a.cellRise());
        table(sb, constraint ? "fall_constraint" : "cell_fall", "qrtl_table", a.cellFall());
        if (!constraint) {
          table(sb, "rise_transition", "qrtl_table", a.riseTransition());
          table(sb, "fall_transition", "qrtl_table", a.fallTransition());
        }
        line(sb, 3, "}");
      }
      for (InternalPower ip : c.power()) {
        if (!ip.outputPin().equals(p.name()) || ip.relatedPin().isEmpty()) {
          continue;
        }
        line(sb, 3, "internal_power () {");
        line(sb, 4, "related_pin : \"" + ip.relatedPin() + "\";");
        table(sb, "rise_power", "qrtl_power", ip.rise());
        table(sb, "fall_power", "qrtl_power", ip.fall());
        line(sb, 3, "}");
      }
      line(sb, 2, "}");
    }
    line(sb, 1, "}");
  }

  private static void table(StringBuilder sb, String kind, String template, Table t) {
    if (t == null) {
      return;
    }
    int[] si = sample(t.slews().length);
    int[] li = sample(t.loads().length);
    line(sb, 4, kind + " (" + template + ") {");
    line(sb, 5, "index_1 (\"" + join(t.slews(), si) + "\");");
    line(sb, 5, "index_2 (\"" + join(t.loads(), li) + "\");");
    StringBuilder v = new StringBuilder("values (");
    for (int a = 0; a < si.length; a++) {
      double[] row = new double[li.length];
      for (int b = 0; b < li.length; b++) {
        row[b] = t.values()[si[a]][li[b]];
      }
      v.append(a == 0 ? "" : ", ").append('"').append(join(row, null)).append('"');
    }
    line(sb, 5, v.append(");").toString());
    line(sb, 4, "}");
  }

  private static int[] sample(int n) {
    return n >= 3 ? new int[] {0, n / 2, n - 1} : n == 2 ? new int[] {0, 1} : new int[] {0};
  }

  private static String join(double[] v, int[] idx) {
    StringBuilder sb = new StringBuilder();
    int n = idx == null ? v.length : idx.length;
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : ", ").append(num(v[idx == null ? i : idx[i]]));
    }
    return sb.toString();
  }

  private static String num(double d) {
    return String.format(Locale.ROOT, "%.6g", d);
  }

  private static void line(StringBuilder sb, int indent, String text) {
    sb.append("  ".repeat(indent)).append(text).append('\n');
  }
}
