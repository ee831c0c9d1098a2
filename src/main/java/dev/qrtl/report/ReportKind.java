package dev.qrtl.report;

import java.nio.file.Path;
import java.util.List;

/**
 * One kind of results folder (a comparison, a network bill, accuracy tables): how to recognise it
 * and what its page shows. A new kind is one class listed in {@link #ALL}.
 */
interface ReportKind {
  /** Every kind, tried in order; the first that {@link #matches} a folder makes its page. */
  List<ReportKind> ALL = List.of(new ComparisonKind(), new NetworkKind(), new MxAccuracyKind(), new AccuracyKind());

  /** Whether {@code folder} holds this kind's results. */
  boolean matches(Path folder);

  /**
   * The page of {@code folder}; with {@code baseline} (an earlier run's folder of the same kind,
   * or null) every figure's change against it, beyond {@code thresholdPercent} highlighted.
   */
  Page page(Path folder, Path baseline, double thresholdPercent);

  /** The question the folder's page answers, from its JSON alone (what the index lists; no tables, no plots). */
  String question(Path folder);
}
