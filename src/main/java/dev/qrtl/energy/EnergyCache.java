package dev.qrtl.energy;

import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.synth.SynthResult;
import dev.qrtl.util.AtomicFiles;
import dev.qrtl.util.CacheStore;
import dev.qrtl.util.CodeDigest;
import dev.qrtl.util.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Energy reports cached by everything that determines them: the synthesis (its cache folder is
 * itself named by a hash of the Verilog, script, library and Yosys version), the manifest, the
 * options and the estimator's own version. A gate-level run of a large unit takes seconds; the
 * main job re-run with warm caches should not repeat it. Entries are verified {@link CacheStore}
 * entries; the key includes the running code's digest, so a changed estimator never reuses one.
 */
final class EnergyCache {
  private EnergyCache() {}

  /** The cache key: the synthesis entry, the library, the options, the manifest, the data file and the code that estimates. */
  static String key(Path manifestPath, SynthResult synth, EnergyOptions o) {
    List<String> key = new ArrayList<>(List.of(CodeDigest.current(), Path.of(synth.netlistDir()).getFileName().toString(),
        synth.librarySha256(), synth.conditions().toString(), o.toString()));
    try {
      key.add(Files.readString(manifestPath));
      if (o.stimulus() instanceof dev.qrtl.stimulus.NpyStimulus npy) {
        key.add(Hashing.sha256(Files.readAllBytes(npy.file())));
      }
    } catch (IOException e) {
      return null; // unreadable inputs: do not cache
    }
    return Hashing.sha256(key.toArray(new String[0])).substring(0, 24);
  }

  /** The cached report, or the one {@code measure} makes (cached when its inputs could be hashed). */
  static EnergyReport get(String key, String top, java.util.function.Supplier<EnergyReport> measure) {
    if (key == null) {
      return measure.get();
    }
    EnergyReport[] made = {null};
    Path dir;
    try {
      dir = CacheStore.get("energy", key, "the energy estimate of '" + top + "'", work -> {
        made[0] = measure.get();
        AtomicFiles.writeString(work.resolve("report.json"), ManifestIo.mapper().writeValueAsString(made[0]));
      }, entry -> read(entry.resolve("report.json")));
    } catch (dev.qrtl.util.QrtlException e) {
      if (made[0] != null) {
        return made[0]; // measured, but the cache could not keep it: only costs time next run
      }
      throw new dev.qrtl.tools.ToolException(e.getMessage());
    }
    return made[0] != null ? made[0] : read(dir.resolve("report.json"));
  }

  private static EnergyReport read(Path file) {
    try {
      return ManifestIo.mapper().readValue(Files.readString(file), EnergyReport.class);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable report: " + e.getMessage().split("\n")[0]);
    }
  }
}
