package dev.qrtl.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.qrtl.results.Interval;

/**
 * One unit on the accuracy-cost plane at 32 -> 8 bits.
 *
 * @param form the scheme's comparison form
 * @param m the dyadic multiplier width, or null for the other schemes
 * @param cost where area and energy come from: {@code synthesis} or {@code fast model}
 * @param rms octave-mean RMS error in output LSB
 * @param rmsCi its 95 % interval
 * @param worstRms the RMS at the octave's worst scale
 * @param energyFront whether no other unit has both lower energy and lower octave-mean RMS
 * @param areaFront the same for area
 */
@JsonPropertyOrder({"form", "m", "cost", "areaUm2", "energyPj", "rms", "rmsCi", "worstRms", "energyFront", "areaFront"})
public record ParetoPoint(String form, @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) Integer m, String cost, double areaUm2, double energyPj,
    double rms, Interval rmsCi, double worstRms, boolean energyFront, boolean areaFront) {
  public ParetoPoint withFronts(boolean energy, boolean area) {
    return new ParetoPoint(form, m, cost, areaUm2, energyPj, rms, rmsCi, worstRms, energy, area);
  }
}
