package dev.qrtl.liberty;

import java.util.List;

/**
 * One {@code internal_power} group of a pin (Liberty Reference Manual, "internal_power Group"):
 * energy per transition of {@code pin}, in pJ. On an output pin the group prices a transition of
 * that output, caused by one of {@code relatedPins} (any cause when there is none), indexed by
 * the related input's transition time and the output's load; on an input pin it prices a
 * transition of the pin itself (hidden power), indexed by its own transition time.
 * {@code rise} is the energy of a rising transition of {@code pin}, {@code fall} of a falling one
 * (a non-directional {@code power} table fills both). {@code when} is the state condition under
 * which the group applies (null: always).
 */
public record InternalPower(String pin, List<String> relatedPins, String when, Table rise, Table fall) {
  public InternalPower {
    relatedPins = List.copyOf(relatedPins);
  }

  /** The energy of one transition (rising or falling) of {@link #pin} at the slew and load, pJ (0 without a table). */
  public double energyPj(boolean rising, double slewNs, double loadPf) {
    Table t = rising ? rise : fall;
    return t == null ? 0 : t.lookup(slewNs, loadPf);
  }

  /** Whether the group prices transitions caused by {@code input} (always, when it names no related pin). */
  public boolean relatesTo(String input) {
    return relatedPins.isEmpty() || relatedPins.contains(input);
  }
}
