package dev.qrtl.synth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.tools.ToolException;

/**
 * Reading a tool's JSON with the shape checked at every step: a missing field, a field of the
 * wrong type or malformed JSON is one {@link ToolException} line naming the file, the place
 * (a JSON path, or line and column) and what was expected.
 */
final class JsonShape {
  private JsonShape() {}

  static JsonNode parse(String json, String what, String source) {
    try {
      JsonNode n = ManifestIo.mapper().readTree(json);
      if (n == null || !n.isObject()) {
        throw new ToolException(what + " " + source + " is not a JSON object");
      }
      return n;
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      throw new ToolException(what + " " + source + " is not JSON" + (loc == null ? "" : " (line " + loc.getLineNr() + ", column "
          + loc.getColumnNr() + ")") + ": " + oneLine(e.getOriginalMessage()));
    }
  }

  /** {@code node.get(field)}, which must be an object. */
  static JsonNode object(JsonNode node, String field, String path, String what, String source) {
    JsonNode v = node.get(field);
    if (v == null || !v.isObject()) {
      throw expected(what, source, path + "." + field, "an object");
    }
    return v;
  }

  /** {@code node.get(field)} as text. */
  static String text(JsonNode node, String field, String path, String what, String source) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw expected(what, source, path + "." + field, "a string");
    }
    return v.asText();
  }

  static ToolException expected(String what, String source, String path, String expected) {
    return new ToolException(what + " " + source + ": " + oneLine(path) + " is not " + expected);
  }

  static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    String t = s.replaceAll("[\\r\\n\\t]+", " ").strip();
    return t.length() > 200 ? t.substring(0, 200) + "..." : t;
  }
}
