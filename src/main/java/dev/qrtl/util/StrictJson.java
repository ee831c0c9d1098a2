package dev.qrtl.util;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * The one way qrtl configures JSON reading: every spec, manifest, result, shard and cache record
 * it reads back may come from someone else, so nothing is guessed. A fraction is never an integer
 * ({@code "accBits": 16.5} is refused, not read as 16), a string is never a number or a boolean,
 * an unknown field, a duplicate key, a missing creator field, a null for a primitive and trailing
 * content after the document are errors, each reported by Jackson with its line and column.
 */
public final class StrictJson {
  private StrictJson() {}

  /** A mapper builder with qrtl's strict reading (and stable, indented writing) already set. */
  public static JsonMapper.Builder builder() {
    JsonMapper.Builder b = JsonMapper.builder()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
    b.withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    b.withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    b.withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail));
    b.withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    return b;
  }

  /**
   * One line saying what is wrong with a document Jackson refused: its own sentence without the
   * hint to enable a coercion (qrtl keeps them off on purpose), the field path where it knows it,
   * and the line and column.
   */
  public static String problem(com.fasterxml.jackson.core.JsonProcessingException e) {
    String m = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    m = m.lines().findFirst().orElse("").replaceAll(" \\(but (could|might) if coercion[^)]*\\)", "");
    java.util.regex.Matcher nullPrimitive = java.util.regex.Pattern.compile("^Cannot map `null` into type (`[^`]*`).*").matcher(m);
    if (nullPrimitive.matches()) { // Jackson's words for a primitive left out or null, with a hint to allow it
      m = "a required " + nullPrimitive.group(1) + " is missing or null";
    }
    StringBuilder b = new StringBuilder(m);
    if (e instanceof com.fasterxml.jackson.databind.JsonMappingException jm && !jm.getPath().isEmpty()) {
      b.append(" (at ").append(path(jm.getPath())).append(")");
    }
    var loc = e.getLocation();
    if (loc != null && loc.getLineNr() > 0) {
      b.append(" (line ").append(loc.getLineNr()).append(", column ").append(loc.getColumnNr()).append(")");
    }
    return Printable.of(b.toString(), 400); // a field name from the file may hold a newline: never a second line
  }

  private static String path(java.util.List<com.fasterxml.jackson.databind.JsonMappingException.Reference> refs) {
    StringBuilder b = new StringBuilder();
    for (var r : refs) {
      if (r.getFieldName() != null) {
        b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }
}
