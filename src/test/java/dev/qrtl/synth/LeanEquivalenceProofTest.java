package dev.qrtl.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.core.Module;
import dev.qrtl.energy.EnergyOptions;
import dev.qrtl.scheme.Schemes;
import dev.qrtl.spec.QuantizerSpec;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.testing.ToolGate;
import dev.qrtl.verilog.VerilogEmitter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every lean requantizer of the comparison sweep at 32 -> 8 (the run-time units, the constant
 * shift, floor and the dyadic one) is proved equal, for all 2^N inputs, to the straightforward
 * full-width form it replaced, with Yosys's SAT solver; a deliberately different pair is refused
 * with a counterexample, so the proof can fail. The times go to the report.
 */
class LeanEquivalenceProofTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  @Test
  void everyRewrittenUnitIsProvedEqualToItsPlainForm() {
    ToolGate.require("yosys");
    Stimulus stimulus = Stimulus.parse(EnergyOptions.DEFAULT_STIMULUS);
    List<String> proved = new ArrayList<>();
    for (int outBits : new int[] {4, 8, 16}) {
      for (Schemes.Form f : Schemes.defaultForms()) {
        if (f.scheme().unsupported(32, outBits).isPresent()) {
          continue;
        }
        QuantizerSpec spec = f.scheme().forComparison(f.form(), 32, outBits, stimulus, 0);
        Optional<Module> plain = f.scheme().generatePlainAny(spec);
        if (plain.isEmpty()) {
          continue;
        }
        EquivalenceProof.Result r = EquivalenceProof.prove(VerilogEmitter.emit(plain.get()),
            VerilogEmitter.emit(f.scheme().generateAny(spec)), TIMEOUT);
        assertTrue(r.proved(), f.label() + " 32 -> " + outBits + " differs from its plain form:\n" + r.counterexample());
        proved.add(String.format(Locale.ROOT, "%s 32->%d %.1f s", f.label(), outBits, r.time().toNanos() / 1e9));
      }
    }
    System.out.println("proved equivalent (" + SynthRunner.yosysVersion() + "): " + String.join("; ", proved));
    assertTrue(proved.size() >= 18, "expected every shift-round, floor, tflite, fp32 and dyadic unit at 3 widths: " + proved);
  }

  @Test
  void aDifferentFunctionIsRefusedWithACounterexample() {
    ToolGate.require("yosys");
    Stimulus stimulus = Stimulus.parse(EnergyOptions.DEFAULT_STIMULUS);
    Schemes.Form halfUp = Schemes.form("shift-round");
    Schemes.Form floor = Schemes.form("floor");
    // Same ports (acc, shift -> q), different rounding: must not prove.
    Module a = halfUp.scheme().generateAny(halfUp.scheme().forComparison(halfUp.form(), 32, 8, stimulus, 0));
    Module b = floor.scheme().generateAny(floor.scheme().forComparison(floor.form(), 32, 8, stimulus, 0));
    EquivalenceProof.Result r = EquivalenceProof.prove(VerilogEmitter.emit(a), VerilogEmitter.emit(b), TIMEOUT);
    assertFalse(r.proved());
    assertTrue(r.counterexample().contains("\\in_acc") || r.counterexample().contains("in_acc"), r.counterexample());
    assertEquals(a.name(), r.gold());
  }
}
