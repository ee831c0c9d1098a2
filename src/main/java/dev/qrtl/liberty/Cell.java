package dev.qrtl.liberty;

import java.util.List;
import java.util.Map;

/**
 * A library cell: area (um^2), leakage (nW), pins, timing arcs and internal-power tables; a
 * sequential cell names its clock pin and next-state function, and whether it has an asynchronous
 * clear or preset.
 */
public record Cell(String name, double area, double leakageNw, boolean dontUse, Map<String, Pin> pins, List<TimingArc> arcs,
    List<InternalPower> power, String clockPin, String nextState, boolean asyncControl) {
  public boolean sequential() {
    return clockPin != null;
  }

  public List<Pin> inputs() {
    return pins.values().stream().filter(Pin::isInput).toList();
  }

  public List<Pin> outputs() {
    return pins.values().stream().filter(Pin::isOutput).toList();
  }
}
