package dev.qrtl.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;

/**
 * One column of a table built from a JSON list: its heading and unit, the text a row shows, and
 * for a numeric column the number behind it (what sorting and the baseline's change use; null
 * where the row has none).
 */
record Col(String header, String unit, Function<JsonNode, String> text, Function<JsonNode, Double> number) {
  /** A text column. */
  static Col text(String header, Function<JsonNode, String> text) {
    return new Col(header, "", text, null);
  }

  /** A numeric column at the JSON pointer {@code at}, shown with {@code digits} decimals. */
  static Col num(String header, String unit, String at, int digits) {
    return new Col(header, unit, r -> Fmt.fixed(Json.num(r, at), digits), r -> Json.num(r, at));
  }

  /** A numeric column at {@code at} with its 95 % interval's half width at {@code ci}. */
  static Col withCi(String header, String unit, String at, String ci, int digits) {
    return new Col(header, unit, r -> {
      Double v = Json.num(r, at);
      Double h = Json.num(r, ci);
      return v == null ? "-" : Fmt.fixed(v, digits) + (h == null ? "" : " ± " + Fmt.fixed(h, digits));
    }, r -> Json.num(r, at));
  }

  /** A ratio column ("29.3x"). */
  static Col ratio(String header, String at) {
    return new Col(header, "x", r -> {
      Double v = Json.num(r, at);
      return v == null ? "-" : Fmt.fixed(v, 2) + "x";
    }, r -> Json.num(r, at));
  }

  boolean numeric() {
    return number != null;
  }
}
