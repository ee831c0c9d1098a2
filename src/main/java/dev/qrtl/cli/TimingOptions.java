package dev.qrtl.cli;

import dev.qrtl.liberty.Library;
import dev.qrtl.liberty.LibertyException;
import dev.qrtl.synth.TimingConditions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --wire-load}, {@code --input-slew}, {@code --driving-cell}, {@code --output-load}: the conditions timing and the delay-aware simulation use. */
public final class TimingOptions {
  @Spec(Spec.Target.MIXEE) CommandSpec mixee;

  @Option(names = "--wire-load", defaultValue = "auto",
      description = "Wire-load model: auto (the library's selection by area, else its default_wire_load, as OpenSTA), none, or a model name"
          + " (default: ${DEFAULT-VALUE}).")
  String wireLoad;

  @Option(names = "--input-slew", description = "Transition time at input ports and clock pins, ns (default: "
      + TimingConditions.DEFAULT_INPUT_SLEW_NS + ").")
  Double inputSlew;

  @Option(names = "--driving-cell", description = "A library cell driving every input port (as set_driving_cell); not with --input-slew.")
  String drivingCell;

  @Option(names = "--output-load", defaultValue = "0", description = "Load on every output port bit, pF (default: ${DEFAULT-VALUE}).")
  double outputLoad;

  /** The conditions, checked against {@code lib} (a named wire-load model and a driving cell must exist there). */
  public TimingConditions conditions(Library lib) {
    Checks.notTogether(mixee, "--input-slew", "--driving-cell", drivingCell != null);
    TimingConditions c;
    try {
      c = new TimingConditions(wireLoad, inputSlew == null ? TimingConditions.DEFAULT_INPUT_SLEW_NS : inputSlew, drivingCell, outputLoad);
    } catch (IllegalArgumentException | LibertyException e) {
      throw new UserError(e.getMessage());
    }
    if (lib != null) {
      c.wireLoadChoice().resolve(lib, 0);
      c.drivingCellIn(lib);
    }
    return c;
  }

  /** The options of this mixin, for commands that refuse them in some mode. */
  static final String[] NAMES = {"--wire-load", "--input-slew", "--driving-cell", "--output-load"};
}
