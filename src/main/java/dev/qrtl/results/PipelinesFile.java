package dev.qrtl.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.qrtl.util.ResultFormat;
import java.util.List;

/** What {@code qrtl error --pipelines --json} prints and {@code --out} writes: the rows, under their format. */
@JsonPropertyOrder({"format", "rows"})
@JsonIgnoreProperties(value = "format", allowGetters = true)
public record PipelinesFile(List<PipelineRow> rows) {
  public PipelinesFile {
    rows = rows == null ? null : List.copyOf(rows); // absent: named by ResultFiles, not a bare NullPointerException
  }

  @JsonProperty("format")
  public String format() {
    return ResultFormat.PIPELINES.id();
  }
}
