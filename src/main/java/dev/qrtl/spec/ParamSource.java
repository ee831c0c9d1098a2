package dev.qrtl.spec;

import java.util.List;

/**
 * Where a parameter's value comes from: a constant folded into the hardware, a run-time input
 * port named after the parameter, or a per-output-channel table of constants selected by the
 * design's {@code channel} input.
 */
public sealed interface ParamSource permits ParamSource.Const, ParamSource.Port, ParamSource.Table {
  /** A constant; {@code text} is how the header shows it (null: the number). */
  record Const(long value, String text) implements ParamSource {
    public Const(long value) {
      this(value, null);
    }
  }

  /** A run-time input port named after the parameter. */
  record Port() implements ParamSource {}

  /** Constants per output channel, chosen by the {@code channel} input; an index past the table selects its last entry. */
  record Table(List<Long> values) implements ParamSource {
    public Table {
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("a per-channel table needs at least one entry");
      }
    }
  }
}
