package dev.qrtl.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape a page needs of a results file: which fields it reads, of which JSON type, and
 * whether each may be absent or null. A file is checked against its kind's shape before any page
 * is written, so a damaged file is named in one line ({@code file: rows[3].areaUm2 is a string,
 * not a number}) instead of showing blanks or wrong figures. Fields the page does not read are
 * left alone.
 */
final class Shape {
  private enum Type {
    TEXT("a string"), INTEGER("an integer"), NUMBER("a number"), BOOLEAN("true or false"), OBJECT("an object"), LIST("a list");

    final String words;

    Type(String words) {
      this.words = words;
    }
  }

  private record Field(String name, Type type, boolean optional, Shape element) {}

  private final List<Field> fields = new ArrayList<>();

  static Shape object() {
    return new Shape();
  }

  Shape text(String... names) {
    return add(Type.TEXT, false, names);
  }

  Shape optText(String... names) {
    return add(Type.TEXT, true, names);
  }

  Shape integer(String... names) {
    return add(Type.INTEGER, false, names);
  }

  Shape number(String... names) {
    return add(Type.NUMBER, false, names);
  }

  Shape optNumber(String... names) {
    return add(Type.NUMBER, true, names);
  }

  Shape bool(String... names) {
    return add(Type.BOOLEAN, false, names);
  }

  /** A nested object that must be there. */
  Shape object(String name, Shape s) {
    fields.add(new Field(name, Type.OBJECT, false, s));
    return this;
  }

  /** A nested object that may be absent or null. */
  Shape optObject(String name, Shape s) {
    fields.add(new Field(name, Type.OBJECT, true, s));
    return this;
  }

  /** A list whose every element has the shape {@code element} (null: strings). */
  Shape list(String name, Shape element) {
    fields.add(new Field(name, Type.LIST, false, element));
    return this;
  }

  Shape optList(String name, Shape element) {
    fields.add(new Field(name, Type.LIST, true, element));
    return this;
  }

  private Shape add(Type t, boolean optional, String... names) {
    for (String n : names) {
      fields.add(new Field(n, t, optional, null));
    }
    return this;
  }

  /** Checks {@code n} (read from {@code file}); a {@link ReportException} naming the first field that does not fit. */
  void check(JsonNode n, String file) {
    check(n, "", file);
  }

  private void check(JsonNode n, String path, String file) {
    if (!n.isObject()) {
      throw wrong(file, path.isEmpty() ? "the file" : path, n, Type.OBJECT);
    }
    for (Field f : fields) {
      String at = path.isEmpty() ? f.name() : path + "." + f.name();
      JsonNode v = n.get(f.name());
      if (v == null || v.isNull()) {
        if (!f.optional()) {
          throw new ReportException(file + ": " + at + " is missing");
        }
        continue;
      }
      if (!fits(v, f.type())) {
        throw wrong(file, at, v, f.type());
      }
      if (f.type() == Type.OBJECT) {
        f.element().check(v, at, file);
      } else if (f.type() == Type.LIST) {
        for (int i = 0; i < v.size(); i++) {
          JsonNode e = v.get(i);
          if (f.element() == null) {
            if (!e.isTextual()) {
              throw wrong(file, at + "[" + i + "]", e, Type.TEXT);
            }
          } else {
            f.element().check(e, at + "[" + i + "]", file);
          }
        }
      }
    }
  }

  private static boolean fits(JsonNode v, Type t) {
    return switch (t) {
      case TEXT -> v.isTextual();
      case INTEGER -> v.isIntegralNumber();
      // Jackson writes an infinite SQNR (no error at all) as the string "Infinity"
      case NUMBER -> v.isNumber() || v.isTextual() && java.util.Set.of("NaN", "Infinity", "-Infinity").contains(v.asText());
      case BOOLEAN -> v.isBoolean();
      case OBJECT -> v.isObject();
      case LIST -> v.isArray();
    };
  }

  private static ReportException wrong(String file, String at, JsonNode v, Type t) {
    String is = switch (v.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> v.isIntegralNumber() ? "an integer" : "a number";
      case BOOLEAN -> "a boolean";
      case ARRAY -> "a list";
      case OBJECT -> "an object";
      default -> v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
    return new ReportException(file + ": " + at + " is " + is + ", not " + t.words);
  }
}
