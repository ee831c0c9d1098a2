package dev.qrtl.spec;

import java.util.Locale;

/** Rounding rules for division by a power of two (reference section 1). */
public enum Rounding {
  /** Nearest, ties toward +infinity: {@code (x + 2^(k-1)) >> k}. */
  HALF_UP,
  /** Nearest, ties away from zero: {@code sign(x) * ((|x| + 2^(k-1)) >> k)}. */
  HALF_AWAY,
  /** Nearest, ties to the even result. */
  HALF_EVEN,
  /** Toward -infinity (truncation of the two's-complement value): {@code x >> k}. */
  FLOOR;

  /** The command-line spelling: {@code half-up}, {@code half-away}, {@code half-even}, {@code floor}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Rounding parse(String s) {
    for (Rounding r : values()) {
      if (r.cliName().equals(s)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown rounding '" + s + "'; use one of half-up, half-away, half-even, floor");
  }
}
