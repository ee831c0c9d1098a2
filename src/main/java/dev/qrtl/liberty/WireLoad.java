package dev.qrtl.liberty;

/**
 * A statistical wire-load model ({@code wire_load} group): a net's estimated length from its
 * fanout ({@code fanout_length} pairs), and its capacitance and resistance per unit length.
 * Between two listed fanouts the length is interpolated linearly; beyond the largest it grows by
 * {@code slope} per extra fanout, below the smallest it shrinks by the same slope (never below 0) -
 * the rules of the Liberty Reference Manual ("wire_load Group") as OpenSTA implements them.
 *
 * @param name the model's name
 * @param capacitancePfPerLength wire capacitance per unit length, pF
 * @param resistanceKohmPerLength wire resistance per unit length, kOhm
 * @param slope extra length per fanout beyond the table
 * @param fanouts the listed fanouts, ascending
 * @param lengths the length for each listed fanout
 */
public record WireLoad(String name, double capacitancePfPerLength, double resistanceKohmPerLength, double slope, double[] fanouts,
    double[] lengths) {
  public WireLoad {
    if (fanouts.length != lengths.length) {
      throw new LibertyException("wire_load " + name + ": " + fanouts.length + " fanouts for " + lengths.length + " lengths");
    }
    for (int i = 1; i < fanouts.length; i++) {
      if (fanouts[i] <= fanouts[i - 1]) {
        throw new LibertyException("wire_load " + name + ": fanout_length entries must be in increasing fanout order");
      }
    }
  }

  /** The estimated length of a net with {@code fanout} loads. */
  public double length(int fanout) {
    int n = fanouts.length;
    if (n == 0 || fanout <= 0) {
      return 0;
    }
    if (fanout < fanouts[0]) {
      return Math.max(0, lengths[0] - (fanouts[0] - fanout) * slope);
    }
    if (fanout >= fanouts[n - 1]) {
      return lengths[n - 1] + (fanout - fanouts[n - 1]) * slope;
    }
    int i = 0;
    while (fanout >= fanouts[i + 1]) {
      i++;
    }
    return lengths[i] + (lengths[i + 1] - lengths[i]) * (fanout - fanouts[i]) / (fanouts[i + 1] - fanouts[i]);
  }

  /** The estimated wire capacitance of a net with {@code fanout} loads, pF. */
  public double capacitancePf(int fanout) {
    return length(fanout) * capacitancePfPerLength;
  }

  /** The estimated wire resistance of a net with {@code fanout} loads, kOhm. */
  public double resistanceKohm(int fanout) {
    return length(fanout) * resistanceKohmPerLength;
  }
}
