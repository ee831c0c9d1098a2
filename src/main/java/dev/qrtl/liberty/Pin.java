package dev.qrtl.liberty;

/** A cell pin: direction, input capacitance (pF), Boolean function of an output, clock flag. */
public record Pin(String name, String direction, double capacitancePf, String function, boolean clock) {
  public boolean isInput() {
    return direction.equals("input");
  }

  public boolean isOutput() {
    return direction.equals("output");
  }
}
