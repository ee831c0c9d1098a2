package dev.qrtl.spec;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.ToLongFunction;

/**
 * One parameter of a design, declared once in its spec: its name (the name of its port when it
 * is a run-time input), what it is ({@link Role}), its hardware type and where its value comes
 * from. The generator's port, the golden model's reading of the value, the test vectors, the
 * header comment and the module name are all derived from this declaration, so a constant here
 * and a port there cannot disagree.
 *
 * @param tag the letter the module name uses for it ({@code k}, {@code m}, {@code z}, ...)
 */
public record Param(String name, Role role, int bits, boolean signed, ParamSource source, String tag) {
  /** What a parameter is to the arithmetic: test vectors are drawn by role. */
  public enum Role {
    BIAS, SHIFT, MULTIPLIER, ZERO_POINT, SCALE, THRESHOLD
  }

  /** The input that selects a per-channel table's entry. */
  public static final String CHANNEL = "channel";

  public Param {
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("parameter name '" + name + "' is not a port name");
    }
    if (bits < 1 || bits > 64) {
      throw new IllegalArgumentException("parameter " + name + ": " + bits + " bits");
    }
  }

  /** A run-time input. */
  public static Param port(String name, Role role, int bits, boolean signed, String tag) {
    return new Param(name, role, bits, signed, new ParamSource.Port(), tag);
  }

  /** A constant if given, else a run-time input. */
  public static Param of(String name, Role role, int bits, boolean signed, String tag, OptionalLong constant) {
    return constant.isPresent() ? new Param(name, role, bits, signed, new ParamSource.Const(constant.getAsLong()), tag)
        : port(name, role, bits, signed, tag);
  }

  /** A per-channel table. */
  public static Param table(String name, Role role, int bits, boolean signed, String tag, List<Long> values) {
    return new Param(name, role, bits, signed, new ParamSource.Table(values), tag);
  }

  public boolean isPort() {
    return source instanceof ParamSource.Port;
  }

  public boolean isConst() {
    return source instanceof ParamSource.Const;
  }

  public boolean isTable() {
    return source instanceof ParamSource.Table;
  }

  /** The constant's value; only for a constant. */
  public long constant() {
    if (source instanceof ParamSource.Const c) {
      return c.value();
    }
    throw new IllegalStateException(name + " is not a constant");
  }

  /** The table's values; only for a table. */
  public List<Long> table() {
    if (source instanceof ParamSource.Table t) {
      return t.values();
    }
    throw new IllegalStateException(name + " is not a per-channel table");
  }

  /** The value for one operation: the constant, the port's value, or the table's entry for the channel (inputs read by port name). */
  public long value(ToLongFunction<String> inputs) {
    if (source instanceof ParamSource.Const c) {
      return c.value();
    }
    if (source instanceof ParamSource.Table t) {
      return t.values().get((int) Math.min(inputs.applyAsLong(CHANNEL), t.values().size() - 1));
    }
    return inputs.applyAsLong(name);
  }

  /** How the header comment shows the value: the constant, {@code runtime}, or {@code per-channel [...]}. */
  public String header() {
    if (source instanceof ParamSource.Const c) {
      return c.text() != null ? c.text() : Long.toString(c.value());
    }
    if (source instanceof ParamSource.Table t) {
      return "per-channel " + t.values();
    }
    return "runtime";
  }

  /** The module-name fragment: {@code _k10}, {@code _zn3} (a negative constant), {@code _krt} (a run-time input). */
  public String nameTag() {
    if (source instanceof ParamSource.Const c) {
      return "_" + tag + (c.value() < 0 ? "n" + -c.value() : Long.toString(c.value()));
    }
    if (source instanceof ParamSource.Port) {
      return "_" + tag + "rt";
    }
    throw new IllegalStateException("a per-channel table names its module by the whole table (" + name + ")");
  }

  /** The parameter of this name among {@code params}. */
  public static Param named(List<Param> params, String name) {
    for (Param p : params) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException("no parameter '" + name + "'");
  }

  /** The parameter of this role among {@code params}, if declared. */
  public static java.util.Optional<Param> withRole(List<Param> params, Role role) {
    return params.stream().filter(p -> p.role() == role).findFirst();
  }
}
