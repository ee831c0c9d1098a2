package dev.qrtl.sim;

import dev.qrtl.manifest.Manifest;
import java.nio.file.Path;
import java.time.Duration;

/** {@link Simulator#ICARUS}: a generated bench reading hexadecimal vectors, compiled per run (milliseconds); X and Z are mismatches. */
final class IcarusBackend implements RtlSimulator {
  @Override
  public Simulator simulator() {
    return Simulator.ICARUS;
  }

  @Override
  public String provenance() {
    return "Icarus Verilog " + IcarusCosim.toolVersion();
  }

  @Override
  public Compiled compile(Manifest m, Path dir, boolean trace) {
    if (trace) {
      throw new IllegalArgumentException("--vcd needs --sim verilator (the waveform comes from a tracing Verilator build)");
    }
    IcarusCosim ic = new IcarusCosim(m, dir);
    return new Compiled() {
      @Override
      public String description() {
        return "icarus " + ic.version() + " (4-state, X/Z checked)";
      }

      @Override
      public boolean cached() {
        return false;
      }

      @Override
      public CosimResult run(RecordSource source, long records, int keep, Duration timeout, Waveform vcd) {
        return ic.run(source, records, keep, timeout);
      }
    };
  }
}
