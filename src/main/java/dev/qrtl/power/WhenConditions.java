package dev.qrtl.power;

import dev.qrtl.liberty.BoolFunction;
import dev.qrtl.liberty.Cell;
import dev.qrtl.liberty.LibertyException;
import dev.qrtl.liberty.Pin;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates {@code when} conditions of power groups on a cell's pin values. For a combinational
 * cell a state is a row of its inputs (input i in bit i), the outputs following from their
 * functions; for a flip-flop it is (clock, data, stored bit), its outputs following from the
 * stored bit (Q = IQ, QN = !IQ) and any other input taken as 0.
 */
final class WhenConditions {
  private WhenConditions() {}

  /** Whether {@code when} (null: always) holds in each row of a combinational cell's inputs. */
  static boolean[] overRows(Cell c, String when) {
    List<Pin> ins = c.inputs();
    boolean[] out = new boolean[1 << ins.size()];
    for (int row = 0; row < out.length; row++) {
      out[row] = when == null || holds(when, rowValues(c, row), c);
    }
    return out;
  }

  /** Whether {@code when} holds for a flip-flop with the clock, data and stored values given. */
  static boolean flop(Cell c, String when, boolean clock, boolean data, boolean stored) {
    if (when == null) {
      return true;
    }
    Map<String, Boolean> env = new HashMap<>();
    for (Pin p : c.inputs()) {
      env.put(p.name(), false);
    }
    env.put(c.clockPin(), clock);
    env.put(c.nextState(), data);
    env.put("IQ", stored);
    env.put("IQN", !stored);
    for (Pin p : c.outputs()) {
      String f = p.function() == null ? "" : p.function().replace(" ", "");
      env.put(p.name(), f.equals("IQN") || f.equals("!IQ") ? !stored : stored);
    }
    return holds(when, env, c);
  }

  private static Map<String, Boolean> rowValues(Cell c, int row) {
    Map<String, Boolean> env = new HashMap<>();
    List<Pin> ins = c.inputs();
    for (int i = 0; i < ins.size(); i++) {
      env.put(ins.get(i).name(), ((row >> i) & 1) == 1);
    }
    for (Pin o : c.outputs()) {
      if (o.function() != null) {
        env.put(o.name(), BoolFunction.eval(o.function(), env));
      }
    }
    return env;
  }

  private static boolean holds(String when, Map<String, Boolean> env, Cell c) {
    try {
      return BoolFunction.eval(when, env);
    } catch (LibertyException e) {
      throw new LibertyException("cell " + c.name() + ": power condition '" + when + "' cannot be evaluated: " + e.getMessage());
    }
  }
}
