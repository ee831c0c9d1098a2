package dev.qrtl.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The accuracy-cost Pareto front of a library at 32 -> 8, and its knee: the smallest dyadic
 * multiplier whose octave-mean RMS error is within 2 % of tflite-double's.
 *
 * @param fastModel how the dyadic widths not synthesized were priced, with the fit's stated error
 */
@JsonPropertyOrder({"format", "qrtl", "library", "yosys", "stimulus", "seed", "operations", "samples", "octavePoints", "fastModel", "baselineRms",
    "knee", "points"})
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(value = "format", allowGetters = true)
public record ParetoResult(String qrtl, String library, String yosys, String stimulus, long seed, long operations, int samples,
    int octavePoints, String fastModel, double baselineRms, Knee knee, List<ParetoPoint> points) {
  /** The file's kind and layout version ({@link dev.qrtl.util.ResultFormat}), first in the JSON. */
  @com.fasterxml.jackson.annotation.JsonProperty("format")
  public String format() {
    return dev.qrtl.util.ResultFormat.PARETO.id();
  }

  public ParetoResult {
    points = points == null ? null : List.copyOf(points); // absent: named by ResultFiles
  }

  /**
   * The knee.
   *
   * @param m its multiplier width
   * @param rms its octave-mean RMS error
   * @param cost synthesis or fast model
   * @param areaRatio tflite-double's area over its area
   * @param energyRatio tflite-double's energy over its energy
   */
  public record Knee(int m, double rms, String cost, double areaRatio, double energyRatio) {}
}
