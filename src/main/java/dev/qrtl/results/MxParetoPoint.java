package dev.qrtl.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One point of the MX accuracy-cost front: an MX form (or an int8 reference priced as the
 * per-element requantizer it needs), its cost per element from synthesis and gate-level energy,
 * and its error on the study's distribution.
 *
 * @param cost the unit whose synthesis priced the point (the block quantizer itself, or the int8 reference's requantizer)
 */
@JsonPropertyOrder({"form", "block", "scaleRule", "elementBits", "bitsPerElement", "cost", "areaUm2", "energyPj", "delayNs", "sqnrDb",
    "relativeRms", "energyFront", "areaFront"})
public record MxParetoPoint(String form, @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) Integer block,
    @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) String scaleRule, int elementBits, double bitsPerElement, String cost, double areaUm2,
    double energyPj, double delayNs, double sqnrDb, double relativeRms, boolean energyFront, boolean areaFront) {
  public MxParetoPoint withFronts(boolean energy, boolean area) {
    return new MxParetoPoint(form, block, scaleRule, elementBits, bitsPerElement, cost, areaUm2, energyPj, delayNs, sqnrDb, relativeRms,
        energy, area);
  }
}
