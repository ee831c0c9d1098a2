package dev.qrtl.report;

import dev.qrtl.util.AtomicFiles;
import dev.qrtl.util.QrtlVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes the reports: a results folder's {@code index.html}, and a parent folder's {@code
 * index.html} linking every report below it. The pages depend on the folders' files alone (no
 * time, no absolute path), so regenerating gives the same bytes.
 */
public final class Reports {
  /** The page's file name in its folder. */
  public static final String PAGE = "index.html";
  /** Changes against a baseline beyond this many percent are highlighted unless the user says otherwise. */
  public static final double DEFAULT_THRESHOLD_PERCENT = 1.0;
  /** The most a report may weigh: a page that must be mailed and opened anywhere. */
  public static final long MAX_BYTES = 2_000_000;

  private Reports() {}

  /** The kind of results {@code folder} holds, if any. */
  static Optional<ReportKind> kindOf(Path folder) {
    return ReportKind.ALL.stream().filter(k -> k.matches(folder)).findFirst();
  }

  /** Whether {@code folder} holds results a report can show. */
  public static boolean isResults(Path folder) {
    return Files.isDirectory(folder) && kindOf(folder).isPresent();
  }

  /** The page of {@code folder} (no baseline), as HTML. */
  public static String html(Path folder) {
    return html(folder, null, DEFAULT_THRESHOLD_PERCENT);
  }

  /** The page of {@code folder} with its changes against {@code baseline} (or null), as HTML. */
  public static String html(Path folder, Path baseline, double thresholdPercent) {
    return render(page(folder, baseline, thresholdPercent));
  }

  static Page page(Path folder, Path baseline, double thresholdPercent) {
    ReportKind kind = kindOf(folder).orElseThrow(() -> new ReportException(folder + " holds no qrtl results (comparison.json,"
        + " pareto.json, network.json or error*.json)"));
    if (baseline != null && !kind.matches(baseline)) {
      throw new ReportException("the baseline " + baseline + " does not hold the same kind of results as " + folder);
    }
    Page p = kind.page(folder, baseline, thresholdPercent);
    if (baseline == null) {
      return p;
    }
    String note = "Every figure is compared with the run in " + name(baseline) + ": changes beyond "
        + Fmt.fixed(thresholdPercent, 1) + " % are highlighted; \"new\" marks rows the baseline does not have.";
    return new Page(p.title(), p.question(), p.headline(), p.provenance(), note, p.sections());
  }

  private static String name(Path p) {
    Path n = p.toAbsolutePath().normalize().getFileName();
    return n == null ? p.toString() : n.toString();
  }

  private static String render(Page p) {
    String html = Html.render("report.ftlh", Map.of("page", p, "qrtl", QrtlVersion.version()));
    if (html.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new ReportException("the report of " + p.title() + " would be larger than 2 MB");
    }
    return html;
  }

  /** Writes {@code folder/index.html}; returns it. */
  public static Path write(Path folder, Path baseline, double thresholdPercent) {
    String html = html(folder, baseline, thresholdPercent);
    Path out = folder.resolve(PAGE);
    AtomicFiles.writeString(out, html);
    return out;
  }

  /**
   * {@code parent/index.html}: a link to every sub-folder's report with the question it answers
   * (sub-folders without results are left out). Returns it, or empty when there is nothing to link.
   */
  public static Optional<Path> writeIndex(Path parent) {
    List<Map<String, String>> entries = new ArrayList<>();
    for (Path d : children(parent)) {
      Optional<ReportKind> k = kindOf(d);
      if (k.isPresent() && Files.isRegularFile(d.resolve(PAGE))) {
        String name = d.getFileName().toString();
        String question;
        try {
          question = k.get().question(d);
        } catch (ReportException | UncheckedIOException e) { // a damaged neighbour is named, and does not stop this run's index
          question = "its files cannot be read now (" + e.getMessage() + ")";
        }
        entries.add(Map.of("name", name, "href", href(name), "question", question));
      }
    }
    if (entries.isEmpty()) {
      return Optional.empty();
    }
    String html = Html.render("index.ftlh", Map.of("title", "qrtl results: " + name(parent), "entries", entries, "qrtl", QrtlVersion.version()));
    Path out = parent.resolve(PAGE);
    AtomicFiles.writeString(out, html);
    return Optional.of(out);
  }

  /**
   * The link to a sub-folder's page: always relative ({@code ./<folder>/index.html}) with the
   * folder name percent-encoded byte by byte (all but RFC 3986's unreserved characters), so no
   * folder name, {@code javascript:alert(1)} or one with a quote among them, can become a URL
   * scheme, leave the attribute or point anywhere but into that folder.
   */
  static String href(String folder) {
    StringBuilder b = new StringBuilder("./");
    for (byte x : folder.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return b.append('/').append(PAGE).toString();
  }

  /** The report of every results sub-folder of {@code parent} and the index; returns the pages written. */
  public static List<Path> writeAll(Path parent) {
    // every page is made (every file checked) before the first is written: one damaged folder is
    // named and nothing is written, rather than some pages new and some old
    Map<Path, String> pages = new java.util.LinkedHashMap<>();
    for (Path d : children(parent)) {
      if (kindOf(d).isPresent()) {
        pages.put(d.resolve(PAGE), html(d));
      }
    }
    List<Path> out = new ArrayList<>();
    pages.forEach((f, html) -> {
      AtomicFiles.writeString(f, html);
      out.add(f);
    });
    writeIndex(parent).ifPresent(out::add);
    return out;
  }

  /** The sub-folders, by name (not following links out of the folder). */
  private static List<Path> children(Path parent) {
    try (Stream<Path> s = Files.list(parent)) {
      return s.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + parent + ": " + e.getMessage(), e);
    }
  }
}
