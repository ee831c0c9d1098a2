package dev.qrtl.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** What a comparison sweeps, shared by {@code qrtl compare} and the main job ({@code qrtl run}). */
public final class CompareSweepOptions {
  @Option(names = "--schemes", split = ",", description = "Schemes (default: all): ${DEFAULT-VALUE}.",
      defaultValue = "shift-round,shift-round-const,floor,tflite-double,tflite-single,fp32-scale,threshold")
  List<String> schemes;

  @Option(names = "--out-bits", split = ",", defaultValue = "4,8,16", description = "Output widths (default: ${DEFAULT-VALUE}).")
  List<Integer> outBits;

  @Option(names = "--ops", defaultValue = "10000", description = "Requantizations simulated per unit for energy (default: ${DEFAULT-VALUE}).")
  long ops;

  @Option(names = "--no-progress", description = "No progress bar.")
  boolean noProgress;
}
