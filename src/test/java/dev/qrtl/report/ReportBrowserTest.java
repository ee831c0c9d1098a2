package dev.qrtl.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qrtl.testing.Chromium;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Every committed report opened in Debian's headless Chromium from {@code file://} with the
 * network switched off: no console error, no request beyond the file itself and data URIs, each
 * table holding the rows of the JSON list it names (in that list's order), every plot drawn with a
 * size, a click on a numeric heading reordering the rows ascending and a second click descending,
 * and a 1280 px wide screenshot of each page in {@code target/report-screenshots/}.
 */
class ReportBrowserTest {
  private static final Path RESULTS = Path.of("docs/results");
  private static final Path SHOTS = Path.of("target/report-screenshots");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyCommittedReportRendersOfflineMatchesItsJsonAndSorts() throws Exception {
    List<Path> folders;
    try (Stream<Path> s = Files.list(RESULTS)) {
      folders = s.filter(d -> Files.isRegularFile(d.resolve(Reports.PAGE))).sorted().toList();
    }
    assertTrue(folders.size() >= 10, "committed reports: " + folders);
    Files.createDirectories(SHOTS);
    try (Chromium c = Chromium.start()) {
      c.offline(1280, 900);
      for (Path d : folders) {
        checkPage(c, d);
      }
      checkIndex(c, folders);
    }
  }

  private static void checkPage(Chromium c, Path folder) throws Exception {
    String what = folder.getFileName().toString();
    c.open(folder.resolve(Reports.PAGE).toAbsolutePath().toUri().toString());
    assertEquals(List.of(), c.errors(), what + ": console errors");
    for (String u : c.requests()) {
      assertTrue(u.startsWith("file:") || u.startsWith("data:"), what + " asked the network for " + u);
    }
    JsonNode tables = c.eval("Array.from(document.querySelectorAll('table.sortable')).map(t => ({id: t.id, source: t.dataset.source,"
        + " rows: Array.from(t.tBodies[0].rows).map(r => r.textContent)}))");
    assertFalse(tables.isEmpty(), what + " has no table");
    for (JsonNode t : tables) {
      String[] source = t.path("source").asText().split("#", 2);
      JsonNode list = JSON.readTree(Files.readString(folder.resolve(source[0]))).at(source[1]);
      assertTrue(list.isArray(), what + ": " + t.path("source").asText() + " is not a list");
      assertEquals(list.size(), t.path("rows").size(), what + " table " + t.path("id").asText() + ": rows against " + t.path("source").asText());
      for (int i = 0; i < list.size(); i++) {
        String name = firstText(list.get(i));
        assertTrue(t.path("rows").get(i).asText().contains(name), what + " table " + t.path("id").asText() + " row " + i + " does not show "
            + name + ": " + t.path("rows").get(i).asText());
      }
    }
    long svgs;
    try (Stream<Path> s = Files.list(folder)) {
      svgs = s.filter(f -> f.getFileName().toString().endsWith(".svg")).count();
    }
    JsonNode images = c.eval("Array.from(document.images).map(i => ({w: i.getBoundingClientRect().width,"
        + " h: i.getBoundingClientRect().height, natural: i.naturalWidth, done: i.complete}))");
    assertEquals(svgs, images.size(), what + ": one image per plot of the folder");
    for (JsonNode i : images) {
      assertTrue(i.path("done").asBoolean() && i.path("natural").asDouble() > 0 && i.path("w").asDouble() > 0 && i.path("h").asDouble() > 0,
          what + ": a plot without a rendered size: " + i);
    }
    // the page as it opens (before the sorting below)
    byte[] png = c.screenshot();
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    assertEquals(1280, img.getWidth(), what + ": screenshot width");
    Files.write(SHOTS.resolve(what + ".png"), png);
    int sorted = 0;
    for (JsonNode t : tables) {
      sorted += sortsById(c, what, t.path("id").asText()) ? 1 : 0;
    }
    assertTrue(sorted > 0, what + ": no table had a column to sort");
  }

  /** Clicks the first numeric heading whose column is not in ascending order; false when there is none. */
  private static boolean sortsById(Chromium c, String what, String id) throws Exception {
    JsonNode r = c.eval("(() => { const t = document.getElementById('" + id + "'); const heads = t.tHead.rows[0].cells;"
        + " const keys = c => Array.from(t.tBodies[0].rows).map(r => r.cells[c].dataset.key);"
        + " for (let c = 0; c < heads.length; c++) { if (heads[c].dataset.numeric !== 'true') continue;"
        + "   const before = keys(c); const n = before.filter(k => k !== '').map(parseFloat);"
        + "   if (n.every((v, i) => i === 0 || n[i - 1] <= v)) continue;"
        + "   heads[c].click(); const up = keys(c); const upSort = heads[c].getAttribute('aria-sort');"
        + "   heads[c].click(); const down = keys(c);"
        + "   return {column: c, before: before, up: up, upSort: upSort, down: down}; }"
        + " return null; })()");
    if (r.isNull() || r.isMissingNode()) {
      return false;
    }
    String where = what + " table " + id + " column " + r.path("column").asInt();
    List<Double> up = numbers(r.path("up"));
    List<Double> down = numbers(r.path("down"));
    assertNotEquals(r.path("before"), r.path("up"), where + ": sorting did not reorder the rows");
    assertEquals("ascending", r.path("upSort").asText(), where);
    for (int i = 1; i < up.size(); i++) {
      assertTrue(up.get(i - 1) <= up.get(i), where + " not ascending: " + up);
      assertTrue(down.get(i - 1) >= down.get(i), where + " not descending: " + down);
    }
    List<Double> before = numbers(r.path("before"));
    before.sort(null);
    List<Double> upSorted = new ArrayList<>(up);
    assertEquals(before, upSorted, where + ": sorting lost or changed values");
    return true;
  }

  private static List<Double> numbers(JsonNode keys) {
    List<Double> out = new ArrayList<>();
    keys.forEach(k -> {
      if (!k.asText().isEmpty()) {
        out.add(Double.parseDouble(k.asText()));
      }
    });
    return out;
  }

  /** The first text value of a JSON row, depth first (its scheme, form, configuration, layer or design name). */
  private static String firstText(JsonNode n) {
    if (n.isTextual()) {
      return n.asText();
    }
    for (JsonNode v : n) {
      String s = firstText(v);
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  private static void checkIndex(Chromium c, List<Path> folders) throws Exception {
    c.open(RESULTS.resolve(Reports.PAGE).toAbsolutePath().toUri().toString());
    assertEquals(List.of(), c.errors(), "results index: console errors");
    JsonNode links = c.eval("Array.from(document.querySelectorAll('ul.reports a')).map(a => a.getAttribute('href'))");
    List<String> expected = folders.stream().map(d -> "./" + d.getFileName() + "/" + Reports.PAGE).toList(); // relative, never a scheme
    List<String> got = new ArrayList<>();
    links.forEach(l -> got.add(l.asText()));
    assertEquals(expected, got, "the index links every committed report");
  }
}
