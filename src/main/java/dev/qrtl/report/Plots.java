package dev.qrtl.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A folder's SVG plots as data URIs for {@code <img>}: the page stays one file, and an SVG shown
 * as an image can neither run a script nor fetch anything, whatever the file holds.
 */
final class Plots {
  /** The largest plot embedded; the report stays well under 2 MB with a few of these. */
  static final long MAX_BYTES = 400_000;

  private Plots() {}

  /** The plots named (without {@code .svg}) that the folder has, each with its caption. */
  static List<Page.Plot> of(Path folder, String... nameAndCaption) {
    List<Page.Plot> out = new ArrayList<>();
    for (int i = 0; i + 1 < nameAndCaption.length; i += 2) {
      Path f = folder.resolve(nameAndCaption[i] + ".svg");
      if (!Files.isRegularFile(f)) {
        continue;
      }
      try {
        if (Files.size(f) > MAX_BYTES) { // an older run's plot (rotated labels as outlines): named, not embedded
          out.add(new Page.Plot(nameAndCaption[i + 1] + " (" + f.getFileName() + " is larger than " + MAX_BYTES / 1000
              + " kB: not embedded; regenerate the folder to embed it)", ""));
          continue;
        }
        byte[] svg = Files.readAllBytes(f);
        if (!new String(svg, 0, Math.min(svg.length, 512), StandardCharsets.UTF_8).contains("<svg")) {
          throw new ReportException(f + " is not an SVG file");
        }
        out.add(new Page.Plot(nameAndCaption[i + 1], "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
      }
    }
    return out;
  }
}
