package dev.qrtl.gen.quant;

import dev.qrtl.spec.OutputSpec;
import dev.qrtl.spec.ShiftRoundSpec;
import dev.qrtl.spec.TfliteSpec;
import dev.qrtl.spec.ThresholdSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qrtl.core.Module;
import dev.qrtl.eval.IrSimulator;
import dev.qrtl.golden.Fp32ScaleModel;
import dev.qrtl.golden.OutputRange;
import dev.qrtl.golden.ShiftRoundModel;
import dev.qrtl.golden.ThresholdModel;
import dev.qrtl.golden.TfliteModel;
import dev.qrtl.spec.Rounding;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generators (through the IR evaluator) against the independent golden models: exhaustive over
 * every 12-bit accumulator for small designs, seeded sweeps of the run-time parameters. Counts
 * and seeds are printed.
 */
class QuantizerEquivalenceTest {
  private static final long SEED = 20261128L;
  private static final int ACC = 12;
  private static final long ACC_MIN = -(1L << (ACC - 1));
  private static final long ACC_MAX = (1L << (ACC - 1)) - 1;

  static OutputRange range(OutputSpec o) {
    return new OutputRange(o.bits(), o.signed(), o.relu(), o.saturate());
  }

  @Test
  void shiftRoundConstantShiftExhaustive() {
    long vectors = 0;
    for (Rounding r : Rounding.values()) {
      for (int k = 0; k < ACC; k++) {
        OutputSpec out = Designs.s(8);
        IrSimulator sim = new IrSimulator(ShiftRoundGenerator.generate(Designs.shiftRound(ACC, out, r, k, false)));
        for (long acc = ACC_MIN; acc <= ACC_MAX; acc++) {
          sim.poke("acc", acc);
          assertEquals(ShiftRoundModel.requantize(acc, 0, k, r, range(out)), sim.peekLong("q"),
              "acc=" + acc + " k=" + k + " " + r);
          vectors++;
        }
      }
    }
    System.out.printf("shift-round, constant k: %d vectors (all 12-bit accumulators x k 0..11 x 4 rules)%n", vectors);
  }

  @Test
  void shiftRoundRuntimeShiftExhaustiveWithOutputVariants() {
    OutputSpec[] outs = {
      Designs.s(8), new OutputSpec(4, true, false, true), new OutputSpec(8, false, false, true),
      new OutputSpec(8, true, true, true), new OutputSpec(6, true, false, false), new OutputSpec(5, false, true, false)};
    long vectors = 0;
    for (Rounding r : Rounding.values()) {
      for (OutputSpec out : outs) {
        ShiftRoundSpec spec = Designs.shiftRound(ACC, out, r, null, false);
        IrSimulator sim = new IrSimulator(ShiftRoundGenerator.generate(spec));
        int maxShift = (1 << spec.shiftBits()) - 1; // every input value, also k >= 12
        for (int k = 0; k <= maxShift; k++) {
          sim.poke("shift", k);
          for (long acc = ACC_MIN; acc <= ACC_MAX; acc++) {
            sim.poke("acc", acc);
            assertEquals(ShiftRoundModel.requantize(acc, 0, k, r, range(out)), sim.peekLong("q"),
                "acc=" + acc + " k=" + k + " " + r + " " + out);
            vectors++;
          }
        }
      }
    }
    System.out.printf("shift-round, run-time k: %d vectors (all 12-bit accumulators x k 0..15 x 4 rules x 6 output forms)%n", vectors);
  }

  @Test
  void shiftRoundWithBiasAndTheFloorScheme() {
    Random rnd = new Random(SEED);
    long vectors = 0;
    for (Rounding r : Rounding.values()) {
      IrSimulator sim = new IrSimulator(ShiftRoundGenerator.generate(Designs.shiftRound(ACC, Designs.s(8), r, null, true)));
      for (int i = 0; i < 20000; i++) {
        long acc = ACC_MIN + rnd.nextInt(1 << ACC);
        long bias = ACC_MIN + rnd.nextInt(1 << ACC);
        int k = rnd.nextInt(ACC);
        sim.poke("acc", acc).poke("bias", bias).poke("shift", k);
        assertEquals(ShiftRoundModel.requantize(acc, bias, k, r, range(Designs.s(8))), sim.peekLong("q"));
        vectors++;
      }
    }
    ShiftRoundSpec floor = new ShiftRoundSpec(ACC, Designs.s(4), Rounding.FLOOR, java.util.OptionalInt.of(5), false, 0, true);
    Module floorModule = ShiftRoundGenerator.generate(floor);
    assertEquals("requant_floor_a12_q4s_k5", floorModule.name());
    IrSimulator sim = new IrSimulator(floorModule);
    for (long acc = ACC_MIN; acc <= ACC_MAX; acc++) {
      sim.poke("acc", acc);
      assertEquals(ShiftRoundModel.requantize(acc, 0, 5, Rounding.FLOOR, range(Designs.s(4))), sim.peekLong("q"));
      vectors++;
    }
    System.out.printf("shift-round with bias, floor scheme: %d vectors, seed %d%n", vectors, SEED);
  }

  @Test
  void tfliteSeededSweepOfM0AndShift() {
    Random rnd = new Random(SEED);
    long vectors = 0;
    for (boolean single : new boolean[] {false, true}) {
      OutputSpec out = Designs.s(8);
      IrSimulator sim = new IrSimulator(TfliteGenerator.generate(Designs.tflite(ACC, out, single, false)));
      int[] m0Corners = {0, 1 << 30, Integer.MAX_VALUE};
      int[] shiftCorners = single ? new int[] {-31, 30, 0} : new int[] {-32, -31, 30, 31, 0};
      for (int p = 0; p < 40; p++) {
        int m0 = p < m0Corners.length ? m0Corners[p] : (1 << 30) + rnd.nextInt(1 << 30);
        int shift = p < shiftCorners.length ? shiftCorners[p] : rnd.nextInt(single ? 62 : 64) - (single ? 31 : 32);
        if (single && (shift < -31 || shift > 30)) {
          continue;
        }
        long zp = rnd.nextInt(256) - 128;
        sim.poke("m0", m0).poke("shift", shift).poke("zero_point", zp);
        for (long acc = ACC_MIN; acc <= ACC_MAX; acc++) {
          sim.poke("acc", acc);
          assertEquals(TfliteModel.requantize(acc, 0, m0, shift, zp, single, range(out)), sim.peekLong("q"),
              "acc=" + acc + " m0=" + m0 + " shift=" + shift + " zp=" + zp + (single ? " single" : " double"));
          vectors++;
        }
      }
    }
    System.out.printf("tflite double+single: %d vectors (all 12-bit accumulators x 40 (M0, shift, zp) each), seed %d%n", vectors, SEED);
  }

  @Test
  void tfliteSrdhmSaturationAndInt32Bias() {
    OutputSpec out = Designs.s(16);
    IrSimulator sim = new IrSimulator(TfliteGenerator.generate(Designs.tflite(32, out, false, true)));
    // x = INT_MIN after the bias add and M0 = INT_MIN: the saturating SRDHM case.
    sim.poke("acc", Integer.MIN_VALUE).poke("bias", 0).poke("m0", Integer.MIN_VALUE).poke("shift", 0).poke("zero_point", 0);
    assertEquals(TfliteModel.requantize(Integer.MIN_VALUE, 0, Integer.MIN_VALUE, 0, 0, false, range(out)), sim.peekLong("q"));
    assertEquals(32767, sim.peekLong("q"));
    // int32 wrap of acc + bias
    sim.poke("acc", Integer.MAX_VALUE).poke("bias", 1).poke("m0", 1 << 30).poke("shift", -20);
    assertEquals(TfliteModel.requantize(Integer.MAX_VALUE, 1, 1 << 30, -20, 0, false, range(out)), sim.peekLong("q"));
    assertEquals(-1024, sim.peekLong("q"));
  }

  @Test
  void fp32ScaleSweep() {
    Random rnd = new Random(SEED);
    long vectors = 0;
    float[] corners = {0f, -0f, Float.MIN_VALUE, 1e-40f, 0.5f, 1f, -1f, 1f / 3, 0.0078125f, 1e-3f, 123.456f, -7.5e-4f,
        Float.MAX_VALUE, 3e38f, 1f / 4096, 1.5f / 4096};
    for (OutputSpec out : new OutputSpec[] {Designs.s(8), new OutputSpec(4, false, true, true)}) {
      IrSimulator sim = new IrSimulator(Fp32ScaleGenerator.generate(Designs.fp32(ACC, out, false)));
      for (int p = 0; p < 40; p++) {
        float scale = p < corners.length ? corners[p] : (float) (Math.pow(2, -rnd.nextInt(20)) * (rnd.nextDouble() * 2 - 1));
        long zp = rnd.nextInt(8);
        sim.poke("scale", Integer.toUnsignedLong(Float.floatToRawIntBits(scale))).poke("zero_point", zp);
        for (long acc = ACC_MIN; acc <= ACC_MAX; acc++) {
          sim.poke("acc", acc);
          assertEquals(Fp32ScaleModel.requantize(acc, scale, zp, range(out)), sim.peekLong("q"),
              "acc=" + acc + " scale=" + scale + " zp=" + zp);
          vectors++;
        }
      }
    }
    System.out.printf("fp32-scale: %d vectors (all 12-bit accumulators x 40 scales x 2 outputs), seed %d%n", vectors, SEED);
  }

  @Test
  void fp32AboveTwoTo24AndTiesAfterTheMultiply() {
    Random rnd = new Random(SEED + 1);
    OutputSpec out = Designs.s(8);
    IrSimulator sim = new IrSimulator(Fp32ScaleGenerator.generate(Designs.fp32(40, out, false)));
    long vectors = 0;
    for (int i = 0; i < 30000; i++) {
      long acc = (rnd.nextLong() >> (24 + rnd.nextInt(40))) ;
      // scales near 2^-e so that results land in range, with random low bits for ties
      float scale = (float) (Math.pow(2, -(rnd.nextInt(40))) * (1 + rnd.nextInt(8) / 8.0)) * (rnd.nextBoolean() ? 1 : -1);
      sim.poke("acc", acc).poke("scale", Integer.toUnsignedLong(Float.floatToRawIntBits(scale))).poke("zero_point", 0);
      assertEquals(Fp32ScaleModel.requantize(acc, scale, 0, range(out)), sim.peekLong("q"), "acc=" + acc + " scale=" + scale);
      vectors++;
    }
    System.out.printf("fp32-scale, 40-bit accumulators: %d vectors, seed %d%n", vectors, SEED + 1);
  }

  @Test
  void thresholdsRuntimeExhaustive() {
    Random rnd = new Random(SEED);
    OutputSpec out = new OutputSpec(3, true, false, true);
    IrSimulator sim = new IrSimulator(ThresholdGenerator.generate(Designs.threshold(ACC, out)));
    long vectors = 0;
    for (int set = 0; set < 20; set++) {
      long[] t = new long[7];
      for (int i = 0; i < t.length; i++) {
        t[i] = ACC_MIN + rnd.nextInt(1 << ACC);
      }
      Arrays.sort(t);
      for (int i = 0; i < t.length; i++) {
        sim.poke("thr_" + i, t[i]);
      }
      for (long acc = ACC_MIN; acc <= ACC_MAX; acc++) {
        sim.poke("acc", acc);
        assertEquals(ThresholdModel.requantize(acc, t, -4), sim.peekLong("q"));
        vectors++;
      }
    }
    System.out.printf("threshold: %d vectors (all 12-bit accumulators x 20 threshold sets), seed %d%n", vectors, SEED);
  }

  @Test
  void constantThresholdsDerivedFromShiftRoundEqualShiftRound() {
    OutputSpec out = new OutputSpec(4, true, true, true);
    OutputRange r = range(out);
    long[] t = ThresholdModel.fromMonotone(a -> ShiftRoundModel.requantize(a, 0, 6, Rounding.HALF_EVEN, r), ACC_MIN, ACC_MAX, -8, 7);
    IrSimulator sim = new IrSimulator(ThresholdGenerator.generate(
        new ThresholdSpec(ACC, out, ThresholdSpec.constants(t), 0)));
    for (long acc = ACC_MIN; acc <= ACC_MAX; acc++) {
      sim.poke("acc", acc);
      assertEquals(ShiftRoundModel.requantize(acc, 0, 6, Rounding.HALF_EVEN, r), sim.peekLong("q"), "acc=" + acc);
    }
  }

  @Test
  void perChannelConstantTablesExhaustive() {
    java.util.List<Integer> shifts = java.util.List.of(3, 7, 0, 11, 5);
    OutputSpec out = Designs.s(8);
    ShiftRoundSpec sr = new ShiftRoundSpec(ACC, out, Rounding.HALF_EVEN, java.util.OptionalInt.empty(), false, 0, false, shifts);
    IrSimulator sim = new IrSimulator(ShiftRoundGenerator.generate(sr));
    long vectors = 0;
    for (int ch = 0; ch < 8; ch++) { // 5 entries, 3-bit channel: 5..7 select the last entry
      int k = shifts.get(Math.min(ch, shifts.size() - 1));
      sim.poke("channel", ch);
      for (long acc = ACC_MIN; acc <= ACC_MAX; acc++) {
        sim.poke("acc", acc);
        assertEquals(ShiftRoundModel.requantize(acc, 0, k, Rounding.HALF_EVEN, range(out)), sim.peekLong("q"), "ch=" + ch + " acc=" + acc);
        vectors++;
      }
    }
    java.util.List<int[]> mult = java.util.List.of(new int[] {1 << 30, -3}, new int[] {1518500250, -7}, new int[] {0, 0});
    for (boolean single : new boolean[] {false, true}) {
      TfliteSpec tf = new TfliteSpec(ACC, out, single, java.util.OptionalInt.empty(), java.util.OptionalInt.empty(),
          java.util.OptionalLong.of(-3), false, 0, mult.stream().map(c -> new dev.qrtl.spec.ChannelPair(c[0], c[1])).toList());
      IrSimulator t = new IrSimulator(TfliteGenerator.generate(tf));
      for (int ch = 0; ch < 4; ch++) {
        int[] c = mult.get(Math.min(ch, mult.size() - 1));
        t.poke("channel", ch);
        for (long acc = ACC_MIN; acc <= ACC_MAX; acc++) {
          t.poke("acc", acc);
          assertEquals(TfliteModel.requantize(acc, 0, c[0], c[1], -3, single, range(out)), t.peekLong("q"), "ch=" + ch + " acc=" + acc);
          vectors++;
        }
      }
    }
    System.out.printf("per-channel tables (shift-round, tflite double and single): %d vectors, exhaustive%n", vectors);
  }

  @Test
  void pipelinedDesignsDelayByTheirLatency() {
    Random rnd = new Random(SEED);
    for (int stages = 1; stages <= 3; stages++) {
      OutputSpec out = Designs.s(8);
      ShiftRoundSpec spec = new ShiftRoundSpec(ACC, out, Rounding.HALF_AWAY, java.util.OptionalInt.empty(), true, stages, false);
      Module m = ShiftRoundGenerator.generate(spec);
      assertEquals(stages, m.latency());
      IrSimulator sim = new IrSimulator(m);
      long[] expected = new long[2000];
      for (int cycle = 0; cycle < expected.length; cycle++) {
        long acc = ACC_MIN + rnd.nextInt(1 << ACC);
        long bias = ACC_MIN + rnd.nextInt(1 << ACC);
        int k = rnd.nextInt(ACC);
        sim.poke("acc", acc).poke("bias", bias).poke("shift", k);
        expected[cycle] = ShiftRoundModel.requantize(acc, bias, k, Rounding.HALF_AWAY, range(out));
        if (cycle >= stages) {
          assertEquals(expected[cycle - stages], sim.peekLong("q"), "cycle " + cycle + ", latency " + stages);
        }
        sim.step();
      }
    }
  }
}
