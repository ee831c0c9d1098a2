package dev.qrtl.cosim;

import dev.qrtl.sim.Simulator;
import dev.qrtl.stimulus.Stimulus;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to co-simulate: vector count (tiles for MAC arrays), seed, stimulus, simulator, optional VCD file around the first mismatch, how many
 * mismatches to report, and a time limit.
 */
public record CosimOptions(long vectors, long seed, Stimulus stimulus, Simulator simulator, Path vcd, int keep, Duration timeout) {
  public CosimOptions {
    if (vectors < 1) {
      throw new IllegalArgumentException("--vectors must be at least 1, not " + vectors);
    }
    java.util.Objects.requireNonNull(simulator, "simulator");
  }
}
