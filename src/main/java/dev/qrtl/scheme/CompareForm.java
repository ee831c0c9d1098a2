package dev.qrtl.scheme;

import java.util.Map;

/**
 * One form of a scheme as a comparison names it: {@code shift-round} (run-time shift),
 * {@code shift-round-const} (a constant shift fitted to the data), {@code dyadic:m=8}.
 *
 * @param label the name in tables and on the command line
 * @param family what the fast model fits together ({@code dyadic} for every m)
 * @param variables the form's own numeric parameters ({@code m=8}), cost-model variables too
 */
public record CompareForm(String label, String family, Map<String, Integer> variables) {
  public CompareForm {
    variables = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(variables)); // a fixed order for tables
  }

  /** A form with no variables, its family its label. */
  public static CompareForm plain(String label) {
    return new CompareForm(label, label, Map.of());
  }
}
