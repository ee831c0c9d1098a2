package dev.qrtl.cli;

import picocli.CommandLine.Option;

/** {@code --progress auto|bar|lines|none} and {@code --no-progress}, for every command that shows progress. */
public final class ProgressOptions {
  @Option(names = "--no-progress", description = "No progress bar.")
  boolean noProgress;

  @Option(names = "--progress", paramLabel = "auto|bar|lines|none", description = "How to show progress: a bar on a terminal, a"
      + " bounded number of plain lines in a log (auto: lines when there is no console or CI is set) (default: auto).")
  String progressMode;

  /** Whether to show progress; selects how it shows. */
  boolean enabled() {
    return ProgressChoice.apply(noProgress, progressMode);
  }
}
