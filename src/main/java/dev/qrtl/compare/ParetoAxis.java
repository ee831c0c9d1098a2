package dev.qrtl.compare;

import java.util.List;

/**
 * The parameter a Pareto study sweeps beside every scheme's default forms: a family of forms
 * ({@code dyadic:m=<v>}) over a range of one integer variable, at one pair of widths; the values
 * in {@code synthesized} are priced by synthesis, the others by a least-squares model fitted to
 * those ({@code terms} in the variable and the accumulator width, as the fast model writes them).
 * The knee is the first value, in the order swept, whose error comes within the margin of the
 * baseline's.
 */
public record ParetoAxis(String family, String variable, int from, int to, List<Integer> synthesized, List<String> terms, int accBits,
    int outBits) {
  /** The study qrtl has run since issue 16: the dyadic multiplier's width m = 1..31 at 32 -> 8, synthesized at eight widths. */
  public static final ParetoAxis DYADIC_M = new ParetoAxis("dyadic", "m", 1, 31, List.of(2, 4, 6, 8, 12, 16, 24, 31), List.of("1", "A*m"),
      32, 8);

  public ParetoAxis {
    synthesized = List.copyOf(synthesized);
    terms = List.copyOf(terms);
    if (from > to || synthesized.stream().anyMatch(v -> v < from || v > to)) {
      throw new IllegalArgumentException("Pareto axis " + family + ":" + variable + "=" + from + ".." + to + " does not hold " + synthesized);
    }
  }

  /** The form of value {@code v} ({@code dyadic:m=8}). */
  public String label(int v) {
    return family + ":" + variable + "=" + v;
  }
}
