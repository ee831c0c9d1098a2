package dev.qrtl.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.bench.IsolationBenchmark;
import dev.qrtl.spec.MacArraySpec;
import dev.qrtl.spec.MacForm;
import dev.qrtl.spec.OutputSpec;
import dev.qrtl.spec.Rounding;
import dev.qrtl.spec.ShiftRoundSpec;
import dev.qrtl.spec.UnifiedSpec;
import dev.qrtl.testing.ToolGate;
import java.util.Locale;
import java.util.OptionalInt;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The unified module's operand-isolated epilogue switches once per output instead of on each of
 * the K partial sums: on a 2x2 array with K = 32, its requantizers take less than 70 % of the energy
 * of the same module without isolation, and both still produce every output the golden model
 * expects (the isolation only hides partial sums, which no one reads).
 */
@Tag("tools")
class OperandIsolationTest {
  @Test
  void isolatedEpilogueSpendsLessAndComputesTheSame() {
    ToolGate.require("yosys", "verilator");
    MacArraySpec arr = new MacArraySpec(2, 2, 8, true, 8, true, 32, OptionalInt.empty(), MacForm.SYSTOLIC, 1, true, false);
    UnifiedSpec spec = new UnifiedSpec(arr, new ShiftRoundSpec(arr.accBits(), new OutputSpec(8, true, true, true),
        Rounding.HALF_UP, OptionalInt.empty(), true, 0, false));
    IsolationBenchmark.Result r = IsolationBenchmark.measure(spec, "default", 256, "products:k=32");
    double iso = IsolationBenchmark.requantizersPj(r.isolated());
    double plain = IsolationBenchmark.requantizersPj(r.plain());
    System.out.printf(Locale.ROOT, "operand isolation, 2x2 K=32: requantizers %.4f pJ/output isolated, %.4f without; total %.4f and %.4f%n",
        iso, plain, r.isolated().delays().totalPj(), r.plain().delays().totalPj());
    assertEquals(r.isolated().gateLevelChecks(), r.plain().gateLevelChecks());
    assertTrue(r.isolated().gateLevelChecks() >= 256, "every output checked: " + r.isolated().gateLevelChecks());
    assertTrue(iso < 0.7 * plain, "isolation should cut the epilogue's switching: " + iso + " vs " + plain);
    assertTrue(r.isolated().delays().totalPj() < r.plain().delays().totalPj(), "and the module's total");
  }
}
