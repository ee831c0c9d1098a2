package dev.qrtl.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One way of finishing a layer, per output value: how many requantizations it takes, and the area
 * and energy of its stages (the MAC array before them is the same for every way and left out).
 */
@JsonPropertyOrder({"configuration", "quantizationOpsPerOutput", "areaUm2", "energyPerOutputPj", "energyCi95Pj",
    "energyZeroDelayPj", "stages"})
public record NetworkRow(String configuration, int quantizationOpsPerOutput, double areaUm2, double energyPerOutputPj,
    double energyCi95Pj, double energyZeroDelayPj, List<Stage> stages) {
  /** One stage of the path: its unit, area and energy per output. */
  @JsonPropertyOrder({"stage", "design", "areaUm2", "energyPj", "energyCi95Pj", "energyZeroDelayPj", "stimulus"})
  public record Stage(String stage, String design, double areaUm2, double energyPj, double energyCi95Pj, double energyZeroDelayPj,
      String stimulus) {}
}
