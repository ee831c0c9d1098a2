package dev.qrtl.spec;

import java.util.Locale;

/** How operands reach the processing elements. */
public enum MacForm {
  /** Output-stationary systolic: operands enter at the edges, skewed, and flow right and down. */
  SYSTOLIC,
  /** Operands broadcast along rows and columns; each PE sums {@code lanes} products per cycle with an adder tree. */
  BROADCAST;

  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static MacForm parse(String s) {
    for (MacForm f : values()) {
      if (f.cliName().equals(s)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown MAC array form '" + s + "'; use systolic or broadcast");
  }
}
