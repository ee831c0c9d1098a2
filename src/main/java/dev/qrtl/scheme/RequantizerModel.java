package dev.qrtl.scheme;

import dev.qrtl.golden.OutputRange;
import dev.qrtl.manifest.PortSpec;
import dev.qrtl.spec.OutputSpec;
import dev.qrtl.spec.QuantizerSpec;
import dev.qrtl.stimulus.ValueSampler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;

/**
 * A scheme's golden model bound to one spec, and the meaning of the unit's run-time inputs: the
 * expected output for an accumulator and input values, and the values tests and energy runs
 * drive those inputs with (the reference's corner cases, random values in their valid ranges, or
 * values fitted to the spread of realistic data).
 */
public interface RequantizerModel {
  QuantizerSpec spec();

  /** The expected output for {@code acc} with run-time input values read by port name. */
  long apply(long acc, Inputs in);

  /**
   * The model with its inputs resolved to positions in a value array ordered as {@code names}
   * (the fast path of co-simulation: no lookup by name per vector). Schemes override it for their
   * common forms; this default resolves names once and reads through a small table.
   */
  default ToLongFunction<long[]> bind(List<String> names) {
    int acc = position(names, "acc");
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      byName.put(names.get(i), i);
    }
    return v -> apply(v[acc], port -> {
      Integer i = byName.get(port);
      if (i == null) {
        throw new dev.qrtl.manifest.ManifestException("the golden model needs input '" + port + "', which the design lacks");
      }
      return v[i];
    });
  }

  /** The reference's corner cases as input vectors (ordered as {@code inputs}; {@code acc} included). */
  List<long[]> corners(List<PortSpec> inputs);

  /** A random value of run-time input {@code port} within its valid range. */
  long random(PortSpec port, SplittableRandom rnd, ValueSampler accumulators);

  /** A value of run-time input {@code port} fitted to data of the given spread. */
  long fitted(PortSpec port, SplittableRandom rnd, double spread);

  /** Whether exhaustive stimulus enumerates this input beside the accumulator. */
  default boolean enumerable(PortSpec port) {
    return port.name().equals("channel");
  }

  /** Whether this input is redrawn only with the layer (thresholds: an ascending set every 256 vectors). */
  default boolean layerParameter(PortSpec port) {
    return false;
  }

  /** Puts freshly drawn input values into a valid arrangement (thresholds ascend); by default nothing. */
  default void arrange(long[] values, List<PortSpec> inputs) {}

  /** The output range of the spec's format. */
  default OutputRange range() {
    OutputSpec o = spec().out();
    return new OutputRange(o.bits(), o.signed(), o.relu(), o.saturate());
  }

  /** Run-time input values by port name. */
  @FunctionalInterface
  interface Inputs {
    long get(String port);
  }

  /** The position of {@code name} in {@code names}; a one-line error if the design lacks it. */
  static int position(List<String> names, String name) {
    int i = names.indexOf(name);
    if (i < 0) {
      throw new dev.qrtl.manifest.ManifestException("the golden model needs input '" + name + "', which the design lacks");
    }
    return i;
  }
}
