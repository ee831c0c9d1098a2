package dev.qrtl.power;

import java.util.Arrays;

/**
 * Delay-aware evaluation: each cell input has the mean rise/fall delay of its Liberty timing arcs
 * at its propagated transition and the output's load, wire included ({@link Elaboration}); input ports and register outputs switch at the start of the cycle (registers
 * after their clock-to-Q delay); each net's waveform (its transition times) is propagated
 * through the cells in topological order, and output pulses shorter than the cell's fastest input
 * delay are removed in pairs (inertial delay), so the reported transitions include the glitches a
 * real gate would pass on and the final values are the zero-delay ones.
 */
final class TimedPropagation {
  private final Elaboration e;
  private final double[][] wave;
  private final int[] waveLength;
  private double[] mergeTime = new double[64];
  private int[] mergeInput = new int[64];
  private double[] outTimes = new double[64];
  private int[] outCause = new int[64];
  private int[] outRow = new int[64];

  TimedPropagation(Elaboration e) {
    this.e = e;
    this.wave = new double[e.netCount()][];
    this.waveLength = new int[e.netCount()];
  }

  long evaluate(boolean[] value, boolean[] settled, EnergyModel model) {
    Arrays.fill(waveLength, 0);
    for (int i = 0; i < e.sourceNets.length; i++) {
      if (value[e.sourceNets[i]] != settled[e.sourceNets[i]]) {
        push(e.sourceNets[i], e.sourceTimes[i]);
      }
    }
    long transitions = 0;
    Elaboration.Gate[] gates = e.gates;
    for (int gi = 0; gi < gates.length; gi++) {
      Elaboration.Gate g = gates[gi];
      int[] in = g.inputs();
      int events = 0;
      for (int i = 0; i < in.length; i++) {
        int len = waveLength[in[i]];
        for (int k = 0; k < len; k++) {
          if (events == mergeTime.length) {
            mergeTime = Arrays.copyOf(mergeTime, events * 2);
            mergeInput = Arrays.copyOf(mergeInput, events * 2);
          }
          mergeTime[events] = wave[in[i]][k] + g.delays()[i];
          mergeInput[events] = i;
          events++;
        }
      }
      if (events == 0) {
        continue;
      }
      sortByTime(events);
      int row = ZeroDelayPropagation.row(in, settled);
      boolean out = settled[g.output()];
      int kept = 0;
      for (int k = 0; k < events; ) {
        double t = mergeTime[k];
        int cause = -1;
        while (k < events && mergeTime[k] == t) {
          row ^= 1 << mergeInput[k];
          cause = mergeInput[k];
          k++;
        }
        boolean v = ((g.truthTable() >>> row) & 1) != 0;
        if (v != out) {
          out = v;
          if (kept > 0 && t - outTimes[kept - 1] < g.inertial()) {
            kept--; // a pulse narrower than the cell's delay never appears at its output
          } else {
            if (kept == outTimes.length) {
              outTimes = Arrays.copyOf(outTimes, kept * 2);
              outCause = Arrays.copyOf(outCause, kept * 2);
              outRow = Arrays.copyOf(outRow, kept * 2);
            }
            outTimes[kept] = t;
            outCause[kept] = cause;
            outRow[kept] = row;
            kept++;
          }
        }
      }
      boolean level = settled[g.output()];
      for (int k = 0; k < kept; k++) {
        push(g.output(), outTimes[k]);
        level = !level;
        model.transition(gi, outTimes[k], level, outCause[k],
            outCause[k] < 0 ? 0 : e.slewNs(in[outCause[k]], ((outRow[k] >> outCause[k]) & 1) == 1), outRow[k]);
      }
      transitions += kept;
      value[g.output()] = (kept & 1) == 1 ? !settled[g.output()] : settled[g.output()];
    }
    return transitions;
  }

  private void push(int net, double t) {
    double[] w = wave[net];
    if (w == null) {
      w = wave[net] = new double[4];
    } else if (waveLength[net] == w.length) {
      w = wave[net] = Arrays.copyOf(w, w.length * 2);
    }
    w[waveLength[net]++] = t;
  }

  /** Insertion sort of the merge buffer by time (few events per cell). */
  private void sortByTime(int n) {
    for (int i = 1; i < n; i++) {
      double t = mergeTime[i];
      int k = mergeInput[i];
      int j = i - 1;
      while (j >= 0 && mergeTime[j] > t) {
        mergeTime[j + 1] = mergeTime[j];
        mergeInput[j + 1] = mergeInput[j];
        j--;
      }
      mergeTime[j + 1] = t;
      mergeInput[j + 1] = k;
    }
  }
}
