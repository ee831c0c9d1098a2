package dev.qrtl.sim;

import dev.qrtl.manifest.Manifest;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One RTL simulator as co-simulation uses it: compile a manifest's Verilog, then run a record
 * stream through it and report the mismatches. The records are laid out by {@link PortLayout}
 * (check word, inputs, expected outputs); how a backend gets them to its simulator and the
 * outputs back is its own business. Backends know Verilog and manifests, never the DSL.
 */
public interface RtlSimulator {
  /** Which simulator this is. */
  Simulator simulator();

  /** The installed tool's version, as provenance prints it ({@code Icarus Verilog 11.0}, {@code Verilator 5.006}). */
  String provenance();

  /** The design compiled (or taken from a cache), ready to run records; {@code trace}: able to write a waveform. */
  Compiled compile(Manifest m, Path dir, boolean trace);

  /** A compiled design. */
  interface Compiled {
    /** How a report names the run: the simulator, its version and what it checks ({@code icarus 11.0 (4-state, X/Z checked)}). */
    String description();

    /** Whether the build came from the cache. */
    boolean cached();

    /**
     * Runs {@code records} records of {@code source}, keeping the first {@code keep} mismatches;
     * {@code vcd}, where not null, is a waveform file and the first record it shows.
     */
    CosimResult run(RecordSource source, long records, int keep, Duration timeout, Waveform vcd);
  }

  /** Where a waveform goes, and from which record on. */
  record Waveform(Path file, long fromRecord) {}
}
