package dev.qrtl.scheme;

import java.util.List;

/**
 * A command-line option a scheme reads, declared as data: its name ({@code --shift}), the type of
 * its value, a label for the help text and what it means for this scheme. Several schemes may
 * declare one name if they agree on its kind; the help text lists each scheme's meaning.
 */
public record SchemeOption(String name, Kind kind, String label, String help) {
  /** The value's type. */
  public enum Kind { FLAG, INT, LONG, FLOAT, DOUBLE, STRING, INT_LIST, LONG_LIST, DOUBLE_LIST }

  public SchemeOption {
    if (!name.matches("--[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("option name '" + name + "' is not of the form --lower-case");
    }
  }

  /** Options every command that builds a requantizer has; a scheme that uses one lists it. */
  public static final SchemeOption BIAS = new SchemeOption("--bias", Kind.FLAG, "", "add a run-time bias input first");
  public static final SchemeOption RELU = new SchemeOption("--relu", Kind.FLAG, "", "fold ReLU into the lower clamp bound");
  public static final SchemeOption WRAP = new SchemeOption("--wrap", Kind.FLAG, "", "keep the low output bits instead of saturating");
  public static final SchemeOption UNSIGNED = new SchemeOption("--unsigned", Kind.FLAG, "", "unsigned output");

  /** The common options, which {@code cli} declares itself. */
  public static final List<SchemeOption> COMMON = List.of(BIAS, RELU, WRAP, UNSIGNED);

  static SchemeOption flag(String name, String help) {
    return new SchemeOption(name, Kind.FLAG, "", help);
  }

  static SchemeOption of(String name, Kind kind, String label, String help) {
    return new SchemeOption(name, kind, label, help);
  }
}
