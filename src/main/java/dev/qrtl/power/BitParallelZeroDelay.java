package dev.qrtl.power;

import java.util.Map;

/**
 * Zero-delay evaluation of a combinational netlist on 64 operations at once (issue 30, first
 * step): every net is a 64-bit word whose bit {@code i} is its value in operation {@code i}; each
 * gate, in topological order, is its truth table applied word-wide (a Shannon expansion on its
 * inputs down to two, then the two-input function's minterms under masks: at most 2^(k-2) - 1
 * word multiplexers for k inputs, fewer where the function ignores an input); a net toggles in operation i when its value differs from operation i - 1's, so the
 * toggles of a word are the popcount of the word XOR itself shifted up one lane (lane 0 against
 * the previous word's last lane). The counts equal {@link ZeroDelayPropagation}'s operation by
 * operation, gate by gate ({@code BitParallelZeroDelayTest}).
 *
 * <p>Given a {@link LibertyEnergyModel}, the toggles are priced as that model prices the event
 * simulator's transitions, from its own tables: a gate's event by whether the output rose, which
 * input caused it (the first, in pin order, whose value differs from the previous operation's:
 * {@link ZeroDelayPropagation}'s rule, as a word mask per input) and the input row; for a gate whose
 * event energies depend on the row only through the causing input's edge (no Liberty {@code when}
 * on its output groups), by popcounts per (rising, cause, edge), else lane by lane over its toggles;
 * the hidden energy of the pins a net reaches and the switching of input nets per rising and
 * falling toggle; leakage over the operations. The sums are the event model's up to the order of
 * floating-point addition.
 *
 * <p>Operations of a combinational design are independent, so 64 consecutive ones can run in one
 * word; a design with flip-flops is refused here (its lanes would need their own state).
 */
public final class BitParallelZeroDelay {
  private final Elaboration e;
  private final long[] word;
  /** Per net, the value in the operation before the current word's first (bit 0). */
  private final long[] last;
  private final long[] gateToggles;
  private final long[] previous;
  private long sourceToggles;
  private long operations;
  private final LibertyEnergyModel pricing;
  /** Per gate: its event energies depend on the input row only through the causing input's edge. */
  private final boolean[] simple;
  private final double[] comb;
  private double switching;

  /** Toggles only. */
  public BitParallelZeroDelay(Elaboration e) {
    this(e, null);
  }

  /** Toggles, priced by {@code pricing}'s tables when it is given (a model of the same elaboration). */
  public BitParallelZeroDelay(Elaboration e, LibertyEnergyModel pricing) {
    if (e.flops.length > 0) {
      throw new IllegalArgumentException("bit-parallel zero-delay evaluation is for combinational netlists; this one has "
          + e.flops.length + " flip-flops");
    }
    this.e = e;
    int n = e.netCount();
    this.word = new long[n];
    this.last = new long[n];
    this.gateToggles = new long[e.gates.length];
    this.previous = new long[n];
    this.pricing = pricing;
    this.comb = new double[e.flat.groups().size()];
    this.simple = new boolean[e.gates.length];
    if (pricing != null) {
      for (int g = 0; g < e.gates.length; g++) {
        simple[g] = rowOnlyThroughCause(pricing.gateEvents[g], pricing.gateInputs[g]);
      }
    }
    word[1] = -1L; // net 1 is the constant 1
    evaluateGates(); // the reset state (every input 0), not counted: what the first operation is compared with
    for (int i = 0; i < n; i++) {
      last[i] = word[i] & 1;
    }
  }

  /** Sets input {@code port} in operation {@code lane} (0..63) to the low bits of {@code v}. */
  public BitParallelZeroDelay set(String port, int lane, long v) {
    int[] bits = e.flat.inputs().get(port);
    if (bits == null) {
      throw new IllegalArgumentException("no input port '" + port + "'");
    }
    long bit = 1L << lane;
    for (int i = 0; i < bits.length; i++) {
      if (bits[i] > 1) {
        word[bits[i]] = i < 64 && ((v >>> i) & 1) != 0 ? word[bits[i]] | bit : word[bits[i]] & ~bit;
      }
    }
    return this;
  }

  /** Evaluates the first {@code lanes} (1..64) operations set since the last call, counting each net's toggles. */
  public BitParallelZeroDelay evaluate(int lanes) {
    if (lanes < 1 || lanes > 64) {
      throw new IllegalArgumentException("1..64 operations per word, not " + lanes);
    }
    long mask = lanes == 64 ? -1L : (1L << lanes) - 1;
    evaluateGates();
    for (int net = 0; net < word.length; net++) {
      previous[net] = (word[net] << 1) | last[net];
    }
    for (int net : e.sourceNets) {
      long t = (word[net] ^ previous[net]) & mask;
      sourceToggles += Long.bitCount(t);
      if (pricing != null && t != 0) {
        int rise = Long.bitCount(t & word[net]);
        int fall = Long.bitCount(t & ~word[net]);
        double s = rise * pricing.sourceSwitching[0][net] + fall * pricing.sourceSwitching[1][net];
        switching += s;
        comb[0] += s;
        hidden(net, rise, fall);
      }
    }
    Elaboration.Gate[] gates = e.gates;
    for (int g = 0; g < gates.length; g++) {
      int out = gates[g].output();
      long t = (word[out] ^ previous[out]) & mask;
      if (t == 0) {
        continue;
      }
      gateToggles[g] += Long.bitCount(t);
      if (pricing != null) {
        price(g, gates[g], t);
      }
    }
    for (int net = 0; net < word.length; net++) {
      last[net] = (word[net] >>> (lanes - 1)) & 1;
    }
    operations += lanes;
    return this;
  }

  private void hidden(int net, int rise, int fall) {
    comb[pricing.hiddenGroup[net]] += rise * pricing.hidden[0][net] + fall * pricing.hidden[1][net];
  }

  /** Prices gate {@code g}'s toggles {@code t} (lanes) as the event model prices each transition. */
  private void price(int g, Elaboration.Gate gate, long t) {
    int out = gate.output();
    long w = word[out];
    int rise = Long.bitCount(t & w);
    int fall = Long.bitCount(t & ~w);
    switching += rise * pricing.netSwitching[0][out] + fall * pricing.netSwitching[1][out];
    hidden(out, rise, fall);
    int[] in = gate.inputs();
    int k = in.length;
    double[] events = pricing.gateEvents[g];
    double sum = 0;
    if (simple[g]) {
      long remaining = t;
      for (int c = 0; c < k && remaining != 0; c++) {
        long changed = (word[in[c]] ^ previous[in[c]]) & remaining;
        remaining &= ~changed;
        if (changed == 0) {
          continue;
        }
        long up = word[in[c]];
        int row1 = 1 << c;
        sum += Long.bitCount(changed & w & up) * events[GatePricing.index(k, true, c, row1)]
            + Long.bitCount(changed & w & ~up) * events[GatePricing.index(k, true, c, 0)]
            + Long.bitCount(changed & ~w & up) * events[GatePricing.index(k, false, c, row1)]
            + Long.bitCount(changed & ~w & ~up) * events[GatePricing.index(k, false, c, 0)];
      }
      if (remaining != 0) { // no input changed (cause -1)
        sum += Long.bitCount(remaining & w) * events[GatePricing.index(k, true, -1, 0)]
            + Long.bitCount(remaining & ~w) * events[GatePricing.index(k, false, -1, 0)];
      }
    } else {
      for (long lanes = t; lanes != 0; lanes &= lanes - 1) {
        int lane = Long.numberOfTrailingZeros(lanes);
        int row = 0;
        int cause = -1;
        for (int i = 0; i < k; i++) {
          long now = word[in[i]] >>> lane;
          row |= (int) (now & 1) << i;
          if (cause < 0 && ((now ^ (previous[in[i]] >>> lane)) & 1) != 0) {
            cause = i;
          }
        }
        sum += events[GatePricing.index(k, ((w >>> lane) & 1) != 0, cause, row)];
      }
    }
    comb[pricing.gateGroup[g]] += sum;
  }

  /** Whether every event energy equals the one at the row holding only the causing input's bit. */
  private static boolean rowOnlyThroughCause(double[] events, int k) {
    for (int r = 0; r < 2; r++) {
      for (int cause = -1; cause < k; cause++) {
        int keep = cause < 0 ? 0 : 1 << cause;
        for (int row = 0; row < 1 << k; row++) {
          if (events[GatePricing.index(k, r == 1, cause, row)] != events[GatePricing.index(k, r == 1, cause, row & keep)]) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** The priced energy so far by group, as {@link LibertyEnergyModel#energyByGroup} reports it (leakage over the operations x {@code clockNs}). */
  public Map<String, Energy> energyByGroup(double clockNs) {
    if (pricing == null) {
      throw new IllegalStateException("no energy model was given");
    }
    Map<String, Energy> out = new java.util.LinkedHashMap<>();
    for (int g = 0; g < comb.length; g++) {
      double leak = pricing.leakageNwByGroup[g] * clockNs * operations * 1e-6;
      if (comb[g] != 0 || leak != 0) {
        out.put(e.flat.groups().get(g), new Energy(comb[g], 0, leak));
      }
    }
    return out;
  }

  /** The 1/2 C V^2 part so far, pJ. */
  public double switchingPj() {
    return switching;
  }

  private void evaluateGates() {
    Elaboration.Gate[] gates = e.gates;
    long[] x = new long[6];
    for (Elaboration.Gate gate : gates) {
      int[] in = gate.inputs();
      for (int i = 0; i < in.length; i++) {
        x[i] = word[in[i]];
      }
      word[gate.output()] = shannon(gate.truthTable(), in.length, x);
    }
  }

  /** The truth table {@code tt} of k inputs (row bit i is input i) applied to words {@code x}. */
  static long shannon(long tt, int k, long[] x) {
    if (k <= 2) {
      return small(tt, k, x);
    }
    int half = 1 << (k - 1);
    long lowMask = half == 64 ? -1L : (1L << half) - 1;
    long lo = tt & lowMask;
    long hi = (tt >>> half) & lowMask;
    if (lo == hi) {
      return shannon(lo, k - 1, x); // the function ignores input k - 1
    }
    long a = shannon(hi, k - 1, x);
    long b = shannon(lo, k - 1, x);
    long s = x[k - 1];
    return (s & a) | (~s & b);
  }

  /**
   * A function of at most two inputs as its minterms, each ANDed with an all-ones or all-zeros
   * mask from the truth table: no branches, no recursion (most cells of a mapped netlist are
   * inverters, buffers and two-input gates).
   */
  private static long small(long tt, int k, long[] x) {
    if (k == 0) {
      return -(tt & 1);
    }
    long a = x[0];
    if (k == 1) {
      return (~a & -(tt & 1)) | (a & -((tt >>> 1) & 1));
    }
    long b = x[1];
    return (~a & ~b & -(tt & 1)) | (a & ~b & -((tt >>> 1) & 1)) | (~a & b & -((tt >>> 2) & 1)) | (a & b & -((tt >>> 3) & 1));
  }

  /** An output port's value in operation {@code lane} (up to 64 bits, unsigned). */
  public long get(String port, int lane) {
    int[] bits = e.flat.outputs().get(port);
    if (bits == null) {
      throw new IllegalArgumentException("no output port '" + port + "'");
    }
    long v = 0;
    for (int i = 0; i < bits.length && i < 64; i++) {
      if (((word[bits[i]] >>> lane) & 1) != 0) {
        v |= 1L << i;
      }
    }
    return v;
  }

  /** Toggles of each gate's output so far, in {@link Elaboration} gate order. */
  public long[] gateToggles() {
    return gateToggles.clone();
  }

  /** Toggles of the input nets so far. */
  public long sourceToggles() {
    return sourceToggles;
  }

  public int gateCount() {
    return e.gates.length;
  }

  public long operations() {
    return operations;
  }

  /** Gate evaluations so far: gates x operations (the figure of merit of issue 30's benchmark). */
  public long gateEvaluations() {
    return operations * e.gates.length;
  }

  /** Input ports and their widths (for callers that drive every input). */
  public Map<String, int[]> inputs() {
    return e.flat.inputs();
  }
}
