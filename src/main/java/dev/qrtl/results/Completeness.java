package dev.qrtl.results;

import dev.qrtl.util.QrtlException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Whether a results record read from a file has every component its type requires: a null
 * component not marked {@link Nullable}, at any depth (records inside records, elements of lists),
 * is named with its path ({@code rows[3].design}). The record types are the schema: there is no
 * second list of field names to keep in step with them.
 */
final class Completeness {
  private Completeness() {}

  /** Throws one {@link QrtlException} line naming {@code source} and the first missing component. */
  static void check(Object value, String source) {
    String missing = firstMissing(value, "");
    if (missing != null) {
      throw new QrtlException(source + ": " + missing + " is missing or null");
    }
  }

  private static String firstMissing(Object value, String path) {
    if (value instanceof Record r) {
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        Object v = read(c, r);
        String at = path.isEmpty() ? c.getName() : path + "." + c.getName();
        if (v == null) {
          if (!c.isAnnotationPresent(Nullable.class)) {
            return at;
          }
          continue;
        }
        String inner = firstMissing(v, at);
        if (inner != null) {
          return inner;
        }
      }
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        Object e = list.get(i);
        String at = path + "[" + i + "]";
        String inner = e == null ? at : firstMissing(e, at);
        if (inner != null) {
          return inner;
        }
      }
    }
    return null;
  }

  private static Object read(RecordComponent c, Record r) {
    try {
      return c.getAccessor().invoke(r);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
    }
  }
}
