package dev.qrtl.kind;

import dev.qrtl.sim.RecordSource;
import dev.qrtl.stimulus.Stimulus;

/**
 * The records that drive one design: the stream (laid out by the manifest's ports), how many
 * records it has, how many operations they are (requantizations, output values) and the stimulus
 * as a report names it.
 */
public record Workload(RecordSource source, long records, long operations, String stimulus) {
  /**
   * What a workload is asked for: the stimulus, how many operations, the seed, and its purpose.
   *
   * @param paramPeriod for an energy run, how many operations run-time parameters are held for (a
   *     layer's scale does not change per value); 1 for co-simulation
   * @param energy an energy run (no corner cases first: the figure is about the stimulus) rather
   *     than co-simulation (corner cases first)
   */
  public record Request(Stimulus stimulus, long operations, long seed, int paramPeriod, boolean energy) {
    public Request {
      if (paramPeriod < 1) {
        throw new IllegalArgumentException("parameter period must be at least 1, not " + paramPeriod);
      }
    }

    /** Co-simulation: corner cases first, parameters drawn for every vector. */
    public static Request cosim(Stimulus stimulus, long vectors, long seed) {
      return new Request(stimulus, vectors, seed, 1, false);
    }

    /** An energy run: parameters held for {@code paramPeriod} operations, no corner cases. */
    public static Request energy(Stimulus stimulus, long operations, long seed, int paramPeriod) {
      return new Request(stimulus, operations, seed, paramPeriod, true);
    }
  }
}
