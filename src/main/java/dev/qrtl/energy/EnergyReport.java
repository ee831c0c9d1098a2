package dev.qrtl.energy;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The energy of one design: with cell delays (glitches included; the headline figure) and at zero
 * delay (a lower bound), with everything needed to reproduce it.
 *
 * @param operation what one operation is ("requantization", "output value")
 * @param operations operations measured (after the warm-up)
 * @param delayOperations of those, the first so many also simulated with cell delays (the
 *     {@code delays} figure is theirs)
 * @param clockNs the clock period leakage is charged over
 * @param clockSource where the period came from ("critical path", "--clock-ns")
 * @param timing the timing conditions the loads and transitions come from (wire load, input slew, output load)
 * @param conventions what is charged beyond the unit's cells (input nets, clock)
 * @param delays the delay-aware estimate
 * @param zeroDelay the zero-delay estimate
 * @param gateLevelChecks outputs of the mapped netlist compared with the golden model (all equal, or the run fails)
 */
@JsonPropertyOrder({"design", "library", "corner", "yosys", "stimulus", "seed", "operation", "operations", "delayOperations", "clockNs", "clockSource",
    "timing", "conventions", "delays", "zeroDelay", "gateLevelChecks", "seconds"})
public record EnergyReport(String design, String library, String corner, String yosys, String stimulus, long seed, String operation,
    long operations, long delayOperations, double clockNs, String clockSource, String timing, String conventions, EnergyEstimate delays, EnergyEstimate zeroDelay, long gateLevelChecks,
    double seconds) {
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("energy of %s on %s (corner %s, %s), per %s%n", design, library, corner, yosys, operation));
    sb.append(String.format("  stimulus   %s, seed %d, %d operations, clock %.4f ns (%s)%n", stimulus, seed, operations, clockNs, clockSource));
    sb.append("  timing     ").append(timing).append('\n');
    sb.append("  pricing    ").append(conventions).append('\n');
    if (delayOperations < operations) {
      sb.append(String.format("  with delays over the first %d operations, zero delay over all %d%n", delayOperations, operations));
    }
    line(sb, "with delays", delays);
    line(sb, "zero delay", zeroDelay);
    if (delays.byGroupPj().size() > 1) {
      delays.byGroupPj().forEach((g, e) -> sb.append(String.format("    %-40s %10.4f pJ%n", g, e)));
    }
    sb.append(String.format("  gate level %d output values equal to the golden model; %.1f s%n", gateLevelChecks, seconds));
    return sb.toString();
  }

  private static void line(StringBuilder sb, String name, EnergyEstimate e) {
    sb.append(String.format("  %-10s %10.4f pJ +- %.4f (95 %% CI)  combinational %.4f, registers+clock %.4f, leakage %.5f%n",
        name, e.totalPj(), e.ci95Pj(), e.combinationalPj(), e.sequentialPj(), e.leakagePj()));
  }
}
