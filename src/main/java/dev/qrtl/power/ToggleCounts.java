package dev.qrtl.power;

/**
 * Adds word-parallel toggles to a {@link LibertyEnergyModel}'s event counts as the event
 * simulators would report them one by one: a gate's toggled lanes split by which input caused
 * the change (the first, in pin order, whose value differs from the lane's previous one:
 * {@link ZeroDelayPropagation}'s rule) and then by the input row, one popcount per row that
 * occurs (the edge follows from the row).
 */
final class ToggleCounts {
  private ToggleCounts() {}

  /** Gate {@code g}'s toggles in lanes {@code t}, its nets now {@code word} and before {@code previous}. */
  static void gate(LibertyEnergyModel model, int g, Elaboration.Gate gate, long t, long[] word, long[] previous) {
    int[] in = gate.inputs();
    int base = model.gateBase[g];
    long remaining = t;
    for (int c = 0; c < in.length && remaining != 0; c++) {
      long changed = (word[in[c]] ^ previous[in[c]]) & remaining;
      if (changed != 0) {
        remaining &= ~changed;
        split(model, changed, in, gate.truthTable(), base, c, 0, 0, word);
      }
    }
    if (remaining != 0) { // no input changed (cannot happen in a consistent netlist; counted as the event model would)
      split(model, remaining, in, gate.truthTable(), base, -1, 0, 0, word);
    }
  }

  /** Splits lanes {@code mask} by inputs {@code i..} into rows; counts each row's lanes. */
  private static void split(LibertyEnergyModel model, long mask, int[] in, long tt, int base, int cause, int i, int row, long[] word) {
    if (i == in.length) {
      model.gateCount[base + GatePricing.index(in.length, ((tt >>> row) & 1) != 0, cause, row)] += Long.bitCount(mask);
      return;
    }
    long x = word[in[i]];
    long zero = mask & ~x;
    long one = mask & x;
    if (zero != 0) {
      split(model, zero, in, tt, base, cause, i + 1, row, word);
    }
    if (one != 0) {
      split(model, one, in, tt, base, cause, i + 1, row | 1 << i, word);
    }
  }

  /** Input-port or register-output net {@code net}'s toggles in lanes {@code t} (its value now {@code now}). */
  static void source(LibertyEnergyModel model, int net, long t, long now) {
    model.sourceCount[0][net] += Long.bitCount(t & now);
    model.sourceCount[1][net] += Long.bitCount(t & ~now);
  }
}
