package dev.qrtl.kind;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.qrtl.manifest.ManifestException;
import dev.qrtl.spec.DesignSpec;
import dev.qrtl.spec.QuantizerSpec;
import dev.qrtl.scheme.Schemes;

/**
 * Specs as typed JSON, the {@code spec} of a format-2 manifest: each record's components by name,
 * a requantizer's scheme as the discriminator {@code "scheme"} (resolved through the registry, so
 * a new scheme needs nothing here), MAC designs with their epilogue specs nested. Reading
 * validates by construction (the records' compact constructors) and refuses unknown fields.
 */
public final class SpecJson {
  private static final ObjectMapper MAPPER = dev.qrtl.util.StrictJson.builder()
      .disable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
      .addModule(new Jdk8Module())
      .addMixIn(QuantizerSpec.class, Discriminated.class)
      .addMixIn(dev.qrtl.spec.ChannelPair.class, PairShape.class)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
      .build();

  private SpecJson() {}

  /** A per-channel (multiplier, shift) pair as manifests have always written it: {@code [M, s]}. */
  @com.fasterxml.jackson.annotation.JsonFormat(shape = com.fasterxml.jackson.annotation.JsonFormat.Shape.ARRAY)
  @com.fasterxml.jackson.annotation.JsonPropertyOrder({"multiplier", "shift"})
  private interface PairShape {}

  /** Puts the scheme name on every requantizer spec. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, include = JsonTypeInfo.As.PROPERTY, property = "scheme")
  @JsonTypeIdResolver(SchemeIds.class)
  private interface Discriminated {}

  /** Scheme names to spec records and back, from the registry. */
  static final class SchemeIds extends TypeIdResolverBase {
    @Override
    public String idFromValue(Object value) {
      return ((QuantizerSpec) value).scheme();
    }

    @Override
    public String idFromValueAndType(Object value, Class<?> suggestedType) {
      return idFromValue(value);
    }

    @Override
    public JavaType typeFromId(DatabindContext context, String id) {
      try {
        return context.constructType(Schemes.named(id).specType());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(e.getMessage());
      }
    }

    @Override
    public JsonTypeInfo.Id getMechanism() {
      return JsonTypeInfo.Id.CUSTOM;
    }
  }

  /** A spec as a JSON tree (for the manifest). */
  public static JsonNode toTree(DesignSpec spec) {
    return MAPPER.valueToTree(spec);
  }

  /** The spec of a manifest of this kind; one line naming the problem otherwise. */
  public static DesignSpec fromTree(String kind, JsonNode tree, String source) {
    if (!(tree instanceof ObjectNode)) {
      throw new ManifestException("manifest " + source + ": its spec is not a JSON object");
    }
    Class<? extends DesignSpec> type = DesignKinds.find(kind).flatMap(DesignKind::specType).orElseThrow(() -> new ManifestException(
        "manifest " + source + ": designs of kind '" + dev.qrtl.util.Printable.of(kind) + "' carry no spec qrtl can read"));
    DesignSpec s;
    try {
      s = MAPPER.treeToValue(tree, type);
    } catch (UnrecognizedPropertyException e) {
      throw new ManifestException("manifest " + source + ": unknown field '" + dev.qrtl.util.Printable.of(e.getPropertyName()) + "' in its spec" + at(e));
    } catch (JsonProcessingException e) {
      throw new ManifestException("manifest " + source + ": its spec is invalid: " + (e.getCause() instanceof IllegalArgumentException
          ? rootMessage(e) : dev.qrtl.util.StrictJson.problem(e)));
    } catch (IllegalArgumentException e) {
      throw new ManifestException("manifest " + source + ": its spec is invalid: " + rootMessage(e));
    }
    checkSchemeNames(tree, s, source);
    return s;
  }

  /** The discriminator must name the spec the record says it is (shift-round and floor share a record). */
  private static void checkSchemeNames(JsonNode tree, DesignSpec s, String source) {
    if (s instanceof QuantizerSpec q) {
      String id = tree.path("scheme").asText();
      if (!Schemes.named(id).name().equals(q.scheme())) {
        throw new ManifestException("manifest " + source + ": its spec says scheme '" + id + "' but describes a " + q.scheme() + " unit");
      }
      return;
    }
    // a design that nests requantizers (an epilogue, a pipeline's stages): each nested spec under its component's name
    if (s.getClass().isRecord()) {
      for (java.lang.reflect.RecordComponent rc : s.getClass().getRecordComponents()) {
        Object v;
        try {
          v = rc.getAccessor().invoke(s);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
        if (v instanceof DesignSpec nested) {
          checkSchemeNames(tree.path(rc.getName()), nested, source);
        }
      }
    }
  }

  private static String at(JsonProcessingException e) {
    String path = e instanceof com.fasterxml.jackson.databind.JsonMappingException m ? m.getPathReference() : null;
    return path == null ? "" : " (at " + path.replaceAll("^[^\\[]*\\[", "[") + ")";
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t instanceof JsonProcessingException j ? j.getOriginalMessage() : t.getMessage();
    // Jackson suggests enabling a coercion qrtl keeps off on purpose: the suggestion would mislead
    return m == null ? t.toString() : m.split("\n")[0].replaceFirst(" \\(but could if coercion was enabled.*$", "");
  }
}
