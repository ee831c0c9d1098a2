package dev.qrtl.cli;

import dev.qrtl.scheme.Schemes;
import java.util.List;
import picocli.CommandLine.Option;

/** What a comparison sweeps, shared by {@code qrtl compare} and the main job ({@code qrtl run}). */
public final class CompareSweepOptions {
  @Option(names = "--schemes", paramLabel = "S,S,...", description = "Schemes in their comparison forms, comma-separated; a parameter"
      + " list continues past commas (dyadic:m=4,8,16) and a..b is a range (default: all: ${COMPLETION-CANDIDATES}).",
      completionCandidates = DefaultForms.class)
  String schemes;

  /** The forms a comparison sweeps when --schemes is not given. */
  static final class DefaultForms extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    DefaultForms() {
      super(Schemes.defaultForms().stream().map(Schemes.Form::label).toList());
    }
  }

  /** The forms named, or the default sweep. */
  List<Schemes.Form> forms() {
    return schemes == null ? Schemes.defaultForms() : Schemes.forms(java.util.Arrays.asList(schemes.split(",", -1)));
  }

  @Option(names = "--out-bits", split = ",", defaultValue = "4,8,16", description = "Output widths (default: ${DEFAULT-VALUE}).")
  List<Integer> outBits;

  @Option(names = "--ops", defaultValue = "10000", description = "Requantizations simulated per unit for energy (default: ${DEFAULT-VALUE}).")
  long ops;

  @picocli.CommandLine.Mixin ProgressOptions progressOptions;

  /** Whether to show progress; selects how it shows (--progress, or --no-progress for none). */
  boolean progress() {
    return progressOptions.enabled();
  }
}
