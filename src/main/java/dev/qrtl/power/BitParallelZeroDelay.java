package dev.qrtl.power;

import java.util.Map;

/**
 * Zero-delay evaluation of a combinational netlist on 64 operations at once (issue 30, first
 * step): every net is a 64-bit word whose bit {@code i} is its value in operation {@code i}; each
 * gate, in topological order, is its truth table applied word-wide (a Shannon expansion on its
 * inputs: at most 2^k - 1 word multiplexers for k inputs, fewer where the function ignores an
 * input); a net toggles in operation i when its value differs from operation i - 1's, so the
 * toggles of a word are the popcount of the word XOR itself shifted up one lane (lane 0 against
 * the previous word's last lane). The counts equal {@link ZeroDelayPropagation}'s operation by
 * operation, gate by gate ({@code BitParallelZeroDelayTest}); pricing them (which input caused a
 * transition, the Liberty {@code when} conditions, as word masks) is the next step.
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
  private long sourceToggles;
  private long operations;

  public BitParallelZeroDelay(Elaboration e) {
    if (e.flops.length > 0) {
      throw new IllegalArgumentException("bit-parallel zero-delay evaluation is for combinational netlists; this one has "
          + e.flops.length + " flip-flops");
    }
    this.e = e;
    int n = e.netCount();
    this.word = new long[n];
    this.last = new long[n];
    this.gateToggles = new long[e.gates.length];
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
    for (int net : e.sourceNets) {
      sourceToggles += toggles(net, mask, lanes);
    }
    evaluateGates();
    Elaboration.Gate[] gates = e.gates;
    for (int g = 0; g < gates.length; g++) {
      gateToggles[g] += toggles(gates[g].output(), mask, lanes);
    }
    operations += lanes;
    return this;
  }

  /** The net's toggles in the word's first {@code lanes} operations; remembers its last value for the next word. */
  private long toggles(int net, long mask, int lanes) {
    long w = word[net];
    long previous = (w << 1) | last[net];
    last[net] = (w >>> (lanes - 1)) & 1;
    return Long.bitCount((w ^ previous) & mask);
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
    if (k == 0) {
      return (tt & 1) != 0 ? -1L : 0L;
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
