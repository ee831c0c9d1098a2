package dev.qrtl.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes manifests as stable, pretty-printed JSON with {@code \n} line endings. */
public final class ManifestIo {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private ManifestIo() {}

  public static String toJson(Manifest m) {
    try {
      return MAPPER.writer().with(new StablePrettyPrinter()).writeValueAsString(m) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise manifest of " + m.top(), e);
    }
  }

  public static Manifest fromJson(String json, String source) {
    try {
      return MAPPER.readValue(json, Manifest.class);
    } catch (IOException | IllegalArgumentException e) {
      String why = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
      if (e.getCause() instanceof IllegalArgumentException iae) {
        why = iae.getMessage();
      }
      throw new ManifestException("malformed manifest " + source + ": " + why);
    }
  }

  public static Manifest read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ManifestException("cannot read manifest " + file + ": " + e.getMessage());
    }
    return fromJson(text, file.toString());
  }

  /** The mapper with this project's settings, for other JSON documents. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
