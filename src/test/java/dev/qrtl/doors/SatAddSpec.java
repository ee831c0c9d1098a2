package dev.qrtl.doors;

import dev.qrtl.spec.DesignSpec;

/** A test-only kind of unit: a saturating adder of two signed {@code bits}-bit values. */
public record SatAddSpec(int bits) implements DesignSpec {
  public SatAddSpec {
    if (bits < 2 || bits > 32) {
      throw new IllegalArgumentException("sat-add: width " + bits + " is outside 2..32");
    }
  }

  public long max() {
    return (1L << (bits - 1)) - 1;
  }

  public long min() {
    return -(1L << (bits - 1));
  }
}
