package dev.qrtl.gen.mac;

import dev.qrtl.spec.MacArraySpec;
import dev.qrtl.spec.MacForm;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.core.Module;
import dev.qrtl.eval.IrSimulator;
import dev.qrtl.golden.MacArrayModel;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** MAC arrays through the IR evaluator against the transaction-level golden model. */
class MacArrayTileTest {
  private static final long SEED = 4242L;

  static long[][] randomMatrix(Random rnd, int rows, int cols, int bits, boolean signed) {
    long[][] m = new long[rows][cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        long v = rnd.nextLong() & ((1L << bits) - 1);
        m[i][j] = signed ? v - (1L << (bits - 1)) : v;
      }
    }
    return m;
  }

  static MacArraySpec randomSpec(Random rnd, int rows, int cols) {
    int aBits = 2 + rnd.nextInt(15);
    int wBits = 2 + rnd.nextInt(15);
    int k = 1 + rnd.nextInt(20);
    MacForm form = rnd.nextBoolean() ? MacForm.SYSTOLIC : MacForm.BROADCAST;
    int lanes = form == MacForm.BROADCAST ? new int[] {1, 2, 4}[rnd.nextInt(3)] : 1;
    return new MacArraySpec(rows, cols, aBits, rnd.nextBoolean(), wBits, rnd.nextBoolean(), k, OptionalInt.empty(), form,
        lanes, rnd.nextBoolean(), form == MacForm.BROADCAST && rnd.nextBoolean());
  }

  static void checkTile(MacArraySpec s, long[][] a, long[][] w) {
    Module m = MacArrayGenerator.generate(s);
    assertEquals(s.latency(s.k()), m.latency());
    long[][] got = TileDriver.run(new IrSimulator(m), s, a, w, s.latency(w.length), "acc_");
    long[][] expected = MacArrayModel.multiply(a, w);
    for (int i = 0; i < s.rows(); i++) {
      assertArrayEquals(expected[i], got[i], "row " + i + " of " + m.name() + " K=" + w.length);
    }
  }

  @Test
  void randomTilesOverShapesWidthsSignednessAndForms() {
    Random rnd = new Random(SEED);
    int tiles = 0;
    for (int rows = 1; rows <= 8; rows++) {
      for (int cols : new int[] {1, 1 + rnd.nextInt(8), 8}) {
        MacArraySpec s = randomSpec(rnd, rows, cols);
        int k = 1 + rnd.nextInt(s.k()); // a tile may be shorter than the K the array is sized for
        checkTile(s, randomMatrix(rnd, rows, k, s.aBits(), s.aSigned()), randomMatrix(rnd, k, cols, s.wBits(), s.wSigned()));
        tiles++;
      }
    }
    System.out.printf("MAC array tiles: %d random tiles, shapes 1x1..8x8, widths 2..16, both forms, seed %d%n", tiles, SEED);
  }

  @Test
  void accumulatorHoldsTheLargestSumsOfKTerms() {
    int checked = 0;
    for (boolean aSigned : new boolean[] {true, false}) {
      for (boolean wSigned : new boolean[] {true, false}) {
        for (int k : new int[] {1, 37, 64}) {
          for (int bits : new int[] {2, 8, 16}) {
            MacArraySpec s = new MacArraySpec(2, 2, bits, aSigned, bits, wSigned, k, OptionalInt.empty(), MacForm.BROADCAST, 1, true, false);
            long aMin = aSigned ? -(1L << (bits - 1)) : 0;
            long aMax = aSigned ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
            long wMin = wSigned ? -(1L << (bits - 1)) : 0;
            long wMax = wSigned ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
            // row 0 x col 0: most positive (min*min or max*max); row 1 x col 1: most negative.
            long[][] a = new long[2][k];
            long[][] w = new long[k][2];
            for (int t = 0; t < k; t++) {
              boolean minMin = aMin * wMin > aMax * wMax;
              a[0][t] = minMin ? aMin : aMax;
              w[t][0] = minMin ? wMin : wMax;
              boolean aNeg = aMin * wMax < aMax * wMin;
              a[1][t] = aNeg ? aMin : aMax;
              w[t][1] = aNeg ? wMax : wMin;
            }
            long[][] exact = MacArrayModel.multiply(a, w);
            long limit = 1L << (s.accBits() - 1);
            assertTrue(exact[0][0] < limit && exact[1][1] >= -limit, "the bound holds the extreme sums");
            checkTile(s, a, w);
            checked++;
          }
        }
      }
    }
    System.out.printf("accumulator-overflow boundary: %d configurations at K = 1, 37, 64%n", checked);
  }

  @Test
  void explicitAccumulatorWidthIsChecked() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
        new MacArraySpec(8, 8, 8, true, 8, true, 256, OptionalInt.of(20), MacForm.SYSTOLIC, 1, true, false));
    assertTrue(e.getMessage().contains("needs 24..64 bits"), e.getMessage());
    assertEquals(24, new MacArraySpec(8, 8, 8, true, 8, true, 256, OptionalInt.empty(), MacForm.SYSTOLIC, 1, true, false).accBits());
    assertEquals(25, MacArraySpec.requiredAccBits(8, false, 8, false, 256), "unsigned x unsigned needs a sign bit");
    assertThrows(IllegalArgumentException.class, () ->
        new MacArraySpec(65, 8, 8, true, 8, true, 16, OptionalInt.empty(), MacForm.SYSTOLIC, 1, true, false));
    assertThrows(IllegalArgumentException.class, () ->
        new MacArraySpec(8, 8, 8, true, 8, true, 16, OptionalInt.empty(), MacForm.SYSTOLIC, 4, true, false));
  }

  @Test
  void identicalPesAreEmittedOnce() {
    MacArraySpec s = new MacArraySpec(4, 4, 8, true, 8, true, 16, OptionalInt.empty(), MacForm.SYSTOLIC, 1, true, false);
    var design = dev.qrtl.verilog.VerilogEmitter.emit(MacArrayGenerator.generate(s));
    assertEquals(2, design.modules().size(), "one PE module and the array");
    assertEquals(16, design.topText().split("mac_pe_sys_a8s_w8s_acc20 pe_", -1).length - 1);
  }
}
