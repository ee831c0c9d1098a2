package dev.qrtl.manifest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One port of a manifest: direction is {@code input} or {@code output}. */
@JsonPropertyOrder({"name", "direction", "width", "signed"})
public record PortSpec(String name, String direction, int width, boolean signed) {
  public PortSpec {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a port needs a name");
    }
    if (!"input".equals(direction) && !"output".equals(direction)) {
      throw new IllegalArgumentException(
          "port '" + name + "' has direction '" + direction + "', not input or output");
    }
    if (width < 1) {
      throw new IllegalArgumentException("port '" + name + "' has width " + width);
    }
  }

  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isInput() {
    return "input".equals(direction);
  }
}
