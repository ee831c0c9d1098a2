package dev.qrtl.energy;

import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.synth.SynthResult;
import dev.qrtl.util.AtomicFiles;
import dev.qrtl.util.CacheDirs;
import dev.qrtl.util.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Energy reports cached by everything that determines them: the synthesis (its cache folder is
 * itself named by a hash of the Verilog, script, library and Yosys version), the manifest, the
 * options and the estimator's own version. A gate-level run of a large unit takes seconds; the
 * main job re-run with warm caches should not repeat it.
 */
final class EnergyCache {
  /** Bump when the estimator's arithmetic changes, so that old reports are not reused. */
  static final String ESTIMATOR_VERSION = "energy-1";

  private EnergyCache() {}

  static Path file(Path manifestPath, SynthResult synth, EnergyOptions o) {
    List<String> key = new ArrayList<>(List.of(ESTIMATOR_VERSION, Path.of(synth.netlistDir()).getFileName().toString(),
        synth.librarySha256(), o.toString()));
    try {
      key.add(Files.readString(manifestPath));
      if (o.stimulus() instanceof dev.qrtl.stimulus.NpyStimulus npy) {
        key.add(Hashing.sha256(Files.readAllBytes(npy.file())));
      }
    } catch (IOException e) {
      return null; // unreadable inputs: do not cache
    }
    return CacheDirs.root().resolve("energy").resolve(Hashing.sha256(key.toArray(new String[0])).substring(0, 24) + ".json");
  }

  static Optional<EnergyReport> read(Path file) {
    if (file == null || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(ManifestIo.mapper().readValue(Files.readString(file), EnergyReport.class));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // a damaged entry is recomputed
    }
  }

  static void write(Path file, EnergyReport r) {
    if (file == null) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      AtomicFiles.writeString(file, ManifestIo.mapper().writeValueAsString(r));
    } catch (IOException | RuntimeException e) {
      // a cache that cannot be written only costs time
    }
  }
}
