package dev.qrtl.cosim;

import dev.qrtl.stimulus.Stimulus;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to co-simulate: vector count (tiles for MAC arrays), seed, stimulus, simulator
 * ({@code verilator} or {@code icarus}), optional VCD file around the first mismatch, how many
 * mismatches to report, and a time limit.
 */
public record CosimOptions(long vectors, long seed, Stimulus stimulus, String simulator, Path vcd, int keep, Duration timeout) {
  public CosimOptions {
    if (vectors < 1) {
      throw new IllegalArgumentException("--vectors must be at least 1, not " + vectors);
    }
    if (!simulator.equals("verilator") && !simulator.equals("icarus")) {
      throw new IllegalArgumentException("unknown simulator '" + simulator + "'; use verilator or icarus");
    }
  }
}
