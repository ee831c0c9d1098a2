package dev.qrtl.cli;

import dev.qrtl.cosim.CosimOptions;
import dev.qrtl.stimulus.Stimulus;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options every co-simulation command shares. */
public final class CosimOptionsMixin {
  @Option(names = "--vectors", defaultValue = "1000000", description = "Vectors to check (MAC arrays: output values) (default: ${DEFAULT-VALUE}).")
  long vectors;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--stimulus", defaultValue = "auto", description = "auto, exhaustive, corners, uniform, gaussian:sigma=S, laplace:b=B, products:k=K,... or FILE.npy (default: ${DEFAULT-VALUE}).")
  String stimulus;

  @Option(names = "--sim", defaultValue = "verilator", description = "verilator or icarus (default: ${DEFAULT-VALUE}).")
  String sim;

  @Option(names = "--vcd", description = "Write a waveform around the first mismatch (Verilator).")
  Path vcd;

  @Option(names = "--show", defaultValue = "5", description = "Mismatches to print (default: ${DEFAULT-VALUE}).")
  int show;

  @Option(names = "--timeout", defaultValue = "1800", description = "Seconds before the simulation is stopped (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  CosimOptions toOptions() {
    Checks.range("--show", show, 0, 1000);
    Checks.range("--timeout", timeoutSeconds, 1, 7 * 24 * 3600);
    dev.qrtl.sim.Simulator simulator = dev.qrtl.sim.Simulator.parse(sim);
    if (vcd != null && simulator != dev.qrtl.sim.Simulator.VERILATOR) {
      throw new UserError("--vcd needs --sim verilator (the waveform comes from a tracing Verilator build)");
    }
    return new CosimOptions(vectors, seed, Stimulus.parse(stimulus), simulator, vcd, show, Duration.ofSeconds(timeoutSeconds));
  }
}
