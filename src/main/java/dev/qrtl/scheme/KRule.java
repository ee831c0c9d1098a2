package dev.qrtl.scheme;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a power-of-two scheme picks its shift k from a real scale S (the scale it applies is 2^-k):
 * the nearest power of two in the log domain (the default), the next one up or down, or whichever
 * of the two neighbours gives the smaller mean squared error on the data being requantized.
 */
public enum KRule {
  /** {@code k = round(-log2 S)}: the scale within a factor sqrt(2) of S. */
  NEAREST,
  /** The smallest power of two not below S ({@code 2^-k >= S}): outputs never smaller, more saturation. */
  CEIL,
  /** The largest power of two not above S ({@code 2^-k <= S}): outputs never larger, no added saturation. */
  FLOOR,
  /** Of {@link #CEIL} and {@link #FLOOR}, the one with the smaller squared error on the data. */
  BEST_FOR_DATA;

  /** The command-line form. */
  public String text() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Reads the command-line form; an unknown rule is an {@link IllegalArgumentException} listing the known ones. */
  public static KRule parse(String text) {
    for (KRule r : values()) {
      if (r.text().equals(text)) {
        return r;
      }
    }
    throw new IllegalArgumentException("k rule '" + text + "' is not one of "
        + String.join(", ", Arrays.stream(values()).map(KRule::text).toList()));
  }
}
