package dev.qrtl.power;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.qrtl.core.Module;
import dev.qrtl.scheme.Schemes;
import dev.qrtl.spec.QuantizerSpec;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.synth.SynthMode;
import dev.qrtl.synth.SynthResult;
import dev.qrtl.synth.SynthRunner;
import dev.qrtl.synth.TechLibraries;
import dev.qrtl.synth.YosysNetlist;
import dev.qrtl.testing.ToolGate;
import dev.qrtl.verilog.DesignWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bit-parallel zero-delay evaluator against the event simulator's zero-delay propagation on
 * mapped requantizers of three schemes (shift-round, tflite-double, dyadic:m=8, 32 -> 8, the
 * embedded library): the same outputs and, gate by gate, the same number of output toggles over
 * 5,000 operations with every input drawn uniformly (seed below), 64 operations a word and a last
 * partial word of 8.
 */
@Tag("tools")
class BitParallelZeroDelayTest {
  private static final long SEED = 20261207L;
  @TempDir Path dir;

  /** Counts transitions per gate, and of the inputs. */
  private static final class Counting implements EnergyModel {
    final long[] gates;
    long sources;

    Counting(int gates) {
      this.gates = new long[gates];
    }

    @Override
    public void transition(int gate, double timeNs, boolean rising, int cause, double inputSlewNs, int inputRow) {
      gates[gate]++;
    }

    @Override
    public void sourceTransition(int net, boolean rising) {
      sources++;
    }

    @Override
    public void clockEdge() {}

    @Override
    public void evaluation() {}

    @Override
    public Map<String, Energy> energyByGroup(double clockNs) {
      return Map.of();
    }

    @Override
    public void reset() {
      java.util.Arrays.fill(gates, 0);
      sources = 0;
    }
  }

  private Elaboration elaborate(Module m, TechLibraries.Resolved tech) throws Exception {
    SynthResult r = SynthRunner.run(DesignWriter.write(m, "quantizer", null, dir.resolve(m.name())), tech, SynthMode.FLAT,
        Duration.ofMinutes(10));
    YosysNetlist net = YosysNetlist.parse(Files.readString(Path.of(r.netlistDir(), "netlist.json")), "netlist");
    return new Elaboration(net, m.name(), tech.library());
  }

  @Test
  void sameOutputsAndSameTogglesGateByGateAsTheEventSimulator() throws Exception {
    ToolGate.require("yosys");
    var tech = TechLibraries.resolve("default", null);
    int operations = 5_000;
    for (String form : new String[] {"shift-round", "tflite-double", "dyadic:m=8"}) {
      Schemes.Form f = Schemes.form(form);
      QuantizerSpec spec = f.scheme().forComparison(f.form(), 32, 8, Stimulus.parse("uniform"), 0);
      Module m = Schemes.generate(spec);
      Elaboration e = elaborate(m, tech);
      Counting counts = new Counting(e.gates.length);
      GateSimulator events = new GateSimulator(e, GateSimulator.Timing.ZERO_DELAY, counts);
      BitParallelZeroDelay words = new BitParallelZeroDelay(e);
      SplittableRandom rnd = new SplittableRandom(SEED);
      Map<String, int[]> inputs = e.flat.inputs();
      long[][] drawn = new long[64][];
      String[] names = inputs.keySet().toArray(new String[0]);
      int lane = 0;
      long t0 = 0;
      long tWords = 0;
      long tEvents = 0;
      for (int op = 0; op < operations; op++) {
        long[] v = new long[names.length];
        for (int p = 0; p < names.length; p++) {
          v[p] = rnd.nextLong();
          words.set(names[p], lane, v[p]);
          events.set(names[p], v[p]);
        }
        drawn[lane] = v;
        t0 = System.nanoTime();
        events.eval();
        tEvents += System.nanoTime() - t0;
        long[] want = new long[] {events.get("q")};
        lane++;
        if (lane == 64 || op == operations - 1) {
          t0 = System.nanoTime();
          words.evaluate(lane);
          tWords += System.nanoTime() - t0;
          assertEquals(want[0], words.get("q", lane - 1), form + ": operation " + op);
          lane = 0;
        }
      }
      assertEquals(operations, words.operations());
      assertEquals(counts.sources, words.sourceToggles(), form + ": input toggles");
      assertArrayEquals(counts.gates, words.gateToggles(), form + ": toggles per gate");
      System.out.printf("%s 32 -> 8 (%d gates): %,d operations (seed %d), %,d gate toggles equal gate by gate; zero delay: events %.1f M"
          + " gate evaluations/s, bit-parallel %.1f M/s%n", form, e.gates.length, operations, SEED,
          java.util.Arrays.stream(counts.gates).sum(), (double) operations * e.gates.length / tEvents * 1e3,
          (double) operations * e.gates.length / tWords * 1e3);
    }
  }

  /**
   * Priced: the library model's energy of the same 5,000 operations, by group (combinational,
   * leakage) and its switching part, equal to the event simulator's bit for bit (the model prices
   * event counts, so the order in which events arrive cannot change a digit): shift-round, tflite-double, dyadic:m=8 and
   * fp32-scale on the embedded library, shift-round and dyadic:m=8 on NanGate45.
   */
  @Test
  void sameEnergiesAsTheLibraryModelOnTheEventSimulator() throws Exception {
    ToolGate.require("yosys");
    int operations = 5_000;
    for (String lib : new String[] {"default", "nangate45"}) {
      var tech = TechLibraries.resolve(lib, null);
      // every scheme on the embedded library (netlists the suite's comparisons synthesize anyway); the cheap two on NanGate45
      String[] forms = lib.equals("default") ? new String[] {"shift-round", "tflite-double", "dyadic:m=8", "fp32-scale"}
          : new String[] {"shift-round", "dyadic:m=8"};
      for (String form : forms) {
        Schemes.Form f = Schemes.form(form);
        QuantizerSpec spec = f.scheme().forComparison(f.form(), 32, 8, Stimulus.parse("uniform"), 0);
        Elaboration e = elaborate(Schemes.generate(spec), tech);
        LibertyEnergyModel eventsModel = new LibertyEnergyModel(e);
        GateSimulator events = new GateSimulator(e, GateSimulator.Timing.ZERO_DELAY, eventsModel);
        BitParallelZeroDelay words = new BitParallelZeroDelay(e, new LibertyEnergyModel(e));
        SplittableRandom rnd = new SplittableRandom(SEED + 1);
        String[] names = e.flat.inputs().keySet().toArray(new String[0]);
        int lane = 0;
        for (int op = 0; op < operations; op++) {
          for (String name : names) {
            long v = rnd.nextInt(4) == 0 ? rnd.nextLong() : rnd.nextInt(1 << 12) - (1 << 11); // mostly small values, as data is
            words.set(name, lane, v);
            events.set(name, v);
          }
          events.eval();
          if (++lane == 64 || op == operations - 1) {
            words.evaluate(lane);
            lane = 0;
          }
        }
        Map<String, Energy> want = events.energyByGroup(2.0);
        Map<String, Energy> got = words.energyByGroup(2.0);
        // the models price counts, so the same events give the same doubles, not merely close ones
        assertEquals(want, got, form);
        assertEquals(eventsModel.switchingPj(), words.switchingPj(), form);
        System.out.printf("%s %s 32 -> 8: %,d operations, zero-delay energy %.6f pJ per operation from both simulators%n", lib, form,
            operations, want.values().stream().mapToDouble(Energy::totalPj).sum() / operations);
      }
    }
  }

  @Test
  void aNetlistWithFlipFlopsIsRefused() throws Exception {
    ToolGate.require("yosys");
    var tech = TechLibraries.resolve("default", null);
    Schemes.Form f = Schemes.form("shift-round");
    QuantizerSpec spec = f.scheme().forComparison(f.form(), 16, 8, Stimulus.parse("uniform"), 1);
    Elaboration e = elaborate(Schemes.generate(spec), tech);
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> new BitParallelZeroDelay(e));
    assertEquals(true, x.getMessage().contains("flip-flops"), x.getMessage());
  }
}
