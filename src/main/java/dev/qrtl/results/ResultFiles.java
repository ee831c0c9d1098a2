package dev.qrtl.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qrtl.util.ResultFormat;
import dev.qrtl.util.StrictJson;
import java.nio.file.Path;

/**
 * Reading a results file into its record: the {@code format} field checked first (a comparison is
 * never read as a network bill), then the document bound strictly to the record (no unknown field,
 * no coercion, no duplicate key), then every component the record requires checked present. Any
 * problem is one {@link dev.qrtl.util.QrtlException} line naming the file.
 */
public final class ResultFiles {
  private static final ObjectMapper MAPPER = StrictJson.builder().build();

  private ResultFiles() {}

  /** A {@code comparison.json}. */
  public static CompareResult comparison(Path file) {
    return read(file, ResultFormat.COMPARISON, CompareResult.class);
  }

  /** A {@code network.json}. */
  public static NetworkBill network(Path file) {
    return read(file, ResultFormat.NETWORK, NetworkBill.class);
  }

  /** A {@code pareto.json}. */
  public static ParetoResult pareto(Path file) {
    return read(file, ResultFormat.PARETO, ParetoResult.class);
  }

  /** An {@code error*.json}. */
  public static AccuracyFile accuracy(Path file) {
    return read(file, ResultFormat.ACCURACY, AccuracyFile.class);
  }

  /** An {@code mx-error.json}. */
  public static MxAccuracyFile mxAccuracy(Path file) {
    return read(file, ResultFormat.MX_ACCURACY, MxAccuracyFile.class);
  }

  /** An {@code mx-pareto.json}. */
  public static MxParetoResult mxPareto(Path file) {
    return read(file, ResultFormat.MX_PARETO, MxParetoResult.class);
  }

  /** An {@code mx-units.json}. */
  public static MxUnitsResult mxUnits(Path file) {
    return read(file, ResultFormat.MX_UNITS, MxUnitsResult.class);
  }

  /** An {@code unified-vs-conventional.json}. */
  public static PipelinesFile pipelines(Path file) {
    return read(file, ResultFormat.PIPELINES, PipelinesFile.class);
  }

  private static <T> T read(Path file, ResultFormat format, Class<T> type) {
    T value = format.read(file, type, MAPPER);
    Completeness.check(value, file.toString());
    return value;
  }
}
