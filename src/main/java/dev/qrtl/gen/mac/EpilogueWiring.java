package dev.qrtl.gen.mac;

import dev.qrtl.core.Expr;
import dev.qrtl.core.HwType;
import dev.qrtl.core.InstanceBuilder;
import dev.qrtl.core.Module;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.core.Signal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Connects the run-time parameter inputs of per-output requantizers: one top-level input per
 * output channel (column) and parameter, {@code <prefix><param>_<j>}, shared by the rows; a
 * per-channel table's {@code channel} input gets the column index as a constant.
 */
final class EpilogueWiring {
  private final ModuleBuilder m;
  private final String prefix;
  private final Map<String, Signal> ports = new LinkedHashMap<>();

  EpilogueWiring(ModuleBuilder m, String prefix) {
    this.m = m;
    this.prefix = prefix;
  }

  /**
   * Output (i, j) of the array instance, operand-isolated when {@code isolate}: 0 while the
   * accumulator is summing (its {@code final_<i>_<j>} is 0), the finished sum otherwise; an AND
   * gate per bit, so the epilogue behind it switches once per output.
   */
  static Expr isolated(ModuleBuilder m, InstanceBuilder array, int i, int j, boolean isolate) {
    Signal acc = array.out("acc_" + i + "_" + j);
    if (!isolate) {
      return acc;
    }
    Expr zero = Expr.lit(0, acc.type());
    return m.wire("acc_" + i + "_" + j + "_isolated", array.out("final_" + i + "_" + j).select(acc, zero));
  }

  /** Places requantizer {@code q} for output (i, j) fed by {@code value}; returns its output. */
  Signal place(Module q, String name, int j, Expr value) {
    InstanceBuilder u = m.instance(name, q).in("acc", value);
    for (Signal in : q.inputs()) {
      String p = in.name();
      if (p.equals("acc") || q.clock().orElse(null) == in || q.reset().orElse(null) == in) {
        continue;
      }
      if (p.equals("channel")) {
        u.in(p, Expr.lit(Math.min(j, (1L << in.width()) - 1), HwType.u(in.width())));
        continue;
      }
      String top = prefix + p + "_" + j;
      Signal port = ports.computeIfAbsent(top, t -> m.input(t, in.type()));
      u.in(p, port);
    }
    return u.out("q");
  }
}
