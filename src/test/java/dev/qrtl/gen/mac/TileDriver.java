package dev.qrtl.gen.mac;

import dev.qrtl.spec.MacArraySpec;
import dev.qrtl.spec.MacForm;
import dev.qrtl.eval.IrSimulator;

/**
 * Drives one tile through a MAC-array design in the IR evaluator following the documented
 * protocol, and reads the outputs exactly {@code latency} clock edges after the first operand
 * cycle.
 */
final class TileDriver {
  private TileDriver() {}

  static long[][] run(IrSimulator sim, MacArraySpec s, long[][] a, long[][] w, int latency, String outPrefix) {
    int k = w.length;
    boolean systolic = s.form() == MacForm.SYSTOLIC;
    boolean callerSkew = systolic && !s.inputSkew();
    int cycles = systolic ? k + (callerSkew ? s.rows() + s.cols() : 0) : (k + s.lanes() - 1) / s.lanes();
    sim.poke("rst", 1);
    idle(sim, s);
    sim.step();
    sim.poke("rst", 0);
    long[][] out = null;
    for (int c = 0; c <= Math.max(latency, cycles); c++) {
      if (c == latency) {
        out = read(sim, s, outPrefix);
      }
      if (c < cycles) {
        drive(sim, s, a, w, c);
      } else {
        idle(sim, s);
      }
      sim.step();
    }
    return out;
  }

  private static void drive(IrSimulator sim, MacArraySpec s, long[][] a, long[][] w, int c) {
    int k = w.length;
    if (s.form() == MacForm.SYSTOLIC) {
      if (s.inputSkew()) {
        for (int i = 0; i < s.rows(); i++) {
          sim.poke("a_" + i, a[i][c]);
        }
        for (int j = 0; j < s.cols(); j++) {
          sim.poke("w_" + j, w[c][j]);
        }
        sim.poke("first", c == 0 ? 1 : 0).poke("valid", 1);
      } else {
        for (int i = 0; i < s.rows(); i++) {
          int t = c - i;
          boolean live = t >= 0 && t < k;
          sim.poke("a_" + i, live ? a[i][t] : 0).poke("first_" + i, t == 0 ? 1 : 0).poke("valid_" + i, live ? 1 : 0);
        }
        for (int j = 0; j < s.cols(); j++) {
          int t = c - j;
          sim.poke("w_" + j, t >= 0 && t < k ? w[t][j] : 0);
        }
      }
      return;
    }
    for (int l = 0; l < s.lanes(); l++) {
      int t = c * s.lanes() + l;
      for (int i = 0; i < s.rows(); i++) {
        sim.poke(s.lanes() == 1 ? "a_" + i : "a_" + i + "_" + l, t < k ? a[i][t] : 0);
      }
      for (int j = 0; j < s.cols(); j++) {
        sim.poke(s.lanes() == 1 ? "w_" + j : "w_" + j + "_" + l, t < k ? w[t][j] : 0);
      }
    }
    sim.poke("first", c == 0 ? 1 : 0).poke("valid", 1);
  }

  private static void idle(IrSimulator sim, MacArraySpec s) {
    if (s.form() == MacForm.SYSTOLIC && !s.inputSkew()) {
      for (int i = 0; i < s.rows(); i++) {
        sim.poke("valid_" + i, 0).poke("first_" + i, 0);
      }
    } else {
      sim.poke("valid", 0).poke("first", 0);
    }
  }

  private static long[][] read(IrSimulator sim, MacArraySpec s, String prefix) {
    long[][] out = new long[s.rows()][s.cols()];
    for (int i = 0; i < s.rows(); i++) {
      for (int j = 0; j < s.cols(); j++) {
        out[i][j] = sim.peekLong(prefix + i + "_" + j);
      }
    }
    return out;
  }
}
