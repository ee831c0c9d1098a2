package dev.qrtl.sim;

import dev.qrtl.manifest.Manifest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** {@link Simulator#VERILATOR}: a cached C++ build of the design and the binary harness, records streamed in batches. */
final class VerilatorBackend implements RtlSimulator {
  /** Records per batch on the pipe. */
  static final int BATCH = 1 << 16;

  @Override
  public Simulator simulator() {
    return Simulator.VERILATOR;
  }

  @Override
  public String provenance() {
    return VerilatorBuild.version();
  }

  @Override
  public Compiled compile(Manifest m, Path dir, boolean trace) {
    VerilatorCosim sim = VerilatorCosim.build(m, dir, trace);
    return new Compiled() {
      @Override
      public String description() {
        return "verilator " + sim.verilatorVersion().replaceFirst("^Verilator ", "");
      }

      @Override
      public boolean cached() {
        return sim.wasCached();
      }

      @Override
      public CosimResult run(RecordSource source, long records, int keep, Duration timeout, Waveform vcd) {
        List<String> args = vcd == null ? List.of() : List.of("--vcd", vcd.file().toString(), Long.toString(vcd.fromRecord()));
        return sim.run(source, records, BATCH, keep, timeout, args);
      }
    };
  }
}
