package dev.qrtl.power;

/**
 * The combinational gates of an {@link Elaboration} as flat arrays, for the simulators' inner
 * loops: inputs and their delays in one array each (gate {@code g}'s at
 * {@code inStart[g] .. inStart[g + 1] - 1}), outputs, truth tables and, per net, the gates that
 * read it in ascending (topological) order. Reading a gate then touches a few adjacent ints
 * instead of a record, its input array and its delay array.
 */
final class GateArrays {
  final int gates;
  final int[] inStart;
  final int[] inNet;
  final double[] delay;
  final double[] inertial;
  final int[] output;
  final long[] truth;
  final int[] fanStart;
  final int[] fanGate;

  GateArrays(Elaboration e) {
    Elaboration.Gate[] g = e.gates;
    this.gates = g.length;
    this.inStart = new int[gates + 1];
    for (int i = 0; i < gates; i++) {
      inStart[i + 1] = inStart[i] + g[i].inputs().length;
    }
    this.inNet = new int[inStart[gates]];
    this.delay = new double[inStart[gates]];
    this.inertial = new double[gates];
    this.output = new int[gates];
    this.truth = new long[gates];
    int nets = e.netCount();
    this.fanStart = new int[nets + 1];
    for (int i = 0; i < gates; i++) {
      System.arraycopy(g[i].inputs(), 0, inNet, inStart[i], g[i].inputs().length);
      System.arraycopy(g[i].delays(), 0, delay, inStart[i], g[i].inputs().length);
      inertial[i] = g[i].inertial();
      output[i] = g[i].output();
      truth[i] = g[i].truthTable();
      for (int in : g[i].inputs()) {
        fanStart[in + 1]++;
      }
    }
    for (int n = 0; n < nets; n++) {
      fanStart[n + 1] += fanStart[n];
    }
    this.fanGate = new int[fanStart[nets]];
    int[] fill = java.util.Arrays.copyOf(fanStart, nets);
    for (int i = 0; i < gates; i++) {
      for (int in : g[i].inputs()) {
        fanGate[fill[in]++] = i; // a gate reading a net on two pins is listed twice: marking it twice is harmless
      }
    }
  }
}
