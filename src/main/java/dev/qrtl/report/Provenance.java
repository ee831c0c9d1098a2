package dev.qrtl.report;

import java.util.ArrayList;
import java.util.List;

/** The facts that reproduce a result, read from its record; absent ones are left out. */
final class Provenance {
  private Provenance() {}

  /** Pairs of label and value: {@code "library", r.library(), "corner", r.corner(), ...}; null or empty values are left out. */
  static List<Page.Fact> of(Object... labelAndValue) {
    List<Page.Fact> out = new ArrayList<>();
    for (int i = 0; i + 1 < labelAndValue.length; i += 2) {
      Object v = labelAndValue[i + 1];
      String text = v == null ? "" : String.valueOf(v);
      if (!text.isEmpty()) {
        out.add(new Page.Fact((String) labelAndValue[i], text));
      }
    }
    return out;
  }
}
