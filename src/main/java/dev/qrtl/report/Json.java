package dev.qrtl.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reading a results folder's JSON: what is absent or of the wrong type reads as null, never as a wrong number. */
final class Json {
  private static final ObjectMapper MAPPER = dev.qrtl.util.StrictJson.builder().build();
  /** The largest JSON file a report reads: results are tens of kilobytes; anything far larger is not one. */
  static final long MAX_BYTES = 16L << 20;

  private Json() {}

  /**
   * A results file of kind {@code format}, checked for its {@code format} field and for {@code
   * shape} before anything reads it; any problem is one {@link ReportException} line naming the file.
   */
  static JsonNode read(Path file, dev.qrtl.util.ResultFormat format, Shape shape) {
    JsonNode n;
    try {
      n = format.readTree(file);
    } catch (dev.qrtl.util.QrtlException e) {
      throw new ReportException(e.getMessage());
    }
    shape.check(n, file.toString());
    return n;
  }

  /** The file's JSON tree; a malformed or oversized file is a {@link ReportException} naming it. */
  static JsonNode read(Path file) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new ReportException(file + " is larger than " + (MAX_BYTES >> 20) + " MB: not a qrtl result");
      }
      return MAPPER.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new ReportException(file + " is not readable JSON: " + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }

  /** The number at the JSON pointer {@code at}, or null. */
  static Double num(JsonNode n, String at) {
    JsonNode v = n.at(at);
    return v.isNumber() ? v.doubleValue() : null;
  }

  /** The text at {@code at} (a number as JSON writes it), or "" where there is nothing. */
  static String text(JsonNode n, String at) {
    JsonNode v = n.at(at);
    return v.isValueNode() && !v.isNull() ? v.asText() : "";
  }

  /** The elements of the list at {@code at} (none where it is not a list). */
  static List<JsonNode> list(JsonNode n, String at) {
    List<JsonNode> out = new ArrayList<>();
    JsonNode v = n.at(at);
    if (v.isArray()) {
      v.forEach(out::add);
    }
    return out;
  }
}
