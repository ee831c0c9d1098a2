package dev.qrtl.kind;

import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.sim.PortLayout;
import dev.qrtl.sim.RecordSource;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.testing.Cases;
import dev.qrtl.testing.Golden;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every record stream the kinds make for the case registry (requantizers for co-simulation and
 * for energy runs, MAC tiles), under four stimuli at a fixed seed, as SHA-256 prefixes against
 * {@code golden/workload-digests.txt}: inputs, parameters drawn, check flags and expected outputs.
 * Energy figures depend on these values, so a refactoring of the kinds, the parameter declarations
 * or the golden models that should change no result must leave this file as it is (it was
 * recorded before the design-kind registry and the parameter declarations went in, and equalled
 * after). {@code -Dgolden.update=true} rewrites it on purpose.
 */
class WorkloadDigestTest {
  @TempDir Path dir;

  @Test
  void everyRecordStreamIsWhatItWas() throws Exception {
    StringBuilder out = new StringBuilder();
    int streams = 0;
    for (String stim : new String[] {"auto", "products:k=64", "uniform", "corners"}) {
      for (Cases.Quantizer q : Cases.quantizers()) {
        Manifest m = ManifestIo.read(Designs.write(q.spec(), dir));
        out.append(q.name()).append(' ').append(stim).append(" cosim ")
            .append(digest(m, new QuantizerRecords(m, Stimulus.parse(stim), 3000, 7), 3000 + m.latency())).append('\n');
        out.append(q.name()).append(' ').append(stim).append(" energy ")
            .append(digest(m, new QuantizerRecords(m, Stimulus.parse(stim), 3000, 7, 64, false), 3000 + m.latency())).append('\n');
        streams += 2;
      }
      for (Cases.Array c : Cases.arrays()) {
        Manifest m = ManifestIo.read(Designs.write(c.spec(), dir));
        TileRecords t = TileRecords.of(m, Stimulus.parse(stim), 200, 7);
        out.append(c.name()).append(' ').append(stim).append(" tiles ").append(digest(m, t, t.total())).append('\n');
        streams++;
      }
    }
    Golden.check("workload-digests.txt", out.toString());
    System.out.printf("workload digests: %d record streams (seed 7), every one as recorded%n", streams);
  }

  private static String digest(Manifest m, RecordSource s, long n) throws Exception {
    int rec = PortLayout.of(m).recordWords();
    long[] buf = new long[(int) n * rec];
    s.fill(buf, (int) n);
    MessageDigest d = MessageDigest.getInstance("SHA-256");
    for (long v : buf) {
      for (int i = 0; i < 8; i++) {
        d.update((byte) (v >>> (8 * i)));
      }
    }
    return HexFormat.of().formatHex(d.digest()).substring(0, 16);
  }
}
