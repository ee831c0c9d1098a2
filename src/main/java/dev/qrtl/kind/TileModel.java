package dev.qrtl.kind;

import dev.qrtl.manifest.PortSpec;
import dev.qrtl.scheme.RequantizerModel;
import dev.qrtl.spec.MacArraySpec;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongUnaryOperator;

/**
 * What a MAC kind tells the tile stream: its array, the requantizer stages after it (each with
 * the prefix of its per-column parameter ports and the spread of the values reaching it), the
 * parameters of its own datapath, and its golden model of a whole tile.
 */
interface TileModel {
  MacArraySpec array();

  /** The requantizer stages, in order (none for a bare array). */
  List<Stage> stages();

  /** Whether {@code p} is an input of the kind's own datapath (a batch norm's multiplier), not a requantizer's. */
  default boolean ownsParameter(PortSpec p) {
    return false;
  }

  /** A value for such an input, drawn from {@code rnd}. */
  default long drawParameter(PortSpec p, SplittableRandom rnd) {
    throw new IllegalArgumentException("no datapath parameter '" + p.name() + "'");
  }

  /**
   * The expected outputs of a tile: {@code acc} the exact dot products, {@code stage[s][j]} stage
   * s's golden function of column j, {@code param} the drawn value of an input by port name.
   */
  long[][] expected(long[][] acc, LongUnaryOperator[][] stage, java.util.function.ToLongFunction<String> param);

  /**
   * A requantizer stage of a MAC design.
   *
   * @param prefix what its per-column parameter ports start with ({@code conv_}, {@code bn_}; "" for the unified module's epilogue)
   * @param spread the spread of its inputs (NaN: the array's accumulators)
   */
  record Stage(RequantizerModel model, String prefix, double spread) {}
}
