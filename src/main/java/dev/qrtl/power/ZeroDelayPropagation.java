package dev.qrtl.power;

/**
 * Zero-delay evaluation: the gates in topological order, each output changing at most once per
 * evaluation, so glitches are not seen (a lower bound on switching for deep arithmetic).
 */
final class ZeroDelayPropagation {
  private final Elaboration e;

  ZeroDelayPropagation(Elaboration e) {
    this.e = e;
  }

  /** Settles {@code value}; each output change is reported to {@code model} (none if it is null). Returns the transitions. */
  long evaluate(boolean[] value, boolean[] settled, EnergyModel model) {
    long transitions = 0;
    Elaboration.Gate[] gates = e.gates;
    for (int g = 0; g < gates.length; g++) {
      Elaboration.Gate gate = gates[g];
      int[] in = gate.inputs();
      int row = row(in, value);
      boolean v = ((gate.truthTable() >>> row) & 1) != 0;
      if (value[gate.output()] != v) {
        value[gate.output()] = v;
        if (model != null) {
          int cause = cause(in, value, settled);
          model.transition(g, 0, v, cause, cause < 0 ? 0 : e.slewNs(in[cause], value[in[cause]]), row);
          transitions++;
        }
      }
    }
    return transitions;
  }

  /** The first input that changed in this evaluation, or -1. */
  private static int cause(int[] in, boolean[] value, boolean[] settled) {
    for (int i = 0; i < in.length; i++) {
      if (value[in[i]] != settled[in[i]]) {
        return i;
      }
    }
    return -1;
  }

  static int row(int[] in, boolean[] v) {
    int row = 0;
    for (int i = 0; i < in.length; i++) {
      if (v[in[i]]) {
        row |= 1 << i;
      }
    }
    return row;
  }
}
