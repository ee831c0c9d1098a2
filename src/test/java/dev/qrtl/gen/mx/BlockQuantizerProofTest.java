package dev.qrtl.gen.mx;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.core.Module;
import dev.qrtl.gen.quant.Structure;
import dev.qrtl.spec.BlockQuantizerSpec;
import dev.qrtl.spec.BlockQuantizerSpec.BlockInput;
import dev.qrtl.spec.BlockQuantizerSpec.ScaleOverflow;
import dev.qrtl.spec.BlockQuantizerSpec.ScaleRule;
import dev.qrtl.spec.BlockQuantizerSpec.ZeroBlock;
import dev.qrtl.spec.MxFormat;
import dev.qrtl.spec.Rounding;
import dev.qrtl.synth.EquivalenceProof;
import dev.qrtl.synth.SynthRunner;
import dev.qrtl.testing.ToolGate;
import dev.qrtl.verilog.VerilogEmitter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The lean block quantizer proved equal to its plain form with Yosys's SAT solver for every input:
 * every format with 16-bit integer inputs and a run-time exponent (the shared exponent from the
 * OR's leading one against the comparison tree, the aligned conversion against full-width
 * rounding), at K = 32 for MXINT8, MXFP6 and MXFP4 and at K = 8 for the FP8 formats (whose K = 32
 * proofs take 26 and 56 s alone, docs/microscaling.md); at K = 8 the ceil rule with ties away on
 * two formats and fp32 inputs on three (an fp32 proof at K = 32 takes about 4 minutes). Two proofs
 * run at a time. A pair that differs in its rounding is refused with a counterexample, so the
 * proof can fail.
 */
@Tag("tools")
class BlockQuantizerProofTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  static List<BlockQuantizerSpec> proved() {
    BlockInput int16 = BlockInput.integer(16, OptionalInt.empty());
    List<BlockQuantizerSpec> out = new ArrayList<>();
    for (MxFormat f : MxFormat.values()) {
      // K = 32 where it takes under half a minute; the FP8 formats at K = 8 here (K = 32: 26 s and 56 s, docs/microscaling.md)
      boolean fp8 = f == MxFormat.MXFP8_E4M3 || f == MxFormat.MXFP8_E5M2;
      out.add(BlockQuantizerSpec.of(f, fp8 ? 8 : 32, int16));
    }
    for (MxFormat f : new MxFormat[] {MxFormat.MXINT8, MxFormat.MXFP8_E4M3}) {
      out.add(new BlockQuantizerSpec(f, 8, int16, ScaleRule.CEIL, Rounding.HALF_AWAY, false, ScaleOverflow.SATURATE, ZeroBlock.ONE, 0));
    }
    for (MxFormat f : new MxFormat[] {MxFormat.MXINT8, MxFormat.MXFP8_E5M2, MxFormat.MXFP4}) {
      out.add(new BlockQuantizerSpec(f, 8, BlockInput.fp32(), f == MxFormat.MXINT8 ? ScaleRule.CEIL : ScaleRule.FLOOR, Rounding.HALF_EVEN,
          false, ScaleOverflow.NAN, ZeroBlock.MIN, 0));
    }
    return out;
  }

  @Test
  void theLeanBlockQuantizerEqualsItsPlainForm() throws Exception {
    ToolGate.require("yosys");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> runs = new ArrayList<>();
      for (BlockQuantizerSpec s : proved()) {
        runs.add(pool.submit(() -> {
          Module lean = BlockQuantizerGenerator.generate(s, Structure.LEAN);
          Module plain = BlockQuantizerGenerator.generate(s, Structure.PLAIN);
          EquivalenceProof.Result r = EquivalenceProof.prove(VerilogEmitter.emit(plain), VerilogEmitter.emit(lean), TIMEOUT);
          assertTrue(r.proved(), lean.name() + " differs from its plain form:\n" + r.counterexample());
          return String.format(Locale.ROOT, "%s %.1f s", lean.name(), r.time().toNanos() / 1e9);
        }));
      }
      List<String> done = new ArrayList<>();
      for (Future<String> f : runs) {
        done.add(f.get());
      }
      System.out.println("MX block quantizers proved equal to their plain forms (" + SynthRunner.yosysVersion() + "): "
          + String.join("; ", done));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aDifferentRoundingIsRefusedWithACounterexample() {
    ToolGate.require("yosys");
    BlockInput in = BlockInput.integer(8, OptionalInt.empty());
    BlockQuantizerSpec even = BlockQuantizerSpec.of(MxFormat.MXFP4, 4, in);
    BlockQuantizerSpec away = new BlockQuantizerSpec(MxFormat.MXFP4, 4, in, ScaleRule.FLOOR, Rounding.HALF_AWAY, false, ScaleOverflow.NAN,
        ZeroBlock.MIN, 0);
    EquivalenceProof.Result r = EquivalenceProof.prove(VerilogEmitter.emit(BlockQuantizerGenerator.generate(even, Structure.PLAIN)),
        VerilogEmitter.emit(BlockQuantizerGenerator.generate(away, Structure.LEAN)), TIMEOUT);
    assertFalse(r.proved());
    assertTrue(r.counterexample().contains("x0") || r.counterexample().contains("in_x"), r.counterexample());
  }
}
