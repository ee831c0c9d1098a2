package dev.qrtl.network;

import dev.qrtl.results.Layer;
import dev.qrtl.energy.EnergyOptions;
import dev.qrtl.scheme.Schemes;
import dev.qrtl.synth.TechLibraries;
import dev.qrtl.synth.TimingConditions;
import java.time.Duration;
import java.util.List;

/**
 * A network bill to compute: the network, the schemes, the operand widths (activations are
 * requantized back to {@code aBits}), the array whose requantizers are priced, the library, and
 * how energy is estimated ({@code energy}: operations per unit, seed, conventions; each unit's
 * stimulus is the layer's own).
 *
 * @param errorSamples accumulators per layer and scheme for the error columns (0: none)
 * @param macRows with {@code macCols}, the MAC array each layer's MACs are priced on (0 x 0: a single-lane PE)
 */
public record NetworkConfig(Network network, List<Schemes.Form> forms, int aBits, int wBits, int rows, int cols,
    TechLibraries.Resolved tech, TimingConditions timing, EnergyOptions energy, Duration timeout, boolean progress, int errorSamples,
    int macRows, int macCols) {
  public NetworkConfig(Network network, List<Schemes.Form> forms, int aBits, int wBits, int rows, int cols, TechLibraries.Resolved tech,
      TimingConditions timing, EnergyOptions energy, Duration timeout, boolean progress, int errorSamples) {
    this(network, forms, aBits, wBits, rows, cols, tech, timing, energy, timeout, progress, errorSamples, 0, 0);
  }

  public NetworkConfig {
    forms = List.copyOf(forms);
    if (forms.isEmpty()) {
      throw new IllegalArgumentException("a network bill needs at least one scheme");
    }
    if (aBits < 2 || aBits > 16 || wBits < 2 || wBits > 16) {
      throw new IllegalArgumentException("--a-bits and --w-bits must be 2..16, not " + aBits + " and " + wBits);
    }
    if (rows < 1 || rows > 64 || cols < 1 || cols > 64) {
      throw new IllegalArgumentException("--array must be RxC with 1..64 rows and columns, not " + rows + "x" + cols);
    }
    if ((macRows == 0) != (macCols == 0) || macRows < 0 || macRows > 64 || macCols < 0 || macCols > 64) {
      throw new IllegalArgumentException("--mac-array must be RxC with 1..64 rows and columns, not " + macRows + "x" + macCols);
    }
    if (errorSamples != 0 && (errorSamples < 100 || errorSamples > 10_000_000)) {
      throw new IllegalArgumentException("--error-samples must be 0 or 100..10^7, not " + errorSamples);
    }
    for (Layer l : network.layers()) {
      int acc = l.accBits(l.aBits(aBits), l.wBits(wBits));
      if (acc > 64) {
        throw new IllegalArgumentException("layer '" + l.name() + "' needs a " + acc + "-bit accumulator, beyond 64 bits");
      }
    }
  }

  /** Whether MACs are priced on a MAC array ({@code macRows} x {@code macCols}) rather than a single-lane PE. */
  public boolean macArray() {
    return macRows > 0;
  }

  /** The MAC array as the bill names it, {@code RxC}. */
  public String macArrayName() {
    return macRows + "x" + macCols;
  }
}
