package dev.qrtl.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How a table is made from a list of result records: its columns, the key that matches a row with the
 * baseline run's row, and what marks a row apart. Building it with a baseline adds every numeric
 * cell's change against the matching row ("new" where the baseline has no such row).
 */
record TableSpec<T>(String id, String caption, String source, Function<T, String> key, List<Col<T>> columns,
    Function<T, String> mark) {
  TableSpec {
    if (!id.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException("table id " + id);
    }
  }

  TableSpec(String id, String caption, String source, Function<T, String> key, List<Col<T>> columns) {
    this(id, caption, source, key, columns, r -> "");
  }

  /**
   * The table of {@code rows}; with {@code base} (the baseline's rows, or null) each numeric cell
   * gets its change, beyond {@code thresholdPercent} highlighted.
   */
  Table build(List<T> rows, List<T> base, double thresholdPercent) {
    Map<String, T> byKey = new HashMap<>();
    if (base != null) {
      base.forEach(b -> byKey.putIfAbsent(key.apply(b), b));
    }
    List<Table.Row> out = new ArrayList<>();
    for (T r : rows) {
      T b = base == null ? null : byKey.get(key.apply(r));
      List<Table.Cell> cells = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        Col<T> c = columns.get(i);
        String text = c.text().apply(r);
        Double v = c.numeric() ? c.number().apply(r) : null;
        String sortKey = c.numeric() ? (v == null ? "" : Double.toString(v)) : text;
        String change = "";
        boolean beyond = false;
        if (base != null && b == null && i == 0) {
          change = "new";
          beyond = true;
        } else if (b != null && c.numeric()) {
          Double was = c.number().apply(b);
          if (v != null && was != null && !v.equals(was)) {
            if (was == 0) {
              change = "was 0";
              beyond = true;
            } else {
              double pct = (v - was) / Math.abs(was) * 100;
              change = Fmt.change(pct);
              beyond = Math.abs(pct) > thresholdPercent;
            }
          } else if ((v == null) != (was == null)) {
            change = v == null ? "was " + c.text().apply(b) : "was -";
            beyond = true;
          }
        } else if (b != null && !text.equals(c.text().apply(b))) {
          change = "was " + c.text().apply(b);
          beyond = true;
        }
        cells.add(new Table.Cell(text, sortKey, change, beyond));
      }
      out.add(new Table.Row(cells, mark.apply(r)));
    }
    List<Table.Column> cols = columns.stream().map(c -> new Table.Column(c.header(), c.unit(), c.numeric())).toList();
    return new Table(id, caption + (base == null ? "" : gone(rows, base)), source, cols, out);
  }

  /** The baseline's rows this run no longer has, in words ("" when none). */
  private String gone(List<T> rows, List<T> base) {
    java.util.Set<String> now = new java.util.HashSet<>();
    rows.forEach(r -> now.add(key.apply(r)));
    List<String> missing = base.stream().map(key).filter(k -> !now.contains(k)).distinct().toList();
    return missing.isEmpty() ? "" : " (only in the baseline: " + String.join("; ", missing) + ")";
  }
}
