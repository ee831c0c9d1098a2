package dev.qrtl.testing;

import java.nio.file.Path;

/** The real cell libraries the repository carries ({@code synth/tech/}), as files for tests. */
public final class TechFiles {
  private TechFiles() {}

  /** NanGate45 Open Cell Library, typical corner (gzip). */
  public static Path nangate45() {
    return Golden.projectRoot().resolve("synth/tech/nangate45_typ.lib.gz");
  }

  /** SkyWater SKY130 hd, tt corner (gzip). */
  public static Path sky130hd() {
    return Golden.projectRoot().resolve("synth/tech/sky130hd_tt.lib.gz");
  }
}
