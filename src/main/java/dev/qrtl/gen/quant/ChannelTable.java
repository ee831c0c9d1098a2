package dev.qrtl.gen.quant;

import dev.qrtl.core.Expr;
import dev.qrtl.core.HwType;
import java.util.List;

/**
 * A per-output-channel constant table as a mux chain on the {@code channel} input: the small
 * read-only memory a per-channel requantizer needs. Indices past the table select the last entry.
 */
final class ChannelTable {
  private ChannelTable() {}

  static Expr lookup(Expr channel, List<Long> values, HwType type) {
    Expr result = Expr.lit(values.get(values.size() - 1), type);
    for (int i = values.size() - 2; i >= 0; i--) {
      result = channel.eq(Expr.lit(i, channel.type())).select(Expr.lit(values.get(i), type), result);
    }
    return result;
  }
}
