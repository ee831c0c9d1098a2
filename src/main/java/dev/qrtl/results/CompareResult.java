package dev.qrtl.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A whole comparison run with what reproduces it. No times or local paths, so the same inputs give
 * byte-identical tables.
 *
 * @param rtlSimulator the simulator that co-simulated every row's RTL against its golden model
 * @param timing the timing conditions (wire load, input slew, output load)
 * @param pricing what energy charges beyond the units' cells (input nets, clock)
 * @param pipeline register stages in every requantizer (0: combinational)
 * @param skipped configurations that cannot be built, with the reason
 */
@JsonPropertyOrder({"format", "qrtl", "library", "corner", "librarySha256", "voltage", "yosys", "rtlSimulator", "java", "stimulus", "seed", "operations",
    "timingModel", "clock", "timing", "pricing", "pipeline", "baseline", "rows", "skipped", "network"})
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(value = "format", allowGetters = true)
public record CompareResult(String qrtl, String library, String corner, String librarySha256, double voltage, String yosys, String rtlSimulator, String java,
    String stimulus, long seed, long operations, String timingModel, String clock, String timing, String pricing, int pipeline, String baseline, List<CompareRow> rows,
    List<String> skipped, List<NetworkRow> network) {
  /** The file's kind and layout version ({@link dev.qrtl.util.ResultFormat}), first in the JSON. */
  @com.fasterxml.jackson.annotation.JsonProperty("format")
  public String format() {
    return dev.qrtl.util.ResultFormat.COMPARISON.id();
  }

  /**
   * The results folder's name: the library, the pipeline depth when the units are registered, and
   * the common clock when the sweep had one ({@code clockNs}, from its configuration or definition).
   */
  public String folderName(OptionalDouble clockNs) {
    String clockTag = clockNs.isPresent() && rows.stream().anyMatch(r -> r.stages() != null) ? "-clock" + clockTag(clockNs.getAsDouble()) : "";
    return (pipeline == 0 ? library : library + "-pipeline" + pipeline) + clockTag;
  }

  /** The common clock as the folder says it: 1 ns -> "1ns", 4 ns -> "4ns", 2.5 ns -> "2p5ns". */
  static String clockTag(double ns) {
    return BigDecimal.valueOf(ns).stripTrailingZeros().toPlainString().replace('.', 'p') + "ns";
  }
}
