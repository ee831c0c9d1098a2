package dev.qrtl.cosim;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The outcome of a co-simulation, for people (text) and machines (JSON).
 *
 * @param design the top module
 * @param simulator simulator and version
 * @param stimulus what drove the inputs
 * @param seed the random seed
 * @param records cycles simulated
 * @param checked values compared (records for requantizers, outputs for arrays)
 * @param mismatches values that differed
 * @param seconds wall time of the run (build excluded)
 * @param buildCached whether the simulator build came from the cache
 * @param firstMismatches the first few, with inputs, expected and actual values
 * @param vcd the waveform written around the first mismatch, or null
 */
@JsonPropertyOrder({"design", "simulator", "stimulus", "seed", "records", "checked", "mismatches", "seconds",
    "checkedPerSecond", "buildCached", "firstMismatches", "vcd"})
public record CosimReport(String design, String simulator, String stimulus, long seed, long records, long checked,
    long mismatches, double seconds, boolean buildCached, List<MismatchReport> firstMismatches, String vcd) {
  public double checkedPerSecond() {
    return seconds > 0 ? checked / seconds : 0;
  }

  public boolean passed() {
    return mismatches == 0 && checked > 0;
  }

  /** One mismatching record: the index, and each port's value in decimal and hex. */
  public record MismatchReport(long index, List<PortValue> inputs, List<PortValue> expected, List<PortValue> actual, String note) {}

  /** A port value. */
  public record PortValue(String port, String decimal, String hex) {}

  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("co-simulation of %s on %s%n", design, simulator));
    sb.append(String.format("  stimulus %s, seed %d%n", stimulus, seed));
    sb.append(String.format("  %d records, %d values checked, %d mismatches, %.2f s, %.2f M checked/s%s%n",
        records, checked, mismatches, seconds, checkedPerSecond() / 1e6, buildCached ? " (cached build)" : ""));
    for (MismatchReport m : firstMismatches) {
      sb.append(String.format("  MISMATCH at record %d:%n", m.index()));
      sb.append("    inputs:  ").append(join(m.inputs())).append('\n');
      sb.append("    expected ").append(join(m.expected())).append('\n');
      sb.append("    actual   ").append(join(m.actual())).append('\n');
      if (!m.note().isEmpty()) {
        sb.append("    ").append(m.note()).append('\n');
      }
    }
    if (vcd != null) {
      sb.append("  waveform around the first mismatch: ").append(vcd).append('\n');
    }
    sb.append(passed() ? "  PASS\n" : checked == 0 ? "  FAIL: nothing was checked\n" : "  FAIL\n");
    return sb.toString();
  }

  private static String join(List<PortValue> values) {
    StringBuilder sb = new StringBuilder();
    for (PortValue v : values) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(v.port()).append('=').append(v.decimal()).append(" (0x").append(v.hex()).append(')');
    }
    return sb.toString();
  }
}
