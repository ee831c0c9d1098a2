package dev.qrtl.cli;

import dev.qrtl.scheme.Schemes;
import java.util.List;
import picocli.CommandLine.Option;

/** What a comparison sweeps, shared by {@code qrtl compare} and the main job ({@code qrtl run}). */
public final class CompareSweepOptions {
  @Option(names = "--schemes", paramLabel = "S,S,...", description = "Schemes in their comparison forms, comma-separated; a parameter"
      + " list continues past commas (dyadic:m=4,8,16) and a..b is a range; MX block quantizers as FORMAT:k=K[:rule=ceil]"
      + " (mxfp4:k=32, mxint8:k=8,16,32), priced per element at their element width (default: all: ${COMPLETION-CANDIDATES}).",
      completionCandidates = DefaultForms.class)
  String schemes;

  /** The forms a comparison sweeps when --schemes is not given. */
  static final class DefaultForms extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    DefaultForms() {
      super(Schemes.defaultForms().stream().map(Schemes.Form::label).toList());
    }
  }

  /** The scheme forms named (the MX block forms apart), or the default sweep. */
  List<Schemes.Form> forms() {
    if (schemes == null) {
      return Schemes.defaultForms();
    }
    List<String> rest = new java.util.ArrayList<>();
    blocks(rest);
    return rest.isEmpty() ? List.of() : Schemes.forms(rest);
  }

  /** The MX block quantizers named ({@code mxfp4:k=32}, {@code mxint8:k=8,16,32}), priced beside the schemes. */
  List<dev.qrtl.compare.BlockForm> blockForms() {
    return schemes == null ? List.of() : blocks(new java.util.ArrayList<>());
  }

  private List<dev.qrtl.compare.BlockForm> blocks(List<String> rest) {
    try {
      return dev.qrtl.compare.BlockForm.parse(java.util.Arrays.asList(schemes.split(",", -1)), rest);
    } catch (IllegalArgumentException e) {
      throw new UserError("--schemes: " + e.getMessage());
    }
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
