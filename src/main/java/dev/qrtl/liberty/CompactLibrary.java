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
 *   <li>Area (um^2), leakage (nW, the cell's average) and pin capacitances (plain, rise and
 *       fall): copied, converted to pF. Every pin of a kept cell is kept (a flip-flop's QN too:
 *       its power groups' conditions name it).
 *   <li>Delay, transition, setup and internal-energy tables: the source tables sampled at their
 *       first, middle and last index points (3 x 3, or 3 on a one-axis table), values copied, so
 *       a lookup inside the range differs from the full table only by interpolation over the
 *       coarser grid. Every {@code internal_power} group is kept - on output and input pins,
 *       with and without {@code related_pin}, with its {@code when} condition.
 *   <li>Wire-load models ({@code wire_load}, {@code wire_load_selection}) and the library's
 *       defaults ({@code default_wire_load}, {@code default_wire_load_mode},
 *       {@code default_wire_load_selection}): copied, converted to pF and kOhm.
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
    sb.append(" * at most four inputs, and the smallest plain D flip-flop; area, leakage, pin capacitances,\n");
    sb.append(" * every internal-power group and the wire-load models copied; timing and internal-power tables\n");
    sb.append(" * sampled at their first, middle and last index points; units ns, pF, kOhm, nW, internal\n");
    sb.append(" * energy pJ.\n */\n");
    sb.append("library (").append(name).append(") {\n");
    line(sb, 1, "delay_model : table_lookup;");
    line(sb, 1, "time_unit : \"1ns\";");
    line(sb, 1, "voltage_unit : \"1V\";");
    line(sb, 1, "current_unit : \"1mA\";");
    line(sb, 1, "leakage_power_unit : \"1nW\";");
    line(sb, 1, "capacitive_load_unit (1, pf);");
    line(sb, 1, "pulling_resistance_unit : \"1kohm\";");
    line(sb, 1, "nom_process : 1;");
    line(sb, 1, "nom_temperature : " + num(lib.temperature()) + ";");
    line(sb, 1, "nom_voltage : " + num(lib.voltage()) + ";");
    line(sb, 1, "operating_conditions (" + lib.corner() + ") {");
    line(sb, 2, "process : 1;");
    line(sb, 2, "voltage : " + num(lib.voltage()) + ";");
    line(sb, 2, "temperature : " + num(lib.temperature()) + ";");
    line(sb, 1, "}");
    line(sb, 1, "default_operating_conditions : " + lib.corner() + ";");
    lib.thresholds().forEach((k, v) -> line(sb, 1, k + " : " + num(v) + ";"));
    // ABC's Liberty reader needs the templates' index points (it crashes without them); take the
    // axes of the first delay table, sampled like every table.
    Table axes = cells.stream().flatMap(c -> c.arcs().stream()).map(TimingArc::cellRise)
        .filter(t -> t != null && t.slews().length > 1 && t.loads().length > 1).findFirst()
        .orElseThrow(() -> new LibertyException("library " + lib.name() + " has no two-dimensional delay table"));
    String i1 = join(axes.slews(), sample(axes.slews().length));
    String i2 = join(axes.loads(), sample(axes.loads().length));
    template(sb, "lu_table_template", "qrtl_delay", "input_net_transition", i1, "total_output_net_capacitance", i2);
    template(sb, "lu_table_template", "qrtl_constraint", "constrained_pin_transition", i1, "related_pin_transition", i1);
    template(sb, "lu_table_template", "qrtl_constraint_related", "related_pin_transition", i1, null, null);
    template(sb, "lu_table_template", "qrtl_constraint_constrained", "constrained_pin_transition", i1, null, null);
    template(sb, "power_lut_template", "qrtl_power", "input_transition_time", i1, "total_output_net_capacitance", i2);
    template(sb, "power_lut_template", "qrtl_power_slew", "input_transition_time", i1, null, null);
    template(sb, "power_lut_template", "qrtl_power_load", "total_output_net_capacitance", i2, null, null);
    wireLoads(sb, lib.wireLoads());
    for (Cell c : cells) {
      cell(sb, c);
    }
    sb.append("}\n");
    return sb.toString();
  }

  private static void template(StringBuilder sb, String group, String name, String v1, String i1, String v2, String i2) {
    line(sb, 1, group + " (" + name + ") {");
    line(sb, 2, "variable_1 : " + v1 + ";");
    if (v2 != null) {
      line(sb, 2, "variable_2 : " + v2 + ";");
    }
    line(sb, 2, "index_1 (\"" + i1 + "\");");
    if (v2 != null) {
      line(sb, 2, "index_2 (\"" + i2 + "\");");
    }
    line(sb, 1, "}");
  }

  private static void wireLoads(StringBuilder sb, WireLoads w) {
    for (WireLoad m : w.models().values().stream().sorted(Comparator.comparing(WireLoad::name)).toList()) {
      line(sb, 1, "wire_load (\"" + m.name() + "\") {");
      line(sb, 2, "capacitance : " + num(m.capacitancePfPerLength()) + ";");
      line(sb, 2, "resistance : " + num(m.resistanceKohmPerLength()) + ";");
      line(sb, 2, "slope : " + num(m.slope()) + ";");
      for (int i = 0; i < m.fanouts().length; i++) {
        line(sb, 2, "fanout_length (" + num(m.fanouts()[i]) + ", " + num(m.lengths()[i]) + ");");
      }
      line(sb, 1, "}");
    }
    for (Map.Entry<String, List<WireLoads.AreaRange>> e : new java.util.TreeMap<>(w.selections()).entrySet()) {
      line(sb, 1, "wire_load_selection (" + e.getKey() + ") {");
      for (WireLoads.AreaRange r : e.getValue()) {
        line(sb, 2, "wire_load_from_area (" + num(r.minArea()) + ", " + num(r.maxArea()) + ", \"" + r.model() + "\");");
      }
      line(sb, 1, "}");
    }
    if (w.defaultModel() != null) {
      line(sb, 1, "default_wire_load : \"" + w.defaultModel() + "\";");
    }
    if (w.mode() != null) {
      line(sb, 1, "default_wire_load_mode : " + w.mode() + ";");
    }
    if (w.defaultSelection() != null) {
      line(sb, 1, "default_wire_load_selection : " + w.defaultSelection() + ";");
    }
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
      line(sb, 2, "pin (" + p.name() + ") {");
      line(sb, 3, "direction : " + p.direction() + ";");
      if (p.isInput()) {
        line(sb, 3, "capacitance : " + num(p.capacitancePf()) + ";");
        line(sb, 3, "rise_capacitance : " + num(p.riseCapacitancePf()) + ";");
        line(sb, 3, "fall_capacitance : " + num(p.fallCapacitancePf()) + ";");
        if (p.clock() || p.name().equals(c.clockPin())) {
          line(sb, 3, "clock : true;");
        }
      } else {
        line(sb, 3, "function : \"" + p.function() + "\";");
      }
      for (TimingArc a : c.arcs()) {
        if (!a.outputPin().equals(p.name()) || !(a.combinational() || a.clockToQ() || a.setup())) {
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
        Family f = a.setup() ? Family.CONSTRAINT : Family.DELAY;
        table(sb, a.setup() ? "rise_constraint" : "cell_rise", f, a.cellRise());
        table(sb, a.setup() ? "fall_constraint" : "cell_fall", f, a.cellFall());
        if (!a.setup()) {
          table(sb, "rise_transition", f, a.riseTransition());
          table(sb, "fall_transition", f, a.fallTransition());
        }
        line(sb, 3, "}");
      }
      for (InternalPower ip : c.power()) {
        if (!ip.pin().equals(p.name())) {
          continue;
        }
        line(sb, 3, "internal_power () {");
        if (!ip.relatedPins().isEmpty()) {
          line(sb, 4, "related_pin : \"" + String.join(" ", ip.relatedPins()) + "\";");
        }
        if (ip.when() != null) {
          line(sb, 4, "when : \"" + ip.when() + "\";");
        }
        table(sb, "rise_power", Family.POWER, ip.rise());
        table(sb, "fall_power", Family.POWER, ip.fall());
        line(sb, 3, "}");
      }
      line(sb, 2, "}");
    }
    line(sb, 1, "}");
  }

  /** Which templates a table is written against (its axes' meaning). */
  private enum Family {
    DELAY("qrtl_delay", "qrtl_delay", "qrtl_delay"),
    POWER("qrtl_power", "qrtl_power_slew", "qrtl_power_load"),
    CONSTRAINT("qrtl_constraint", "qrtl_constraint_constrained", "qrtl_constraint_related");

    final String twoAxes;
    final String firstOnly;
    final String secondOnly;

    Family(String twoAxes, String firstOnly, String secondOnly) {
      this.twoAxes = twoAxes;
      this.firstOnly = firstOnly;
      this.secondOnly = secondOnly;
    }
  }

  private static void table(StringBuilder sb, String kind, Family family, Table t) {
    if (t == null) {
      return;
    }
    int[] si = sample(t.slews().length);
    int[] li = sample(t.loads().length);
    if (si.length == 1 && li.length == 1) {
      line(sb, 4, kind + " (scalar) {");
      line(sb, 5, "values (\"" + num(t.values()[0][0]) + "\");");
      line(sb, 4, "}");
      return;
    }
    StringBuilder v = new StringBuilder("values (");
    if (li.length == 1 || si.length == 1) {
      boolean first = li.length == 1 && (si.length > 1 || family == Family.DELAY);
      line(sb, 4, kind + " (" + (first ? family.firstOnly : family.secondOnly) + ") {");
      line(sb, 5, "index_1 (\"" + (first ? join(t.slews(), si) : join(t.loads(), li)) + "\");");
      double[] row = new double[first ? si.length : li.length];
      for (int k = 0; k < row.length; k++) {
        row[k] = first ? t.values()[si[k]][0] : t.values()[0][li[k]];
      }
      line(sb, 5, v.append('"').append(join(row, null)).append("\");").toString());
      line(sb, 4, "}");
      return;
    }
    line(sb, 4, kind + " (" + family.twoAxes + ") {");
    line(sb, 5, "index_1 (\"" + join(t.slews(), si) + "\");");
    line(sb, 5, "index_2 (\"" + join(t.loads(), li) + "\");");
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
