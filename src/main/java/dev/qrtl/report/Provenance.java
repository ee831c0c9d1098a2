package dev.qrtl.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The facts that reproduce a result, read from its JSON by name and JSON pointer; absent ones are left out. */
final class Provenance {
  private Provenance() {}

  /** Pairs of label and pointer: {@code "library", "/library", "corner", "/corner", ...}. */
  static List<Page.Fact> of(JsonNode root, String... labelAndPointer) {
    List<Page.Fact> out = new ArrayList<>();
    for (int i = 0; i + 1 < labelAndPointer.length; i += 2) {
      String v = Json.text(root, labelAndPointer[i + 1]);
      if (!v.isEmpty()) {
        out.add(new Page.Fact(labelAndPointer[i], v));
      }
    }
    return out;
  }
}
