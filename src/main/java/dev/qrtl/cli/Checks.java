package dev.qrtl.cli;

import picocli.CommandLine.Model.CommandSpec;

/** Option checks every command makes before it does any work: one line naming the option. */
final class Checks {
  private Checks() {}

  /** {@code value} must lie in {@code lo..hi}. */
  static long range(String option, long value, long lo, long hi) {
    if (value < lo || value > hi) {
      throw new UserError(option + " must be " + (hi == Long.MAX_VALUE ? "at least " + lo : "in " + lo + ".." + hi) + ", not " + value);
    }
    return value;
  }

  /** Whether the user gave {@code option} on the command line (not just its default). */
  static boolean given(CommandSpec spec, String option) {
    return spec.commandLine().getParseResult() != null && spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  /** {@code ignored} means nothing together with {@code with}: refuse the pair. */
  static void notTogether(CommandSpec spec, String ignored, String with, boolean withGiven) {
    if (withGiven && given(spec, ignored)) {
      throw new UserError(ignored + " has no effect with " + with + "; give one of them");
    }
  }
}
