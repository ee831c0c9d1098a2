package dev.qrtl.util;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Every kind of results file qrtl writes and reads back, with the {@code format} field that
 * names it at the top of the file. A reader checks the kind and its version before it reads
 * anything else, so a comparison is never taken for a network bill, a bare JSON string for a
 * result, or a file of a later, different layout for this one.
 */
public enum ResultFormat {
  /** {@code comparison.json}: one {@code qrtl compare} run. */
  COMPARISON("qrtl-comparison-1"),
  /** {@code network.json}: one network's bill. */
  NETWORK("qrtl-network-1"),
  /** {@code error*.json}: accuracy tables, one per output width. */
  ACCURACY("qrtl-accuracy-1"),
  /** {@code unified-vs-conventional.json}: the pipelines' error study. */
  PIPELINES("qrtl-pipelines-1"),
  /** {@code mx-error.json}: the MX formats' accuracy beside int8's. */
  MX_ACCURACY("qrtl-mx-accuracy-1"),
  /** {@code mx-pareto.json}: the MX formats' accuracy-cost front. */
  MX_PARETO("qrtl-mx-pareto-1"),
  /** {@code mx-units.json}: block dot products and group-scaled PEs beside their plain counterparts. */
  MX_UNITS("qrtl-mx-units-1"),
  /** {@code pareto.json}: the accuracy-cost front. */
  PARETO("qrtl-pareto-1"),
  /** {@code shard-i-of-n.json}: one shard of a study (a sweep, a network bill), which it names. */
  SHARD("qrtl-shard-2");

  /** The largest results file qrtl reads: results are kilobytes to a few megabytes. */
  public static final long MAX_BYTES = 64L << 20;

  private static final ObjectMapper READER = StrictJson.builder().build();

  private final String id;

  ResultFormat(String id) {
    this.id = id;
  }

  /** The value of the file's {@code format} field. */
  public String id() {
    return id;
  }

  /** The kind whose {@link #id} is {@code id}, or null. */
  public static ResultFormat of(String id) {
    for (ResultFormat f : values()) {
      if (f.id.equals(id)) {
        return f;
      }
    }
    return null;
  }

  /**
   * The file's JSON tree, after checking that it is one JSON object (strictly read: no duplicate
   * key, nothing after it) whose {@code format} is this kind's; one {@link QrtlException} line
   * naming the file and the problem otherwise.
   */
  public ObjectNode readTree(Path file) {
    String text;
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new QrtlException(file + " is " + size + " bytes, larger than any qrtl result (" + (MAX_BYTES >> 20) + " MiB)");
      }
      text = Files.readString(file);
    } catch (IOException e) {
      throw new QrtlException("cannot read " + file + ": " + e.getMessage());
    }
    return check(parse(text, file.toString()), file.toString());
  }

  /** The same check on a document already read ({@code source} names it in messages). */
  public ObjectNode check(JsonNode n, String source) {
    if (!(n instanceof ObjectNode o)) {
      throw new QrtlException(source + " is not a qrtl result: it holds a JSON " + kindOf(n) + ", not an object with a \"format\" field");
    }
    JsonNode f = o.get("format");
    if (f == null) {
      throw new QrtlException(source + " has no \"format\" field: not a qrtl result of this version (" + id + "); regenerate it");
    }
    if (!f.isTextual() || !f.asText().equals(id)) {
      ResultFormat other = f.isTextual() ? of(f.asText()) : null;
      throw new QrtlException(source + " is " + (other != null ? "a " + other.describe() + " (" + other.id + ")"
          : "of format " + Printable.of(f.toString())) + ", not a " + describe() + " (" + id + ")");
    }
    return o;
  }

  /** Reads {@code file} as this kind into {@code type} (the {@code format} field checked, then left out). */
  public <T> T read(Path file, Class<T> type, ObjectMapper mapper) {
    ObjectNode o = readTree(file);
    o.remove("format");
    try {
      return mapper.treeToValue(o, type);
    } catch (JsonProcessingException e) {
      throw new QrtlException(file + " is not a well-formed " + describe() + ": " + StrictJson.problem(e));
    } catch (IllegalArgumentException e) {
      throw new QrtlException(file + " is not a well-formed " + describe() + ": " + Printable.of(String.valueOf(e.getMessage())));
    }
  }

  /** In words, for messages. */
  public String describe() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " result";
  }

  static JsonNode parse(String text, String source) {
    try {
      JsonNode n = READER.readTree(text);
      if (n == null || n.isMissingNode()) {
        throw new QrtlException(source + " is empty: not a qrtl result");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw new QrtlException(source + " is not readable JSON: " + StrictJson.problem(e));
    }
  }

  private static String kindOf(JsonNode n) {
    if (n == null) {
      return "nothing";
    }
    return switch (n.getNodeType()) {
      case ARRAY -> "list";
      case STRING -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      case NULL -> "null";
      default -> n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
