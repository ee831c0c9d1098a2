package dev.qrtl.power;

import java.util.Locale;

/**
 * What a unit's energy includes beyond its own cells, where conventions differ.
 *
 * <ul>
 *   <li>{@code chargeInputNets}: whether the unit pays 1/2 C V^2 per transition of its input-port
 *       nets (data and clock; the capacitance of the pins they reach plus the wire). OpenSTA's
 *       {@code report_power} does not (switching power is charged to the driving instance's
 *       output, and a port has none), so the default is not to; the cells' internal energy on
 *       those inputs is always charged.
 *   <li>{@code clockTree}: the clock is not synthesized, so by default the per-cycle clock energy
 *       is the flip-flops' own clock-pin internal energy on both edges (and, with
 *       {@code chargeInputNets}, the clock net's pins and wire); {@link ClockTree#IDEAL_BUFFERS}
 *       adds an estimate of a buffer tree that would drive it.
 * </ul>
 */
public record EnergyConventions(boolean chargeInputNets, ClockTree clockTree) {
  /** How the clock's distribution is priced. */
  public enum ClockTree { NONE, IDEAL_BUFFERS }

  /** As OpenSTA's {@code report_power}: input nets not charged, no clock tree. */
  public static final EnergyConventions DEFAULT = new EnergyConventions(false, ClockTree.NONE);

  /** Sinks (clock pins) one buffer of the ideal tree drives. */
  public static final int TREE_FANOUT = 8;

  /** From the options' words: {@code --input-nets exclude|include}, {@code --clock-tree none|ideal}. */
  public static EnergyConventions of(String inputNets, String clockTree) {
    boolean include = switch (inputNets) {
      case "exclude" -> false;
      case "include" -> true;
      default -> throw new IllegalArgumentException("--input-nets must be exclude or include, not '" + inputNets + "'");
    };
    ClockTree tree = switch (clockTree) {
      case "none" -> ClockTree.NONE;
      case "ideal" -> ClockTree.IDEAL_BUFFERS;
      default -> throw new IllegalArgumentException("--clock-tree must be none or ideal, not '" + clockTree + "'");
    };
    return new EnergyConventions(include, tree);
  }

  /** The option words back. */
  public String inputNetsWord() {
    return chargeInputNets ? "include" : "exclude";
  }

  public String clockTreeWord() {
    return clockTree == ClockTree.NONE ? "none" : "ideal";
  }

  /** One line for reports. */
  public String describe() {
    return String.format(Locale.ROOT, "input nets %s; clock %s", chargeInputNets ? "charged" : "not charged (as OpenSTA report_power)",
        clockTree == ClockTree.NONE ? "flip-flops' clock pins only (no tree)"
            : "with an ideal tree of buffers, " + TREE_FANOUT + " sinks each");
  }
}
