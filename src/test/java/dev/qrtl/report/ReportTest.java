package dev.qrtl.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report without a browser: committed pages are what the committed JSON gives now (so
 * regeneration is byte-identical) and under 2 MB; names from files are escaped; a baseline's
 * changes are computed and highlighted beyond the threshold; bad folders fail in one line.
 */
class ReportTest {
  private static final Path RESULTS = Path.of("docs/results");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCRIPT = "<script>alert(1)</script>";

  @TempDir Path tmp;

  private static List<Path> committed() throws Exception {
    try (Stream<Path> s = Files.list(RESULTS)) {
      return s.filter(d -> Files.isRegularFile(d.resolve(Reports.PAGE))).sorted().toList();
    }
  }

  @Test
  void committedReportsAreRegeneratedByteForByteAndStayUnderTwoMegabytes() throws Exception {
    List<Path> folders = committed();
    assertTrue(folders.size() >= 10, "committed reports: " + folders);
    for (Path d : folders) {
      byte[] page = Files.readAllBytes(d.resolve(Reports.PAGE));
      assertTrue(page.length < Reports.MAX_BYTES, d + " weighs " + page.length + " bytes");
      String again = Reports.html(d);
      assertEquals(new String(page, StandardCharsets.UTF_8), again, d + ": the committed report is not what its files give now");
      assertEquals(again, Reports.html(d), d + ": two renderings differ");
    }
    // every folder's report, and the index, regenerated in a copy: the same bytes
    Path copy = tmp.resolve("results");
    copyTree(RESULTS, copy);
    for (Path d : folders) {
      Files.delete(copy.resolve(d.getFileName()).resolve(Reports.PAGE));
    }
    Files.delete(copy.resolve(Reports.PAGE));
    Reports.writeAll(copy);
    assertEquals(Files.readString(RESULTS.resolve(Reports.PAGE)), Files.readString(copy.resolve(Reports.PAGE)), "the index");
    for (Path d : folders) {
      assertEquals(Files.readString(d.resolve(Reports.PAGE)), Files.readString(copy.resolve(d.getFileName()).resolve(Reports.PAGE)),
          d.toString());
    }
  }

  @Test
  void namesFromFilesAreEscapedEverywhere() throws Exception {
    Path cmp = tmp.resolve("cmp");
    copyTree(RESULTS.resolve("NangateOpenCellLibrary"), cmp);
    ObjectNode c = (ObjectNode) JSON.readTree(cmp.resolve("comparison.json").toFile());
    c.put("library", "lib" + SCRIPT);
    c.put("stimulus", "/data/" + SCRIPT + ".npy");
    ((ObjectNode) c.get("rows").get(0)).put("design", "requant\"'&" + SCRIPT);
    ((ObjectNode) c.get("rows").get(1)).put("scheme", SCRIPT);
    Files.writeString(cmp.resolve("comparison.json"), JSON.writeValueAsString(c));
    assertEscaped(Reports.html(cmp), 3);

    Path net = tmp.resolve("net");
    copyTree(RESULTS.resolve("network-resnet18-qrtl_default45"), net);
    ObjectNode n = (ObjectNode) JSON.readTree(net.resolve("network.json").toFile());
    n.put("library", SCRIPT);
    ((ObjectNode) n.get("units").get(0)).put("design", SCRIPT);
    ((ObjectNode) n.get("units").get(0)).put("stimulus", "file:" + SCRIPT + ".npy");
    Files.writeString(net.resolve("network.json"), JSON.writeValueAsString(n));
    assertEscaped(Reports.html(net), 3);
  }

  /** The page's only script element is its own sorting script, and each planted name shows escaped. */
  private static void assertEscaped(String html, int planted) {
    Matcher m = Pattern.compile("<script", Pattern.CASE_INSENSITIVE).matcher(html);
    int scripts = 0;
    while (m.find()) {
      scripts++;
    }
    assertEquals(1, scripts, "one <script> element, the page's own");
    assertFalse(html.contains("alert(1)</script>"), "a planted script survived");
    int escaped = html.split(Pattern.quote("&lt;script&gt;alert(1)&lt;/script&gt;"), -1).length - 1;
    assertTrue(escaped >= planted, "planted names shown escaped: " + escaped);
  }

  @Test
  void aBaselineShowsEveryChangeAndHighlightsThoseBeyondTheThreshold() throws Exception {
    Path base = tmp.resolve("base");
    Path now = tmp.resolve("now");
    copyTree(RESULTS.resolve("qrtl_default45"), base);
    copyTree(RESULTS.resolve("qrtl_default45"), now);
    ObjectNode c = (ObjectNode) JSON.readTree(now.resolve("comparison.json").toFile());
    ObjectNode row0 = (ObjectNode) c.get("rows").get(0);
    ObjectNode row1 = (ObjectNode) c.get("rows").get(1);
    row0.put("areaUm2", row0.get("areaUm2").asDouble() * 1.10); // +10 %: beyond 1 %
    row1.put("energyPj", row1.get("energyPj").asDouble() * 1.005); // +0.5 %: within
    ((com.fasterxml.jackson.databind.node.ArrayNode) c.get("rows")).remove(2);
    Files.writeString(now.resolve("comparison.json"), JSON.writeValueAsString(c));
    Page p = Reports.page(now, base, 1.0);
    Table units = p.sections().get(0).tables().get(0);
    int area = header(units, "area");
    int energy = header(units, "energy (95 % CI)");
    assertEquals("+10.0 %", units.rows().get(0).cells().get(area).change());
    assertTrue(units.rows().get(0).cells().get(area).beyond());
    assertEquals("+0.5 %", units.rows().get(1).cells().get(energy).change());
    assertFalse(units.rows().get(1).cells().get(energy).beyond());
    assertEquals("", units.rows().get(3).cells().get(area).change(), "an unchanged figure shows no change");
    assertTrue(units.caption().contains("only in the baseline: " + JSON.readTree(base.resolve("comparison.json").toFile())
        .at("/rows/2/scheme").asText()), units.caption());
    assertTrue(p.baseline().contains("base") && p.baseline().contains("1.0 %"), p.baseline());
    String html = Reports.html(now, base, 1.0);
    assertTrue(html.contains("<span class=\"change beyond\">+10.0 %</span>"), "highlighted in the page");
    assertTrue(html.contains("<span class=\"change\">+0.5 %</span>"), "shown, not highlighted");
  }

  private static int header(Table t, String name) {
    for (int i = 0; i < t.columns().size(); i++) {
      if (t.columns().get(i).header().equals(name)) {
        return i;
      }
    }
    throw new AssertionError("no column " + name);
  }

  @Test
  void unreadableFoldersFailInOneLineNamingTheFile() throws Exception {
    Path bad = tmp.resolve("bad");
    Files.createDirectories(bad);
    Files.writeString(bad.resolve("comparison.json"), "{\"rows\": [");
    ReportException e = assertThrows(ReportException.class, () -> Reports.html(bad));
    assertTrue(e.getMessage().startsWith(bad.resolve("comparison.json") + " is not readable JSON"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
    Path empty = tmp.resolve("empty");
    Files.createDirectories(empty);
    assertTrue(assertThrows(ReportException.class, () -> Reports.html(empty)).getMessage().contains("holds no qrtl results"));
    // a damaged neighbour with an older page is named in the index, and the index is still written
    Path parent = tmp.resolve("parent");
    copyTree(RESULTS.resolve("accuracy"), parent.resolve("accuracy"));
    copyTree(bad, parent.resolve("bad"));
    Files.writeString(parent.resolve("bad").resolve(Reports.PAGE), "<!DOCTYPE html>");
    String index = Files.readString(Reports.writeIndex(parent).orElseThrow());
    assertTrue(index.contains("href=\"./accuracy/index.html\"") && index.contains("its files cannot be read now"), index);
    Path net = RESULTS.resolve("network-resnet18-qrtl_default45");
    assertTrue(assertThrows(ReportException.class, () -> Reports.html(net, RESULTS.resolve("qrtl_default45"), 1)).getMessage()
        .contains("does not hold the same kind of results"));
  }

  @Test
  void aRowWithoutAVerificationRecordSaysSo() {
    assertEquals("not recorded by this run", ComparisonKind.verification(null));
    assertEquals("RTL 10,000 and gate level 9,000 values equal to the golden model; proved",
        ComparisonKind.verification(new dev.qrtl.results.RowVerification(10000, 9000, "proved")));
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }
}
