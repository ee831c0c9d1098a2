package dev.qrtl.report;

import java.util.List;

/**
 * A sortable table: headers with units, and rows of cells. A cell's sort key is a number for
 * numeric columns (so that 10 sorts after 9) and its text otherwise.
 *
 * @param id the table's id in the page (letters, digits and dashes)
 * @param source the JSON file and the pointer to the list the rows come from ({@code comparison.json#/rows}), in the order of that list until sorted
 */
public record Table(String id, String caption, String source, List<Column> columns, List<Row> rows) {
  /** A column heading; {@code unit} may be empty. */
  public record Column(String header, String unit, boolean numeric) {}

  /** A row; {@code marked} rows (the knee, the baseline scheme) are drawn apart, with {@code mark} saying why. */
  public record Row(List<Cell> cells, String mark) {
    public boolean marked() {
      return !mark.isEmpty();
    }
  }

  /**
   * A cell: its text, its sort key, and with a baseline its change ({@code "+3.1 %"}, {@code "new"})
   * and whether that change is beyond the threshold.
   */
  public record Cell(String text, String sortKey, String change, boolean beyond) {}
}
