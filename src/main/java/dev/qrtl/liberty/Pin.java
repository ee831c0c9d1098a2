package dev.qrtl.liberty;

/**
 * A cell pin: direction, input capacitance (pF) - the plain figure and the per-edge figures
 * ({@code rise_capacitance}, {@code fall_capacitance}; the plain one where the library gives no
 * per-edge figure) - the Boolean function of an output, and the clock flag.
 */
public record Pin(String name, String direction, double capacitancePf, double riseCapacitancePf, double fallCapacitancePf,
    String function, boolean clock) {
  /** A pin with one capacitance for both edges. */
  public Pin(String name, String direction, double capacitancePf, String function, boolean clock) {
    this(name, direction, capacitancePf, capacitancePf, capacitancePf, function, clock);
  }

  public boolean isInput() {
    return direction.equals("input");
  }

  public boolean isOutput() {
    return direction.equals("output");
  }

  /** The capacitance a rising (true) or falling edge on this pin sees, as static timing uses it. */
  public double capacitancePf(boolean rising) {
    return rising ? riseCapacitancePf : fallCapacitancePf;
  }
}
