package dev.qrtl.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes manifests as stable, pretty-printed JSON with {@code \n} line endings. */
public final class ManifestIo {
  private static final ObjectMapper MAPPER =
      dev.qrtl.util.StrictJson.builder().build();

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
    } catch (UnrecognizedPropertyException e) {
      throw new ManifestException("malformed manifest " + source + ": unknown field '" + dev.qrtl.util.Printable.of(e.getPropertyName()) + "'" + where(e));
    } catch (JsonProcessingException e) {
      Throwable c = e.getCause();
      String why = c instanceof IllegalArgumentException iae ? iae.getMessage() : dev.qrtl.util.StrictJson.problem(e);
      throw new ManifestException("malformed manifest " + source + ": " + why);
    } catch (IOException | IllegalArgumentException e) {
      throw new ManifestException("malformed manifest " + source + ": " + e.getMessage());
    }
  }

  private static String where(JsonProcessingException e) {
    var loc = e.getLocation();
    return loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
  }

  /** Reads a manifest; files are checked to exist inside its folder when a tool resolves them ({@link Manifest#resolveFiles}). */
  public static Manifest read(Path file) {
    String text;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new ManifestException("manifest " + file + " is larger than " + MAX_BYTES / (1 << 20) + " MiB");
      }
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ManifestException("cannot read manifest " + file + ": " + e.getMessage());
    }
    return fromJson(text, file.toString());
  }

  /** No manifest qrtl writes comes near this; a larger file is refused before it is parsed. */
  static final long MAX_BYTES = 64L << 20;

  /** The mapper with this project's settings, for other JSON documents. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
