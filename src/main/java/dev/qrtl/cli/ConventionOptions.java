package dev.qrtl.cli;

import dev.qrtl.power.EnergyConventions;
import picocli.CommandLine.Option;

/** {@code --input-nets}, {@code --clock-tree}: what an energy estimate charges beyond the unit's own cells. */
public final class ConventionOptions {
  @Option(names = "--input-nets", defaultValue = "exclude",
      description = "exclude: the unit does not pay for charging its input-port nets, as OpenSTA's report_power; include: it does"
          + " (default: ${DEFAULT-VALUE}).")
  String inputNets;

  @Option(names = "--clock-tree", defaultValue = "none",
      description = "none: the clock energy is the flip-flops' clock pins; ideal: add an ideal buffer tree (default: ${DEFAULT-VALUE}).")
  String clockTree;

  public EnergyConventions conventions() {
    try {
      return EnergyConventions.of(inputNets, clockTree);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }

  static final String[] NAMES = {"--input-nets", "--clock-tree"};
}
