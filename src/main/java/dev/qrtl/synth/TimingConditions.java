package dev.qrtl.synth;

import dev.qrtl.liberty.Cell;
import dev.qrtl.liberty.Library;
import dev.qrtl.liberty.LibertyException;
import dev.qrtl.liberty.WireLoadChoice;

/**
 * The boundary conditions of timing (and of the delay-aware simulation, which uses the same
 * slews and loads): the wire-load model choice, the transition time at input ports and at clock
 * pins (an ideal clock with that transition, as OpenSTA's {@code set_clock_transition}), or a
 * library cell driving every input port ({@code set_driving_cell}: the port's transition is that
 * cell's at the port's load with a 0 ns transition at its own input, and its delay is added to the
 * arrival), and the load on every output port bit ({@code set_load}).
 *
 * @param wireLoad {@code auto}, {@code none} or a model name ({@link WireLoadChoice})
 * @param inputSlewNs transition time at input ports and clock pins, ns
 * @param drivingCell a library cell driving the input ports, or null
 * @param outputLoadPf load on each output port bit, pF
 */
public record TimingConditions(String wireLoad, double inputSlewNs, String drivingCell, double outputLoadPf) {
  /** The documented default input transition, ns (also the clock pins'). */
  public static final double DEFAULT_INPUT_SLEW_NS = 0.02;

  /** Auto wire load, 0.02 ns input slew, no driving cell, no output load. */
  public static final TimingConditions DEFAULT = new TimingConditions("auto", DEFAULT_INPUT_SLEW_NS, null, 0);

  public TimingConditions {
    WireLoadChoice.parse(wireLoad);
    if (!(inputSlewNs >= 0 && inputSlewNs <= 10)) {
      throw new IllegalArgumentException("--input-slew must be between 0 and 10 ns, not " + inputSlewNs);
    }
    if (!(outputLoadPf >= 0 && outputLoadPf <= 10)) {
      throw new IllegalArgumentException("--output-load must be between 0 and 10 pF, not " + outputLoadPf);
    }
    if (drivingCell != null && !drivingCell.matches("[A-Za-z0-9_]{1,100}")) {
      throw new IllegalArgumentException("--driving-cell '" + drivingCell + "' is not a cell name");
    }
  }

  public WireLoadChoice wireLoadChoice() {
    return WireLoadChoice.parse(wireLoad);
  }

  /** The driving cell in {@code lib}, checked: a combinational cell with one output and timing arcs. */
  public Cell drivingCellIn(Library lib) {
    if (drivingCell == null) {
      return null;
    }
    Cell c = lib.cells().get(drivingCell);
    if (c == null || c.sequential() || c.outputs().size() != 1 || c.arcs().stream().noneMatch(a -> a.combinational())) {
      throw new LibertyException("--driving-cell " + drivingCell + " is not a combinational one-output cell of library " + lib.name());
    }
    return c;
  }

  /** One line for a whole library's tables: the wire load as it is chosen there (by area where the library selects by area). */
  public String describe(Library lib) {
    boolean byArea = wireLoadChoice() instanceof WireLoadChoice.Auto && lib.wireLoads().selection().isPresent();
    return describe(byArea ? "selected by each design's area (" + lib.name() + "'s wire_load_selection), mode top"
        : wireLoadChoice().resolve(lib, 0).description());
  }

  /** One line for reports: the wire load as chosen, the input slew or driving cell, the output load. */
  public String describe(String wireLoad) {
    return "wire load " + wireLoad + "; " + (drivingCell == null ? "input slew " + plain(inputSlewNs) + " ns" : "inputs driven by " + drivingCell)
        + "; clock transition " + plain(inputSlewNs) + " ns; output load " + plain(outputLoadPf) + " pF";
  }

  private static String plain(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
