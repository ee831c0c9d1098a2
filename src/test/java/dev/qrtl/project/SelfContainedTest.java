package dev.qrtl.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.testing.Golden;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A clone of the repository alone is complete: no source, script, test or document reads or
 * points at the {@code shared/} folder that sat beside the first checkouts. (The libraries and
 * reference documents it once held are carried in {@code synth/tech/} and {@code docs/reference/}.)
 */
class SelfContainedTest {
  private static final Pattern SIBLING = Pattern.compile("\\.\\./shared|shared/(tech|reference|STYLE)");
  private static final Set<String> SKIP_DIRS = Set.of(".git", "target", "node_modules", "sim_build", ".pytest_cache", "__pycache__");

  @Test
  void nothingNamesTheSiblingSharedFolder() throws IOException {
    Path root = Golden.projectRoot();
    List<String> hits = new ArrayList<>();
    int scanned = 0;
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : (Iterable<Path>) files.filter(f -> Files.isRegularFile(f) && !skipped(root, f))::iterator) {
        String text;
        try {
          text = Files.readString(p);
        } catch (MalformedInputException binary) {
          continue; // gzip, PNG: not text
        }
        scanned++;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
          if (SIBLING.matcher(lines[i]).find()) {
            hits.add(root.relativize(p) + ":" + (i + 1) + ": " + lines[i].trim());
          }
        }
      }
    }
    assertTrue(scanned > 200, "the walk saw the sources (" + scanned + " text files)");
    assertEquals(List.of(), hits, "files that point outside the repository");
  }

  private static boolean skipped(Path root, Path f) {
    for (Path part : root.relativize(f)) {
      if (SKIP_DIRS.contains(part.toString())) {
        return true;
      }
    }
    // this test names the pattern it looks for
    return f.getFileName().toString().equals("SelfContainedTest.java");
  }
}
