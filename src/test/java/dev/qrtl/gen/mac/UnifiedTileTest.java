package dev.qrtl.gen.mac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qrtl.core.Module;
import dev.qrtl.eval.IrSimulator;
import dev.qrtl.golden.Fp32ScaleModel;
import dev.qrtl.golden.MacArrayModel;
import dev.qrtl.golden.OutputRange;
import dev.qrtl.golden.ShiftRoundModel;
import dev.qrtl.golden.TfliteModel;
import dev.qrtl.golden.ThresholdModel;
import dev.qrtl.scheme.Schemes;
import dev.qrtl.spec.ConventionalSpec;
import dev.qrtl.spec.Fp32ScaleSpec;
import dev.qrtl.spec.MacArraySpec;
import dev.qrtl.spec.MacForm;
import dev.qrtl.spec.OutputSpec;
import dev.qrtl.spec.QuantizerSpec;
import dev.qrtl.spec.Rounding;
import dev.qrtl.spec.ShiftRoundSpec;
import dev.qrtl.spec.TfliteSpec;
import dev.qrtl.spec.ThresholdSpec;
import dev.qrtl.spec.UnifiedSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

/** Unified modules with every epilogue scheme, and the conventional pipeline, against golden models. */
class UnifiedTileTest {
  private static final long SEED = 77L;

  private static OutputRange range(OutputSpec o) {
    return new OutputRange(o.bits(), o.signed(), o.relu(), o.saturate());
  }

  /** Pokes column j's parameters and returns the golden requantizer for that column. */
  interface Column {
    LongUnaryOperator setUp(IrSimulator sim, int j, Random rnd);
  }

  private static void checkUnified(MacArraySpec a, QuantizerSpec epilogue, Column column, Random rnd) {
    Module m = UnifiedGenerator.generate(new UnifiedSpec(a, epilogue), Schemes::generate);
    IrSimulator sim = new IrSimulator(m);
    LongUnaryOperator[] perColumn = new LongUnaryOperator[a.cols()];
    for (int j = 0; j < a.cols(); j++) {
      perColumn[j] = column.setUp(sim, j, rnd);
    }
    for (int tile = 0; tile < 3; tile++) {
      long[][] x = MacArrayTileTest.randomMatrix(rnd, a.rows(), a.k(), a.aBits(), a.aSigned());
      long[][] w = MacArrayTileTest.randomMatrix(rnd, a.k(), a.cols(), a.wBits(), a.wSigned());
      long[][] got = TileDriver.run(sim, a, x, w, m.latency(), "q_");
      long[][] expected = MacArrayModel.unified(MacArrayModel.multiply(x, w), j -> perColumn[j]);
      for (int i = 0; i < a.rows(); i++) {
        assertArrayEquals(expected[i], got[i], "row " + i + " of " + m.name());
      }
    }
  }

  private static MacArraySpec array(MacForm form, int rows, int cols) {
    return new MacArraySpec(rows, cols, 8, false, 8, true, 16, OptionalInt.empty(), form, form == MacForm.BROADCAST ? 2 : 1,
        true, form == MacForm.BROADCAST);
  }

  @Test
  void everyEpilogueScheme() {
    Random rnd = new Random(SEED);
    MacArraySpec sys = array(MacForm.SYSTOLIC, 3, 4);
    MacArraySpec bc = array(MacForm.BROADCAST, 2, 3);
    int acc = sys.accBits();
    assertEquals(20, acc);
    OutputSpec s8relu = new OutputSpec(8, true, true, true);
    OutputSpec s8 = new OutputSpec(8, true, false, true);
    int schemes = 0;
    for (MacArraySpec a : List.of(sys, bc)) {
      checkUnified(a, new ShiftRoundSpec(acc, s8relu, Rounding.HALF_EVEN, OptionalInt.empty(), true, 1, false), (sim, j, r) -> {
        long bias = r.nextInt(1 << 12) - (1 << 11);
        int k = 4 + r.nextInt(10);
        sim.poke("bias_" + j, bias).poke("shift_" + j, k);
        return v -> ShiftRoundModel.requantize(v, bias, k, Rounding.HALF_EVEN, range(s8relu));
      }, rnd);
      checkUnified(a, new ShiftRoundSpec(acc, s8, Rounding.FLOOR, OptionalInt.of(9), false, 0, true),
          (sim, j, r) -> v -> ShiftRoundModel.requantize(v, 0, 9, Rounding.FLOOR, range(s8)), rnd);
      List<Integer> table = List.of(5, 7, 9, 11);
      checkUnified(a, new ShiftRoundSpec(acc, s8, Rounding.HALF_UP, OptionalInt.empty(), false, 0, false, table),
          (sim, j, r) -> v -> ShiftRoundModel.requantize(v, 0, table.get(Math.min(j, 3)), Rounding.HALF_UP, range(s8)), rnd);
      for (boolean single : new boolean[] {false, true}) {
        checkUnified(a, new TfliteSpec(acc, s8relu, single, OptionalInt.empty(), OptionalInt.empty(), OptionalLong.empty(), true, 0),
            (sim, j, r) -> {
              long bias = r.nextInt(1 << 12) - (1 << 11);
              int m0 = (1 << 30) + r.nextInt(1 << 30);
              int shift = -(4 + r.nextInt(10));
              long zp = r.nextInt(20) - 10;
              sim.poke("bias_" + j, bias).poke("m0_" + j, m0).poke("shift_" + j, shift).poke("zero_point_" + j, zp);
              return v -> TfliteModel.requantize(v, bias, m0, shift, zp, single, range(s8relu));
            }, rnd);
      }
      checkUnified(a, new Fp32ScaleSpec(acc, s8, Optional.empty(), OptionalLong.empty(), true, 0), (sim, j, r) -> {
        long bias = r.nextInt(1 << 12) - (1 << 11);
        float scale = (float) Math.scalb(1.0 + r.nextDouble(), -(4 + r.nextInt(10)));
        long zp = r.nextInt(20) - 10;
        sim.poke("bias_" + j, bias).poke("scale_" + j, Integer.toUnsignedLong(Float.floatToRawIntBits(scale))).poke("zero_point_" + j, zp);
        return v -> Fp32ScaleModel.requantize(v + bias, scale, zp, range(s8));
      }, rnd);
      OutputSpec s3 = new OutputSpec(3, true, false, true);
      checkUnified(a, new ThresholdSpec(acc, s3, Optional.empty(), 0), (sim, j, r) -> {
        long[] t = new long[7];
        for (int i = 0; i < t.length; i++) {
          t[i] = r.nextInt(1 << 16) - (1 << 15);
        }
        Arrays.sort(t);
        for (int i = 0; i < t.length; i++) {
          sim.poke("thr_" + i + "_" + j, t[i]);
        }
        return v -> ThresholdModel.requantize(v, t, -4);
      }, rnd);
      schemes += 7;
    }
    System.out.printf("unified module: %d (array, epilogue) pairs x 3 tiles, all schemes, seed %d%n", schemes, SEED);
  }

  @Test
  void conventionalPipelineHasTwoRequantizationsAndASeparateRelu() {
    Random rnd = new Random(SEED + 1);
    MacArraySpec a = array(MacForm.SYSTOLIC, 2, 3);
    OutputSpec s8 = new OutputSpec(8, true, false, true);
    ShiftRoundSpec conv = new ShiftRoundSpec(a.accBits(), s8, Rounding.HALF_UP, OptionalInt.empty(), true, 0, false);
    int y = ConventionalSpec.bnValueBits(conv, 8, 16);
    ShiftRoundSpec bn = new ShiftRoundSpec(y, s8, Rounding.HALF_UP, OptionalInt.empty(), false, 0, false);
    Module m = ConventionalGenerator.generate(new ConventionalSpec(a, conv, 8, 16, bn), Schemes::generate);
    assertEquals("2", m.params().get("quantization_ops_per_output"));
    IrSimulator sim = new IrSimulator(m);
    long[] bias = new long[a.cols()];
    int[] k1 = new int[a.cols()];
    int[] k2 = new int[a.cols()];
    long[] mul = new long[a.cols()];
    long[] add = new long[a.cols()];
    for (int j = 0; j < a.cols(); j++) {
      bias[j] = rnd.nextInt(4096) - 2048;
      k1[j] = 6 + rnd.nextInt(6);
      k2[j] = 3 + rnd.nextInt(5);
      mul[j] = rnd.nextInt(256) - 128;
      add[j] = rnd.nextInt(1 << 16) - (1 << 15);
      sim.poke("conv_bias_" + j, bias[j]).poke("conv_shift_" + j, k1[j]).poke("bn_shift_" + j, k2[j])
          .poke("bn_mul_" + j, mul[j]).poke("bn_add_" + j, add[j]);
    }
    OutputRange r8 = range(s8);
    for (int tile = 0; tile < 5; tile++) {
      long[][] x = MacArrayTileTest.randomMatrix(rnd, a.rows(), a.k(), a.aBits(), a.aSigned());
      long[][] w = MacArrayTileTest.randomMatrix(rnd, a.k(), a.cols(), a.wBits(), a.wSigned());
      long[][] got = TileDriver.run(sim, a, x, w, m.latency(), "q_");
      long[][] expected = MacArrayModel.conventional(MacArrayModel.multiply(x, w),
          j -> v -> ShiftRoundModel.requantize(v, bias[j], k1[j], Rounding.HALF_UP, r8), mul, add,
          j -> v -> ShiftRoundModel.requantize(v, 0, k2[j], Rounding.HALF_UP, r8));
      for (int i = 0; i < a.rows(); i++) {
        assertArrayEquals(expected[i], got[i], "row " + i);
      }
    }
  }
}
