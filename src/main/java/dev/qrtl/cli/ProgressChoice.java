package dev.qrtl.cli;

import dev.qrtl.util.Progress;

/** {@code --progress auto|bar|lines|none} and the older {@code --no-progress}, which means none. */
final class ProgressChoice {
  private ProgressChoice() {}

  /** Selects the display for this run; returns whether there is one. */
  static boolean apply(boolean noProgress, String mode) {
    if (noProgress && mode != null && !mode.equalsIgnoreCase("none")) {
      throw new UserError("--no-progress and --progress " + mode + " contradict each other");
    }
    Progress.Mode m;
    try {
      m = noProgress ? Progress.Mode.NONE : mode == null ? Progress.Mode.AUTO : Progress.Mode.parse(mode);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    Progress.choose(m);
    return m != Progress.Mode.NONE;
  }
}
