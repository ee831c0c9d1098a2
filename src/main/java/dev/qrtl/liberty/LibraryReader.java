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
  private final Map<String, String[]> templateVars = new HashMap<>();

  private LibraryReader(LibertyGroup lib) {
    this.lib = lib;
    this.timeNs = timeUnit(lib.attr("time_unit"));
    this.capPf = capUnit(lib.complexAttr("capacitive_load_unit"));
    this.leakNw = powerUnit(lib.attr("leakage_power_unit"));
    for (String t : List.of("lu_table_template", "power_lut_template")) {
      for (LibertyGroup g : lib.groups(t)) {
        templateVars.put(g.name(), new String[] {strip(g.attr("variable_1")), strip(g.attr("variable_2"))});
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
    return new Library(lib.name(), corner == null ? "nominal" : corner, voltage, temperature, cells, hash);
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
        boolean clock = "true".equals(strip(p.attr("clock")));
        pins.put(pinName, new Pin(pinName, dir == null ? "internal" : dir, cap, strip(p.attr("function")), clock));
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
          double energyPj = capPf; // energy unit = capacitance unit x V^2: fF x V^2 = fJ
          power.add(new InternalPower(related == null ? "" : related, pinName, table(ip, "rise_power", energyPj),
              table(ip, "fall_power", energyPj)));
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
    double[] i1 = t.complexAttr("index_1") != null && !t.complexAttr("index_1").isEmpty() ? numbers(t.complexAttr("index_1").get(0), where)
        : new double[] {0};
    double[] i2 = t.complexAttr("index_2") != null && !t.complexAttr("index_2").isEmpty() ? numbers(t.complexAttr("index_2").get(0), where)
        : null;
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
    if (i2 == null) {
      // One axis: it is either slew or load; make a one-row or one-column table.
      double[] flat = values.length == 1 ? values[0] : column(values);
      boolean loadAxis = vars[0] != null && vars[0].contains("capacitance");
      if (loadAxis) {
        return new Table(new double[] {0}, i1, new double[][] {flat}).scaled(timeNs, capPf, valueFactor);
      }
      double[][] col = new double[flat.length][];
      for (int i = 0; i < flat.length; i++) {
        col[i] = new double[] {flat[i]};
      }
      return new Table(i1.length == flat.length ? i1 : new double[] {0}, new double[] {0}, i1.length == flat.length ? col : new double[][] {{flat[0]}})
          .scaled(timeNs, capPf, valueFactor);
    }
    boolean swapped = vars[0] != null && vars[0].contains("capacitance");
    if (swapped) {
      double[][] tr = new double[i2.length][i1.length];
      for (int i = 0; i < i1.length; i++) {
        for (int j = 0; j < i2.length; j++) {
          tr[j][i] = values[i][j];
        }
      }
      return new Table(i2, i1, tr).scaled(timeNs, capPf, valueFactor);
    }
    return new Table(i1, i2, values).scaled(timeNs, capPf, valueFactor);
  }

  private static Table orElse(Table a, Table b) {
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
