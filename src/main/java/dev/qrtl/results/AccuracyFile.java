package dev.qrtl.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.qrtl.util.ResultFormat;
import java.util.List;

/** What {@code qrtl error --json} prints and {@code --out} writes: one table per output width, under its format. */
@JsonPropertyOrder({"format", "tables"})
@JsonIgnoreProperties(value = "format", allowGetters = true)
public record AccuracyFile(List<AccuracyReport> tables) {
  public AccuracyFile {
    tables = tables == null ? null : List.copyOf(tables); // absent: named by ResultFiles
  }

  @JsonProperty("format")
  public String format() {
    return ResultFormat.ACCURACY.id();
  }
}
