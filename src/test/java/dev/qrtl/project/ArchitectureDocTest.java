package dev.qrtl.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.qrtl.testing.Golden;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code docs/architecture.md} names every package of qrtl's compiled classes in its package table, and no package that does not exist. */
class ArchitectureDocTest {
  @Test
  void thePackageTableMatchesTheCode() throws Exception {
    String doc = Files.readString(Golden.projectRoot().resolve("docs/architecture.md"));
    String table = doc.substring(doc.indexOf("## Packages"), doc.indexOf("## Where things go"));
    Set<String> named = new TreeSet<>();
    Matcher m = Pattern.compile("^\\| `(dev\\.qrtl[a-z.]*)` \\|", Pattern.MULTILINE).matcher(table);
    while (m.find()) {
      named.add(m.group(1));
    }
    Set<String> actual = new TreeSet<>();
    for (var c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.qrtl")) {
      actual.add(c.getPackageName());
    }
    assertEquals(actual, named, "docs/architecture.md's package table against the packages of the code");
    for (String p : named) {
      org.junit.jupiter.api.Assertions.assertTrue(doc.contains("`" + p + "`"), p);
    }
  }
}
