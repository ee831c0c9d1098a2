package dev.qrtl.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.core.Module;
import dev.qrtl.kind.QuantizerRecords;
import dev.qrtl.kind.TileRecords;
import dev.qrtl.eval.IrSimulator;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.kind.Designs;
import dev.qrtl.kind.SpecJson;
import dev.qrtl.spec.DesignSpec;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.testing.Cases;
import dev.qrtl.testing.RecordReplay;
import dev.qrtl.verilog.DesignWriter;
import dev.qrtl.verilog.VerilogEmitter;
import org.junit.jupiter.api.Test;

/**
 * Every case of the registry, generator against golden model on the IR evaluator: requantizers on
 * the scheme's corner cases plus uniform random inputs, then on realistic accumulators with fitted
 * parameters; MAC designs on whole tiles. The same record streams co-simulation uses.
 */
class CaseEquivalenceTest {
  private static final long SEED = 20261201L;
  private static final long VECTORS = 6000;

  static Manifest manifest(DesignSpec spec, Module m) {
    return DesignWriter.manifest(m, VerilogEmitter.emit(m), dev.qrtl.kind.DesignKinds.of(spec).name(), SpecJson.toTree(spec));
  }

  @Test
  void everyQuantizerCaseMatchesItsGoldenModel() {
    long total = 0;
    int cases = 0;
    for (Cases.Quantizer c : Cases.quantizers()) {
      if (!c.feeds(Cases.Check.EQUIVALENCE)) {
        continue;
      }
      Module m = Designs.generate(c.spec()).module();
      Manifest man = manifest(c.spec(), m);
      for (String stimulus : new String[] {"corners", "uniform", "products:k=64"}) {
        QuantizerRecords q = new QuantizerRecords(man, Stimulus.parse(stimulus), VECTORS, SEED, 97, true);
        RecordReplay.Result r = RecordReplay.run(new IrSimulator(m), man, q, q.total());
        assertEquals(0, r.mismatches(), c.name() + " (" + stimulus + "): " + r.firstMismatch());
        assertTrue(r.checked() > 0, c.name() + ": something was checked");
        total += r.checked();
      }
      cases++;
    }
    System.out.printf("case registry: %d requantizer cases, %d vectors through the IR evaluator (corner cases, uniform and"
        + " products:k=64 with fitted parameters; seed %d): 0 mismatches%n", cases, total, SEED);
    assertTrue(cases >= 20);
  }

  @Test
  void everyArrayCaseMatchesItsGoldenModel() {
    long total = 0;
    int cases = 0;
    for (Cases.Array c : Cases.arrays()) {
      if (!c.feeds(Cases.Check.EQUIVALENCE)) {
        continue;
      }
      Module m = Designs.generate(c.spec()).module();
      Manifest man = manifest(c.spec(), m);
      for (String stimulus : new String[] {"auto", "products:k=16"}) {
        TileRecords t = TileRecords.of(man, Stimulus.parse(stimulus), 400, SEED);
        RecordReplay.Result r = RecordReplay.run(new IrSimulator(m), man, t, t.total());
        assertEquals(0, r.mismatches(), c.name() + " (" + stimulus + "): " + r.firstMismatch());
        assertTrue(r.checked() > 0, c.name());
        total += t.outputValues();
      }
      cases++;
    }
    System.out.printf("case registry: %d MAC cases, %d output values through the IR evaluator (seed %d): 0 mismatches%n", cases, total, SEED);
  }
}
