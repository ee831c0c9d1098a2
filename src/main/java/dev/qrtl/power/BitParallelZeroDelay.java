package dev.qrtl.power;

import java.util.Map;

/**
 * Zero-delay evaluation of a combinational netlist on 64 operations at once: every net is a 64-bit
 * word whose bit {@code i} is its value in operation {@code i}; each gate, in topological order, is
 * its truth table applied word-wide (a Shannon expansion on its inputs down to two, then the
 * two-input function's minterms under masks: at most 2^(k-2) - 1 word multiplexers for k inputs,
 * fewer where the function ignores an input); a net toggles in operation i when its value differs
 * from operation i - 1's, so the toggles of a word are the popcount of the word XOR itself shifted
 * up one lane (lane 0 against the previous word's last lane). The counts equal
 * {@link ZeroDelayPropagation}'s operation by operation, gate by gate
 * ({@code BitParallelZeroDelayTest}).
 *
 * <p>Given a {@link LibertyEnergyModel}, the toggles are added to its event counts as the event
 * simulator's transitions would be: a gate's event by which input caused it (the first, in pin
 * order, whose value differs from the previous operation's: {@link ZeroDelayPropagation}'s rule, a
 * word mask per input) and the input row (the toggled lanes split by each input's word in turn,
 * one popcount per row that occurs; the edge follows from the row); input nets' rising and falling
 * toggles; one evaluation per operation. Since the model prices counts, the energy is the event
 * simulator's to the last bit.
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
  private final LibertyEnergyModel model;
  private final GateArrays arrays;

  /** Toggles only. */
  public BitParallelZeroDelay(Elaboration e) {
    this(e, null);
  }

  /** Toggles, counted into {@code model}'s events when it is given (a model of the same elaboration, which then prices them). */
  public BitParallelZeroDelay(Elaboration e, LibertyEnergyModel model) {
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
    this.model = model;
    this.arrays = new GateArrays(e);
    word[1] = -1L; // net 1 is the constant 1
    evaluateGates(); // the reset state (every input 0), not counted: what the first operation is compared with
    for (int i = 0; i < n; i++) {
      last[i] = word[i] & 1;
    }
  }

  /** Sets input {@code port} in operation {@code lane} (0..63) to the low bits of {@code v} (bits above 64 at 0). */
  public BitParallelZeroDelay set(String port, int lane, long v) {
    int[] bits = e.flat.inputs().get(port);
    long[] words = new long[bits == null ? 1 : Math.max(1, (bits.length + 63) >>> 6)];
    words[0] = v;
    LaneWords.set(e, word, port, lane, words, 0);
    return this;
  }

  /** Sets input {@code port} in operation {@code lane} from {@code words} (two's complement, least significant word first) at {@code offset}. */
  public BitParallelZeroDelay set(String port, int lane, long[] words, int offset) {
    LaneWords.set(e, word, port, lane, words, offset);
    return this;
  }


  /** Whether output {@code port} in operation {@code lane} equals {@code words} at {@code offset} (bits above the port's width ignored). */
  public boolean outputEquals(String port, int lane, long[] words, int offset) {
    return LaneWords.outputEquals(e, word, port, lane, words, offset);
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
      if (model != null && t != 0) {
        ToggleCounts.source(model, net, t, word[net]);
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
      if (model != null) {
        count(g, gates[g], t);
      }
    }
    for (int net = 0; net < word.length; net++) {
      last[net] = (word[net] >>> (lanes - 1)) & 1;
    }
    operations += lanes;
    if (model != null) {
      model.evaluations += lanes;
    }
    return this;
  }

  private void count(int g, Elaboration.Gate gate, long t) {
    ToggleCounts.gate(model, g, gate, t, word, previous);
  }

  /** The model's energy so far by group (leakage over the operations x {@code clockNs}). */
  public Map<String, Energy> energyByGroup(double clockNs) {
    if (model == null) {
      throw new IllegalStateException("no energy model was given");
    }
    return model.energyByGroup(clockNs);
  }

  /** The 1/2 C V^2 part so far, pJ. */
  public double switchingPj() {
    return model.switchingPj();
  }

  private void evaluateGates() {
    evaluate(arrays, word);
  }

  /**
   * Every gate of {@code a}, in order, applied to the words of {@code word}: one- and two-input
   * gates (most of a mapped netlist) inline as masked minterms, the rest by {@link #shannon}.
   */
  static void evaluate(GateArrays a, long[] word) {
    final int[] inStart = a.inStart;
    final int[] inNet = a.inNet;
    final long[] truth = a.truth;
    final int[] output = a.output;
    long[] x = new long[6];
    for (int g = 0; g < a.gates; g++) {
      int from = inStart[g];
      int k = inStart[g + 1] - from;
      long tt = truth[g];
      long v;
      if (k == 2) {
        v = two(tt, word[inNet[from]], word[inNet[from + 1]]);
      } else if (k == 1) {
        v = one(tt, word[inNet[from]]);
      } else {
        for (int i = 0; i < k; i++) {
          x[i] = word[inNet[from + i]];
        }
        v = shannon(tt, k, x);
      }
      word[output[g]] = v;
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
    return k == 0 ? -(tt & 1) : k == 1 ? one(tt, x[0]) : two(tt, x[0], x[1]);
  }

  private static long one(long tt, long a) {
    return (~a & -(tt & 1)) | (a & -((tt >>> 1) & 1));
  }

  private static long two(long tt, long a, long b) {
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

  /** Input ports and their widths (for callers that drive every input). */
  public Map<String, int[]> inputs() {
    return e.flat.inputs();
  }
}
