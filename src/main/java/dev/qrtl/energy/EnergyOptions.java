package dev.qrtl.energy;

import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.power.EnergyConventions;
import java.util.OptionalDouble;

/**
 * How to estimate energy.
 *
 * @param operations operations to measure (requantizations; for arrays, output values)
 * @param seed seed of the stimulus and the parameter draws
 * @param stimulus where accumulators (or array operands) come from
 * @param clockNs the clock period; empty: the design's critical path from static timing
 * @param paramPeriod operations between fresh run-time parameters (a layer's scale is fixed)
 * @param batches batches for the confidence interval (batch means)
 * @param conventions whether input nets are charged and how the clock is priced
 * @param delayOperations operations simulated with cell delays: all of them, or the first so many
 *     (the timed simulation costs about 20 times the zero-delay one per operation; a large array
 *     can then be priced at zero delay on many tiles and with delays on fewer)
 */
public record EnergyOptions(long operations, long seed, Stimulus stimulus, OptionalDouble clockNs, int paramPeriod, int batches,
    EnergyConventions conventions, long delayOperations) {
  /** The stimulus energy estimates use unless told otherwise: int8 ReLU activations times Gaussian weights, 64 terms. */
  public static final String DEFAULT_STIMULUS = "products:k=64";

  public EnergyOptions {
    if (operations < 100 || operations > 100_000_000L) {
      throw new IllegalArgumentException("operations must be between 100 and 10^8, not " + operations);
    }
    if (batches < 5 || batches > operations / 10) {
      throw new IllegalArgumentException("batches must be between 5 and operations / 10, not " + batches);
    }
    if (delayOperations < 10L * batches || delayOperations > operations) {
      throw new IllegalArgumentException("--delay-ops must be between " + 10L * batches + " (10 per batch) and --ops (" + operations
          + "), not " + delayOperations);
    }
    if (paramPeriod < 1) {
      throw new IllegalArgumentException("the parameter period must be at least 1, not " + paramPeriod);
    }
    if (clockNs.isPresent() && !(clockNs.getAsDouble() > 0 && clockNs.getAsDouble() < 1e6)) {
      throw new IllegalArgumentException("the clock period must be a positive number of ns, not " + clockNs.getAsDouble());
    }
  }

  /**
   * Options with the default confidence-interval batches: 25, or fewer for short runs (at least
   * 10 operations per batch); {@code operations} below 100 or above 10^8 are refused, naming
   * {@code --ops}.
   */
  public static EnergyOptions of(long operations, long seed, Stimulus stimulus, OptionalDouble clockNs, int paramPeriod) {
    if (operations < 100 || operations > 100_000_000L) {
      throw new IllegalArgumentException("--ops must be between 100 and 10^8 operations, not " + operations);
    }
    return new EnergyOptions(operations, seed, stimulus, clockNs, paramPeriod, (int) Math.min(25, operations / 10));
  }

  /** Options with the default conventions ({@link EnergyConventions#DEFAULT}). */
  public EnergyOptions(long operations, long seed, Stimulus stimulus, OptionalDouble clockNs, int paramPeriod, int batches) {
    this(operations, seed, stimulus, clockNs, paramPeriod, batches, EnergyConventions.DEFAULT);
  }

  /** Every operation simulated with delays too. */
  public EnergyOptions(long operations, long seed, Stimulus stimulus, OptionalDouble clockNs, int paramPeriod, int batches,
      EnergyConventions conventions) {
    this(operations, seed, stimulus, clockNs, paramPeriod, batches, conventions, operations);
  }

  /** These options for {@code ops} operations (with delays: all of them, or as many as before if fewer). */
  public EnergyOptions withOperations(long ops) {
    return new EnergyOptions(ops, seed, stimulus, clockNs, paramPeriod, batches, conventions,
        delayOperations == operations ? ops : Math.min(delayOperations, ops));
  }

  public EnergyOptions withConventions(EnergyConventions c) {
    return new EnergyOptions(operations, seed, stimulus, clockNs, paramPeriod, batches, c, delayOperations);
  }

  /** These options with the first {@code n} operations simulated with delays (all others at zero delay only). */
  public EnergyOptions withDelayOperations(long n) {
    return new EnergyOptions(operations, seed, stimulus, clockNs, paramPeriod, batches, conventions, n);
  }
}
