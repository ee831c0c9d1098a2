package dev.qrtl.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The activation a layer's requantizer clamp absorbs, and how qrtl knows it: a Relu or Clip node
 * after the layer, the output range of a model that folded the node away (an output zero point at
 * the integer type's minimum leaves no code for a negative value), or the architecture's
 * definition for a built-in table.
 *
 * @param detectedBy a sentence: "Relu node 'relu3'", "output range: zero point -128 is int8's
 *     minimum, real range 0 .. 5.98", "architecture"
 */
@JsonPropertyOrder({"kind", "detectedBy"})
public record Activation(Kind kind, String detectedBy) {
  /** What the clamp does beyond the output type's own range. */
  public enum Kind {
    /** max(x, 0). */
    RELU,
    /** min(max(x, 0), 6). */
    RELU6,
    /** A clamp to another range (a Clip node that is neither). */
    CLIP
  }

  public Activation {
    if (kind == null || detectedBy == null || detectedBy.isBlank()) {
      throw new IllegalArgumentException("an activation needs its kind and how it was detected");
    }
  }

  /** The lower-case name the tables print: relu, relu6, clip. */
  public String label() {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
