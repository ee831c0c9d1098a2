package dev.qrtl.liberty;

import dev.qrtl.util.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds a {@link Library} from a parsed Liberty group tree, converting units. */
public final class LibraryReader {
  private final LibertyGroup lib;
  private final double timeNs;
  private final double capPf;
  private final double leakNw;
  private final double resKohm;
  private final Map<String, String[]> templateVars = new HashMap<>();
  private final Map<String, LibertyGroup> templates = new HashMap<>();

  private LibraryReader(LibertyGroup lib) {
    this.lib = lib;
    this.timeNs = timeUnit(lib.attr("time_unit"));
    this.capPf = capUnit(lib.complexAttr("capacitive_load_unit"));
    this.leakNw = powerUnit(lib.attr("leakage_power_unit"));
    this.resKohm = resistanceUnit(lib.attr("pulling_resistance_unit"));
    for (String t : List.of("lu_table_template", "power_lut_template")) {
      for (LibertyGroup g : lib.groups(t)) {
        templateVars.put(g.name(), new String[] {strip(g.attr("variable_1")), strip(g.attr("variable_2"))});
        templates.put(g.name(), g);
      }
    }
  }

  public static Library read(Path file) {
    LibertyGroup g = LibertyParser.read(file);
    String hash;
    try {
      hash = Hashing.sha256File(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new LibertyException("cannot read " + file + ": " + e.getMessage());
    }
    return from(g, hash);
  }

  public static Library from(LibertyGroup g, String hash) {
    return new LibraryReader(g).build(hash);
  }

  /** A malformed part of the library, named with where it is. */
  private LibertyException bad(String where, String what) {
    return new LibertyException("Liberty library " + printable(lib.name()) + ": " + where + ": " + what);
  }

  private Library build(String hash) {
    double voltage = number(lib.attr("nom_voltage"), Double.NaN);
    double temperature = number(lib.attr("nom_temperature"), Double.NaN);
    String corner = strip(lib.attr("default_operating_conditions"));
    for (LibertyGroup oc : lib.groups("operating_conditions")) {
      if (corner == null || oc.name().equals(corner)) {
        corner = oc.name();
        voltage = number(oc.attr("voltage"), voltage);
        temperature = number(oc.attr("temperature"), temperature);
      }
    }
    Map<String, Cell> cells = new LinkedHashMap<>();
    for (LibertyGroup c : lib.groups("cell")) {
      try {
        cells.put(c.name(), cell(c));
      } catch (LibertyException e) {
        throw e;
      } catch (RuntimeException e) {
        throw bad("cell " + printable(c.name()), "malformed data (" + printable(String.valueOf(e.getMessage())) + ")");
      }
    }
    if (cells.isEmpty()) {
      throw new LibertyException("library " + lib.name() + " has no cells");
    }
    Map<String, Double> thresholds = new LinkedHashMap<>();
    for (String a : Library.THRESHOLD_ATTRIBUTES) {
      double v = number(lib.attr(a), Double.NaN);
      if (!Double.isNaN(v)) {
        thresholds.put(a, v);
      }
    }
    return new Library(lib.name(), corner == null ? "nominal" : corner, voltage, temperature, cells, hash, wireLoads(), thresholds);
  }

  /** The {@code wire_load} models, {@code wire_load_selection} groups and the defaults that name them. */
  private WireLoads wireLoads() {
    Map<String, WireLoad> models = new LinkedHashMap<>();
    for (LibertyGroup g : lib.groups("wire_load")) {
      String where = "wire_load " + printable(g.name());
      List<double[]> pairs = new ArrayList<>();
      for (List<String> fl : g.complexAttrs("fanout_length")) {
        if (fl.size() < 2) {
          throw bad(where, "fanout_length needs (fanout, length)");
        }
        pairs.add(new double[] {numbers(fl.get(0), where)[0], numbers(fl.get(1), where)[0]});
      }
      pairs.sort(java.util.Comparator.comparingDouble(p -> p[0]));
      double[] fanouts = pairs.stream().mapToDouble(p -> p[0]).toArray();
      double[] lengths = pairs.stream().mapToDouble(p -> p[1]).toArray();
      try {
        models.put(g.name(), new WireLoad(g.name(), required(g, "capacitance", where) * capPf, number(g.attr("resistance"), 0) * resKohm,
            number(g.attr("slope"), 0), fanouts, lengths));
      } catch (LibertyException e) {
        throw bad(where, e.getMessage());
      }
    }
    Map<String, List<WireLoads.AreaRange>> selections = new LinkedHashMap<>();
    for (LibertyGroup g : lib.groups("wire_load_selection")) {
      List<WireLoads.AreaRange> ranges = new ArrayList<>();
      for (List<String> r : g.complexAttrs("wire_load_from_area")) {
        String where = "wire_load_selection " + printable(g.name());
        if (r.size() != 3) {
          throw bad(where, "wire_load_from_area needs (min_area, max_area, model)");
        }
        ranges.add(new WireLoads.AreaRange(numbers(r.get(0), where)[0], numbers(r.get(1), where)[0], strip(r.get(2))));
      }
      selections.put(g.name(), ranges);
    }
    return new WireLoads(models, strip(lib.attr("default_wire_load")), strip(lib.attr("default_wire_load_mode")), selections,
        strip(lib.attr("default_wire_load_selection")));
  }

  private double required(LibertyGroup g, String attr, String where) {
    String v = g.attr(attr);
    if (v == null) {
      throw bad(where, "has no " + attr);
    }
    return numbers(strip(v), where)[0];
  }

  private Cell cell(LibertyGroup c) {
    double area = number(c.attr("area"), 0);
    double leak = number(c.attr("cell_leakage_power"), Double.NaN);
    if (Double.isNaN(leak)) {
      List<LibertyGroup> lp = c.groups("leakage_power");
      leak = lp.stream().mapToDouble(g -> number(g.attr("value"), 0)).average().orElse(0);
    }
    Map<String, Pin> pins = new LinkedHashMap<>();
    List<TimingArc> arcs = new ArrayList<>();
    List<InternalPower> power = new ArrayList<>();
    String clockPin = null;
    String nextState = null;
    boolean async = false;
    for (LibertyGroup ff : c.groups("ff")) {
      clockPin = strip(ff.attr("clocked_on"));
      nextState = strip(ff.attr("next_state"));
      async = ff.attr("clear") != null || ff.attr("preset") != null;
    }
    for (LibertyGroup p : c.groups("pin")) {
      for (String pinName : p.args()) {
        String dir = strip(p.attr("direction"));
        double cap = number(p.attr("capacitance"), 0) * capPf;
        double rise = number(p.attr("rise_capacitance"), Double.NaN) * capPf;
        double fall = number(p.attr("fall_capacitance"), Double.NaN) * capPf;
        boolean clock = "true".equals(strip(p.attr("clock")));
        pins.put(pinName, new Pin(pinName, dir == null ? "internal" : dir, cap, Double.isNaN(rise) ? cap : rise,
            Double.isNaN(fall) ? cap : fall, strip(p.attr("function")), clock));
        for (LibertyGroup t : p.groups("timing")) {
          String related = strip(t.attr("related_pin"));
          if (related == null) {
            continue;
          }
          for (String rp : related.split("\\s+")) {
            arcs.add(new TimingArc(rp, pinName, orEmpty(strip(t.attr("timing_type"))), orEmpty(strip(t.attr("timing_sense"))),
                // constraint arcs (setup, hold) keep their tables in the delay slots
                orElse(table(t, "cell_rise", timeNs), table(t, "rise_constraint", timeNs)),
                orElse(table(t, "cell_fall", timeNs), table(t, "fall_constraint", timeNs)),
                table(t, "rise_transition", timeNs), table(t, "fall_transition", timeNs)));
          }
        }
        for (LibertyGroup ip : p.groups("internal_power")) {
          String related = strip(ip.attr("related_pin"));
          String when = strip(ip.attr("when"));
          double energyPj = capPf; // energy unit = capacitance unit x V^2: fF x V^2 = fJ
          Table both = table(ip, "power", energyPj);
          power.add(new InternalPower(pinName, related == null || related.isEmpty() ? List.of() : List.of(related.split("\\s+")),
              when == null || when.isEmpty() ? null : when, orElse(table(ip, "rise_power", energyPj), both),
              orElse(table(ip, "fall_power", energyPj), both)));
        }
      }
    }
    boolean dontUse = "true".equals(strip(c.attr("dont_use")));
    return new Cell(c.name(), area, leak * leakNw, dontUse, pins, arcs, power, clockPin, nextState, async);
  }

  private Table table(LibertyGroup parent, String type, double valueFactor) {
    List<LibertyGroup> gs = parent.groups(type);
    if (gs.isEmpty()) {
      return null;
    }
    LibertyGroup t = gs.get(0);
    List<String> vals = t.complexAttr("values");
    if (vals == null) {
      return null;
    }
    String where = "table " + type + " (" + printable(t.name()) + ")";
    double[][] values = new double[vals.size()][];
    for (int i = 0; i < vals.size(); i++) {
      values[i] = numbers(vals.get(i), where);
    }
    if (values.length == 0) {
      throw bad(where, "has no values");
    }
    // a table's own index, else its template's (Liberty lets a table inherit the template's points)
    LibertyGroup template = templates.get(t.name());
    List<String> idx1 = orElse(t.complexAttr("index_1"), template == null ? null : template.complexAttr("index_1"));
    List<String> idx2 = orElse(t.complexAttr("index_2"), template == null ? null : template.complexAttr("index_2"));
    if (idx2 != null && t.complexAttr("index_1") != null && t.complexAttr("index_2") == null && values.length == 1) {
      idx2 = null; // a one-axis table under a two-axis template
    }
    double[] i1 = idx1 != null && !idx1.isEmpty() ? numbers(idx1.get(0), where) : new double[] {0};
    double[] i2 = idx2 != null && !idx2.isEmpty() ? numbers(idx2.get(0), where) : null;
    if (i2 != null) {
      if (values.length != i1.length) {
        throw bad(where, values.length + " rows of values for " + i1.length + " index_1 points");
      }
      for (double[] row : values) {
        if (row.length != i2.length) {
          throw bad(where, "a row of " + row.length + " values for " + i2.length + " index_2 points");
        }
      }
    } else if (values.length > 1 && Arrays.stream(values).anyMatch(r -> r.length != 1) || values.length == 1 && values[0].length == 0) {
      throw bad(where, "values that match no index");
    }
    String[] vars = templateVars.getOrDefault(t.name(), new String[] {null, null});
    if (idx1 == null && values.length == 1 && values[0].length == 1) {
      return Table.scalar(values[0][0] * valueFactor);
    }
    Axis a1 = axis(vars[0], 1, where);
    if (i2 == null) {
      // One axis: make a one-column (first-axis) or one-row (second-axis) table.
      double[] flat = values.length == 1 ? values[0] : column(values);
      if (flat.length != i1.length) {
        throw bad(where, flat.length + " values for " + i1.length + " index_1 points");
      }
      if (a1 != Axis.FIRST) {
        return new Table(new double[] {0}, i1, new double[][] {flat}).scaled(timeNs, a1.factor(timeNs, capPf), valueFactor);
      }
      double[][] col = new double[flat.length][];
      for (int i = 0; i < flat.length; i++) {
        col[i] = new double[] {flat[i]};
      }
      return new Table(i1, new double[] {0}, col).scaled(timeNs, 1, valueFactor);
    }
    Axis a2 = axis(vars[1], 2, where);
    if (a1 == Axis.FIRST && a2 != Axis.FIRST) {
      return new Table(i1, i2, values).scaled(timeNs, a2.factor(timeNs, capPf), valueFactor);
    }
    if (a2 == Axis.FIRST && a1 != Axis.FIRST) {
      double[][] tr = new double[i2.length][i1.length];
      for (int i = 0; i < i1.length; i++) {
        for (int j = 0; j < i2.length; j++) {
          tr[j][i] = values[i][j];
        }
      }
      return new Table(i2, i1, tr).scaled(timeNs, a1.factor(timeNs, capPf), valueFactor);
    }
    throw bad(where, "template variables '" + vars[0] + "' and '" + vars[1] + "' are not one transition and one load or related transition");
  }

  /**
   * What a template variable indexes. First axis: the transition time of the pin the table
   * belongs to ({@code input_net_transition}, {@code input_transition_time},
   * {@code constrained_pin_transition}); second: the output load
   * ({@code total_output_net_capacitance}) or, in constraints, the related pin's transition.
   */
  private enum Axis {
    FIRST, LOAD, RELATED_TRANSITION;

    double factor(double timeNs, double capPf) {
      return this == LOAD ? capPf : timeNs;
    }
  }

  private Axis axis(String variable, int position, String where) {
    if (variable == null) {
      return position == 1 ? Axis.FIRST : Axis.LOAD;
    }
    return switch (variable) {
      case "input_net_transition", "input_transition_time", "constrained_pin_transition" -> Axis.FIRST;
      case "total_output_net_capacitance" -> Axis.LOAD;
      case "related_pin_transition" -> Axis.RELATED_TRANSITION;
      default -> throw bad(where, "template variable '" + printable(variable) + "' is not one qrtl reads");
    };
  }

  private static <T> T orElse(T a, T b) {
    return a != null ? a : b;
  }

  private static double[] column(double[][] values) {
    double[] c = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      c[i] = values[i][0];
    }
    return c;
  }

  private double[] numbers(String csv, String where) {
    String[] parts = csv.trim().split("[,\\s]+");
    double[] d = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        d[i] = Double.parseDouble(parts[i]);
      } catch (NumberFormatException e) {
        throw bad(where, "'" + printable(parts[i]) + "' is not a number");
      }
      if (!Double.isFinite(d[i])) {
        throw bad(where, "'" + printable(parts[i]) + "' is not a finite number");
      }
    }
    return d;
  }

  /** {@code text} for a one-line message: control characters escaped, at most 80 characters. */
  static String printable(String text) {
    StringBuilder sb = new StringBuilder();
    for (char c : (text == null ? "" : text).toCharArray()) {
      if (sb.length() >= 80) {
        return sb.append("...").toString();
      }
      sb.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return sb.toString();
  }

  private static double number(String s, double dflt) {
    if (s == null) {
      return dflt;
    }
    try {
      return Double.parseDouble(strip(s));
    } catch (NumberFormatException e) {
      return dflt;
    }
  }

  private static String strip(String s) {
    return s == null ? null : s.replace("\"", "").trim();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static final java.util.regex.Pattern UNIT = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-z]+)");

  /** A unit such as {@code 1ns}: its multiple of the base unit, from {@code scales} (suffix to factor). */
  private static double unit(String attr, String value, String dflt, Map<String, Double> scales) {
    String s = value == null ? dflt : strip(value).toLowerCase(Locale.ROOT);
    java.util.regex.Matcher m = UNIT.matcher(s);
    if (!m.matches() || !scales.containsKey(m.group(2))) {
      throw new LibertyException("Liberty library: " + attr + " '" + printable(s) + "' is not a unit like " + dflt + " (one of "
          + String.join(", ", scales.keySet()) + ")");
    }
    return Double.parseDouble(m.group(1)) * scales.get(m.group(2));
  }

  static double timeUnit(String u) {
    return unit("time_unit", u, "1ns", orderedMap("ps", 1e-3, "ns", 1.0, "us", 1e3));
  }

  static double capUnit(List<String> u) {
    if (u == null || u.isEmpty()) {
      return 1e-3; // the common default: 1 fF
    }
    if (u.size() != 2) {
      throw new LibertyException("Liberty library: capacitive_load_unit needs (number, unit), not " + u.size() + " values");
    }
    return unit("capacitive_load_unit", strip(u.get(0)) + strip(u.get(1)), "1ff", orderedMap("ff", 1e-3, "pf", 1.0, "nf", 1e3));
  }

  static double resistanceUnit(String u) {
    return unit("pulling_resistance_unit", u, "1kohm", orderedMap("ohm", 1e-3, "kohm", 1.0, "mohm", 1e3));
  }

  static double powerUnit(String u) {
    return unit("leakage_power_unit", u, "1nw", orderedMap("pw", 1e-3, "nw", 1.0, "uw", 1e3, "mw", 1e6));
  }

  private static Map<String, Double> orderedMap(Object... kv) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], (Double) kv[i + 1]);
    }
    return m;
  }
}
