package dev.qrtl.power;

import java.util.Map;

/**
 * Prices what a gate-level simulation does. The simulators (zero-delay and delay-aware) are event
 * producers: they report each transition of a net with its time, direction, driving gate, the
 * input whose change caused it, that input's slew and the values of the gate's inputs at that
 * moment, each change of an input port or register output, and each clock edge. An energy model
 * accumulates and prices them; how a Liberty library is read into energy lives in one such model.
 */
public interface EnergyModel {
  /**
   * A combinational gate's output net changed.
   *
   * @param gate index into {@link Elaboration#gates} (topological order)
   * @param timeNs time in the cycle (0 at zero delay)
   * @param rising the net's new value is 1
   * @param cause the index of the input whose transition caused it (-1 if not known)
   * @param inputSlewNs that input's transition time
   * @param inputRow the gate's input values at that moment, input i in bit i
   */
  void transition(int gate, double timeNs, boolean rising, int cause, double inputSlewNs, int inputRow);

  /** An input port bit or a register output changed at the start of a cycle. */
  void sourceTransition(int net, boolean rising);

  /** A rising clock edge reached every flip-flop. */
  void clockEdge();

  /** One evaluation of the logic begins (a cycle of a combinational design). */
  void evaluation();

  /** The evaluation that began with {@link #evaluation()} has settled (the cycle's second half has passed). */
  default void evaluated() {}

  /** The simulation's starting values of every net (after reset), before any event. */
  default void start(boolean[] values) {}

  /** The energy so far, by group (the top module's child module types, or "top"), leakage over cycles x {@code clockNs}. */
  Map<String, Energy> energyByGroup(double clockNs);

  /** Forgets what was accumulated (after a warm-up). */
  void reset();
}
