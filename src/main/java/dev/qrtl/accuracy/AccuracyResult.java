package dev.qrtl.accuracy;

import dev.qrtl.results.ErrorRow;
import java.util.List;

/** A study's rows and the scale calibration chose for its data. */
public record AccuracyResult(AccuracyConfig config, double calibratedScale, List<ErrorRow> rows) {
  public AccuracyResult {
    rows = List.copyOf(rows);
  }
}
