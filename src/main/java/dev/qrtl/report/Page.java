package dev.qrtl.report;

import java.util.List;

/**
 * What one report page shows, before it is HTML: every string here is plain text (the template
 * escapes it), and every number is already formatted.
 *
 * @param title the page's title (the folder's name)
 * @param question the question the folder answers, in one sentence
 * @param headline its numbers
 * @param provenance what reproduces it: library, hash, tools, stimulus, seed, qrtl version
 * @param baseline the baseline run's folder and threshold in words, or empty without one
 * @param sections the tables and plots
 */
public record Page(String title, String question, List<Fact> headline, List<Fact> provenance, String baseline,
    List<Section> sections) {
  /** A named value. */
  public record Fact(String name, String value) {}

  /** A titled part of the page: a note, tables, plots. */
  public record Section(String title, String note, List<Table> tables, List<Plot> plots) {}

  /** A plot: an SVG file of the folder, embedded as an image (which cannot run scripts or load anything). */
  public record Plot(String caption, String dataUri) {}
}
