package dev.qrtl.power;

/**
 * Zero-delay evaluation: the gates in topological order, each output changing at most once per
 * evaluation, so glitches are not seen (a lower bound on switching for deep arithmetic). Only the
 * gates with an input that changed are visited (a bit set over gate indices, marked from the
 * changed nets' readers and scanned upwards), in the same order as a full sweep.
 */
final class ZeroDelayPropagation {
  private final Elaboration e;
  private final GateArrays a;
  private final long[] active;

  ZeroDelayPropagation(Elaboration e) {
    this.e = e;
    this.a = new GateArrays(e);
    this.active = new long[(a.gates + 63) >>> 6];
  }

  /** Settles {@code value}; each output change is reported to {@code model} (none if it is null). Returns the transitions. */
  long evaluate(boolean[] value, boolean[] settled, EnergyModel model) {
    if (model == null) {
      java.util.Arrays.fill(active, -1L); // the reset state: every gate once
    } else {
      for (int net : e.sourceNets) {
        if (value[net] != settled[net]) {
          mark(net);
        }
      }
    }
    long transitions = 0;
    final int[] inStart = a.inStart;
    final int[] inNet = a.inNet;
    for (int w = 0; w < active.length; w++) {
      while (active[w] != 0) {
        int g = (w << 6) + Long.numberOfTrailingZeros(active[w]);
        active[w] &= active[w] - 1;
        if (g >= a.gates) {
          continue;
        }
        int from = inStart[g];
        int k = inStart[g + 1] - from;
        int row = 0;
        int cause = -1;
        for (int i = 0; i < k; i++) {
          int net = inNet[from + i];
          if (value[net]) {
            row |= 1 << i;
          }
          if (cause < 0 && value[net] != settled[net]) {
            cause = i;
          }
        }
        boolean v = ((a.truth[g] >>> row) & 1) != 0;
        int out = a.output[g];
        if (value[out] != v) {
          value[out] = v;
          mark(out);
          if (model != null) {
            model.transition(g, 0, v, cause, cause < 0 ? 0 : e.slewNs[v(value, inNet[from + cause])][inNet[from + cause]], row);
            transitions++;
          }
        }
      }
    }
    return transitions;
  }

  private static int v(boolean[] value, int net) {
    return value[net] ? 0 : 1;
  }

  private void mark(int net) {
    for (int f = a.fanStart[net]; f < a.fanStart[net + 1]; f++) {
      int g = a.fanGate[f];
      active[g >>> 6] |= 1L << g;
    }
  }
}
