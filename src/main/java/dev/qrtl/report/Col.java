package dev.qrtl.report;

import java.util.function.Function;

/**
 * One column of a table built from a list of result records: its heading and unit, the text a row
 * shows, and for a numeric column the number behind it (what sorting and the baseline's change
 * use; null where the row has none).
 */
record Col<T>(String header, String unit, Function<T, String> text, Function<T, Double> number) {
  /** A text column. */
  static <T> Col<T> text(String header, Function<T, String> text) {
    return new Col<>(header, "", text, null);
  }

  /** A numeric column of the component {@code at} (null where the row has none), shown with {@code digits} decimals. */
  static <T> Col<T> num(String header, String unit, Function<T, ? extends Number> at, int digits) {
    Function<T, Double> v = value(at);
    return new Col<>(header, unit, r -> Fmt.fixed(v.apply(r), digits), v);
  }

  /** A numeric column of {@code at} with its 95 % interval's half width {@code ci}. */
  static <T> Col<T> withCi(String header, String unit, Function<T, ? extends Number> at, Function<T, ? extends Number> ci, int digits) {
    Function<T, Double> v = value(at);
    Function<T, Double> h = value(ci);
    return new Col<>(header, unit, r -> {
      Double x = v.apply(r);
      Double half = h.apply(r);
      return x == null ? "-" : Fmt.fixed(x, digits) + (half == null ? "" : " ± " + Fmt.fixed(half, digits));
    }, v);
  }

  /** A ratio column ("29.3x"). */
  static <T> Col<T> ratio(String header, Function<T, ? extends Number> at) {
    Function<T, Double> v = value(at);
    return new Col<>(header, "x", r -> {
      Double x = v.apply(r);
      return x == null ? "-" : Fmt.fixed(x, 2) + "x";
    }, v);
  }

  /** {@code at} as a Double, null where the row has no such number. */
  static <T> Function<T, Double> value(Function<T, ? extends Number> at) {
    return r -> {
      Number n = at.apply(r);
      return n == null ? null : n.doubleValue();
    };
  }

  boolean numeric() {
    return number != null;
  }
}
