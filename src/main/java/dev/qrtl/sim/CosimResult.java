package dev.qrtl.sim;

import java.util.List;

/** What a co-simulation run checked and found. */
public record CosimResult(long records, long checked, long mismatches, List<Mismatch> firstMismatches, double seconds) {
  public double checkedPerSecond() {
    return seconds > 0 ? checked / seconds : 0;
  }
}
