package dev.qrtl.power;

import java.util.Arrays;

/**
 * Delay-aware evaluation: each cell input has the mean rise/fall delay of its Liberty timing arcs
 * at its propagated transition and the output's load, wire included ({@link Elaboration}); input
 * ports and register outputs switch at the start of the cycle (registers after their clock-to-Q
 * delay); each net's waveform (its transition times) is propagated through the cells in
 * topological order, and output pulses shorter than the cell's fastest input delay are removed in
 * pairs (inertial delay), so the reported transitions include the glitches a real gate would pass
 * on and the final values are the zero-delay ones.
 *
 * <p>Only the gates an event reaches are visited: a net's first event marks the gates reading it
 * in a bit set over gate indices, scanned upwards (a reader's index is above its driver's). The
 * waveforms of one evaluation live in one array, each net's events adjacent (a net's events are
 * all pushed at once); nothing is allocated per event. Events reach the model in the order of the
 * plain topological sweep, so energies are the same to the last bit.
 */
final class TimedPropagation {
  private final Elaboration e;
  private final GateArrays a;
  private final long[] active;
  private final int[] waveStart;
  private final int[] waveLength;
  private final int[] touched;
  private int touchedCount;
  private double[] pool = new double[1024];
  private int poolSize;
  private double[] mergeTime = new double[64];
  private int[] mergeInput = new int[64];
  private double[] outTimes = new double[64];
  private int[] outCause = new int[64];
  private int[] outRow = new int[64];
  private final int[] cursor = new int[6];
  private final int[] cursorEnd = new int[6];

  TimedPropagation(Elaboration e) {
    this.e = e;
    this.a = new GateArrays(e);
    this.active = new long[(a.gates + 63) >>> 6];
    this.waveStart = new int[e.netCount()];
    this.waveLength = new int[e.netCount()];
    this.touched = new int[e.netCount()];
  }

  long evaluate(boolean[] value, boolean[] settled, EnergyModel model) {
    for (int i = 0; i < touchedCount; i++) {
      waveLength[touched[i]] = 0;
    }
    touchedCount = 0;
    poolSize = 0;
    for (int i = 0; i < e.sourceNets.length; i++) {
      int net = e.sourceNets[i];
      if (value[net] != settled[net]) {
        open(net);
        append(e.sourceTimes[i]);
      }
    }
    long transitions = 0;
    final int[] inStart = a.inStart;
    final int[] inNet = a.inNet;
    final double[] delay = a.delay;
    final double[][] slew = e.slewNs;
    for (int w = 0; w < active.length; w++) {
      while (active[w] != 0) {
        int gi = (w << 6) + Long.numberOfTrailingZeros(active[w]);
        active[w] &= active[w] - 1;
        int from = inStart[gi];
        int k0 = inStart[gi + 1] - from;
        int events = mergeInputs(from, k0);
        int row = 0;
        for (int i = 0; i < k0; i++) {
          if (settled[inNet[from + i]]) {
            row |= 1 << i;
          }
        }
        int outNet = a.output[gi];
        long tt = a.truth[gi];
        double inertial = a.inertial[gi];
        boolean out = settled[outNet];
        int kept = 0;
        for (int k = 0; k < events; ) {
          double t = mergeTime[k];
          int cause = -1;
          while (k < events && mergeTime[k] == t) {
            row ^= 1 << mergeInput[k];
            cause = mergeInput[k];
            k++;
          }
          boolean v = ((tt >>> row) & 1) != 0;
          if (v != out) {
            out = v;
            if (kept > 0 && t - outTimes[kept - 1] < inertial) {
              kept--; // a pulse narrower than the cell's delay never appears at its output
            } else {
              kept = keep(kept, t, cause, row);
            }
          }
        }
        if (kept == 0) {
          value[outNet] = settled[outNet];
          continue;
        }
        open(outNet);
        boolean level = settled[outNet];
        for (int k = 0; k < kept; k++) {
          append(outTimes[k]);
          level = !level;
          int c = outCause[k];
          double s = c < 0 ? 0 : slew[((outRow[k] >> c) & 1) == 1 ? 0 : 1][inNet[from + c]];
          model.transition(gi, outTimes[k], level, c, s, outRow[k]);
        }
        transitions += kept;
        value[outNet] = (kept & 1) == 1 ? !settled[outNet] : settled[outNet];
      }
    }
    return transitions;
  }

  /** Records an output transition at {@code t}; returns the new count. */
  private int keep(int kept, double t, int cause, int row) {
    if (kept == outTimes.length) {
      outTimes = Arrays.copyOf(outTimes, kept * 2);
      outCause = Arrays.copyOf(outCause, kept * 2);
      outRow = Arrays.copyOf(outRow, kept * 2);
    }
    outTimes[kept] = t;
    outCause[kept] = cause;
    outRow[kept] = row;
    return kept + 1;
  }

  /** Starts {@code net}'s waveform at the end of the pool and marks the gates reading it. */
  private void open(int net) {
    waveStart[net] = poolSize;
    touched[touchedCount++] = net;
    for (int f = a.fanStart[net]; f < a.fanStart[net + 1]; f++) {
      int g = a.fanGate[f];
      active[g >>> 6] |= 1L << g;
    }
  }

  private void append(double t) {
    if (poolSize == pool.length) {
      pool = Arrays.copyOf(pool, poolSize * 2);
    }
    pool[poolSize++] = t;
    waveLength[touched[touchedCount - 1]]++;
  }

  /**
   * Merges the waveforms reaching gate {@code gi}'s inputs (each ascending in time), shifted by
   * their pin delays, into one ascending list in {@code mergeTime}/{@code mergeInput}; events at
   * the same time keep pin order. Returns their number.
   */
  private int mergeInputs(int from, int k) {
    int total = 0;
    int waves = 0;
    for (int i = 0; i < k; i++) {
      int len = waveLength[a.inNet[from + i]];
      if (len > 0) {
        total += len;
        waves++;
      }
    }
    if (total > mergeTime.length) {
      mergeTime = Arrays.copyOf(mergeTime, 2 * total);
      mergeInput = Arrays.copyOf(mergeInput, 2 * total);
    }
    if (waves == 1) { // the common case: one input switched; its waveform is already in order
      for (int i = 0; i < k; i++) {
        int net = a.inNet[from + i];
        int len = waveLength[net];
        if (len > 0) {
          int s = waveStart[net];
          double d = a.delay[from + i];
          for (int j = 0; j < len; j++) {
            mergeTime[j] = pool[s + j] + d;
            mergeInput[j] = i;
          }
        }
      }
      return total;
    }
    for (int i = 0; i < k; i++) {
      int net = a.inNet[from + i];
      cursor[i] = waveStart[net];
      cursorEnd[i] = waveStart[net] + waveLength[net];
    }
    for (int n = 0; n < total; n++) {
      int best = -1;
      double bestTime = 0;
      for (int i = 0; i < k; i++) {
        if (cursor[i] < cursorEnd[i]) {
          double t = pool[cursor[i]] + a.delay[from + i];
          if (best < 0 || t < bestTime) { // strictly earlier: ties go to the lower pin
            best = i;
            bestTime = t;
          }
        }
      }
      mergeTime[n] = bestTime;
      mergeInput[n] = best;
      cursor[best]++;
    }
    return total;
  }
}
