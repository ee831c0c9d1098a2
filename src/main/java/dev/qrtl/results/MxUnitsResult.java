package dev.qrtl.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.qrtl.util.ResultFormat;
import java.util.List;

/** {@code mx-units.json}: the MX study's block dot products and group-scaled PEs, each beside its plain counterpart. */
@JsonPropertyOrder({"format", "qrtl", "library", "yosys", "stimulus", "seed", "operations", "clock", "rows"})
@JsonIgnoreProperties(value = "format", allowGetters = true)
public record MxUnitsResult(String qrtl, String library, String yosys, String stimulus, long seed, long operations, String clock,
    List<MxUnitRow> rows) {
  public MxUnitsResult {
    rows = rows == null ? null : List.copyOf(rows); // absent: named by ResultFiles
  }

  @JsonProperty("format")
  public String format() {
    return ResultFormat.MX_UNITS.id();
  }
}
