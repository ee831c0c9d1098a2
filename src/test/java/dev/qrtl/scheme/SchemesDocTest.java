package dev.qrtl.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The docs table of schemes is the registry's: {@code docs/schemes.md} holds, between markers,
 * the table generated from {@link Schemes#ALL} (name, what it computes, its options, its
 * comparison forms, its cost terms). {@code -Dgolden.update=true} rewrites it.
 */
class SchemesDocTest {
  static String table() {
    StringBuilder sb = new StringBuilder();
    sb.append("| scheme | computes | options | comparison forms (default sweep) | fast-model cost terms |\n");
    sb.append("|---|---|---|---|---|\n");
    for (Scheme<?> s : Schemes.all()) {
      List<String> opts = s.options().stream().filter(o -> !SchemeOption.COMMON.contains(o)).map(o -> "`" + o.name() + "`").toList();
      List<String> common = s.options().stream().filter(SchemeOption.COMMON::contains).map(o -> "`" + o.name() + "`").toList();
      sb.append("| `").append(s.name()).append("` | ").append(s.summary().replace("|", "\\|")).append(" | ")
          .append(String.join(", ", opts)).append(common.isEmpty() ? "" : "; " + String.join(", ", common)).append(" | ")
          .append(String.join(", ", s.compareForms().stream().map(f -> "`" + f.label() + "`").toList())).append(" | ")
          .append(String.join("; ", s.compareForms().stream().map(f -> String.join(", ", s.costTerms(f))).distinct().toList()))
          .append(" |\n");
    }
    return sb.toString();
  }

  @Test
  void docsTableIsTheRegistrys() throws Exception {
    Path doc = Golden.projectRoot().resolve("docs/schemes.md");
    String text = Files.readString(doc);
    String begin = "<!-- registry table: begin -->\n";
    String end = "<!-- registry table: end -->";
    int a = text.indexOf(begin);
    int b = text.indexOf(end);
    assertTrue(a >= 0 && b > a, "docs/schemes.md has the registry-table markers");
    String fresh = text.substring(0, a + begin.length()) + table() + text.substring(b);
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(doc, fresh);
      return;
    }
    assertEquals(fresh, text, "docs/schemes.md's scheme table differs from the registry (-Dgolden.update=true rewrites it)");
  }
}
