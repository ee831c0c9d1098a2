package dev.qrtl.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.qrtl.util.ResultFormat;
import java.util.List;

/**
 * {@code mx-pareto.json}: the MX formats' accuracy against their cost per element, over format,
 * block size and scale rule, with the int8 references; the points on the energy and area fronts
 * (no other point both cheaper and at least as accurate).
 *
 * @param distribution the data the error is measured on ({@code qrtl error mx})
 */
@JsonPropertyOrder({"format", "qrtl", "library", "yosys", "stimulus", "seed", "operations", "clock", "accBits", "distribution", "rows",
    "channels", "points"})
@JsonIgnoreProperties(value = "format", allowGetters = true)
public record MxParetoResult(String qrtl, String library, String yosys, String stimulus, long seed, long operations, String clock, int accBits,
    String distribution, int rows, int channels, List<MxParetoPoint> points) {
  public MxParetoResult {
    points = points == null ? null : List.copyOf(points); // absent: named by ResultFiles
  }

  @JsonProperty("format")
  public String format() {
    return ResultFormat.MX_PARETO.id();
  }
}
