package dev.qrtl.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.manifest.Manifest;
import dev.qrtl.kind.Designs;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.testing.ToolGate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-written reference units in {@code synth/hand-rtl/} (what qrtl's generators are priced
 * against, issue 15) compute exactly the golden models' functions: 10^6 vectors each in Verilator
 * (the reference's corner cases first, then random values over the valid ranges), and their
 * manifests declare the ports qrtl's generated unit of the same spec declares.
 */
@Tag("tools")
class HandRtlCosimTest {
  private static final long SEED = 20261201L;
  private static final Path HAND = Path.of("synth", "hand-rtl");

  @TempDir Path dir;

  @Test
  void everyHandUnitMatchesItsGoldenModel() throws IOException {
    ToolGate.require("verilator");
    List<Path> manifests;
    try (Stream<Path> s = Files.list(HAND)) {
      manifests = s.map(d -> d.resolve("manifest.json")).filter(Files::exists).sorted().toList();
    }
    assertEquals(4, manifests.size(), "the four units of issue 15's table");
    for (Path mp : manifests) {
      Manifest hand = Designs.read(mp);
      Manifest generated = Designs.read(Designs.write(Designs.specOf(hand, mp.toString()), dir.resolve(hand.top())));
      assertEquals(generated.top(), hand.top(), mp + ": the hand unit is named as qrtl's");
      assertEquals(generated.ports(), hand.ports(), mp + ": ports of the hand unit and of qrtl's");
      CosimReport r = Cosim.run(mp, new CosimOptions(1_000_000, SEED, Stimulus.parse("auto"), dev.qrtl.sim.Simulator.VERILATOR, null, 3, Duration.ofMinutes(10)));
      System.out.printf("hand RTL %-48s %9d checked, %d mismatches, %s, seed %d%n", r.design(), r.checked(), r.mismatches(), r.stimulus(), SEED);
      assertTrue(r.passed() && r.checked() >= 1_000_000, r.toText());
    }
  }
}
