package dev.qrtl.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The number formats against the MX reference table (largest value, smallest subnormal, emax),
 * every code of every element format decoded and encoded back, rounding at every midpoint between
 * neighbouring codes (ties to even and ties away), and saturation.
 */
class NumberFormatTest {
  private static final List<NumberFormat.SmallFloat> FLOATS = List.of(NumberFormat.E4M3, NumberFormat.E5M2, NumberFormat.E2M3,
      NumberFormat.E3M2, NumberFormat.E2M1);

  @Test
  void theReferenceTable() {
    double[][] table = {{448, -9, 8}, {57344, -16, 15}, {7.5, -3, 2}, {28, -4, 4}, {6, -1, 2}};
    for (int i = 0; i < FLOATS.size(); i++) {
      NumberFormat.SmallFloat f = FLOATS.get(i);
      assertEquals(table[i][0], f.maxFinite(), f.name());
      assertEquals(Math.scalb(1.0, (int) table[i][1]), f.minSubnormal(), f.name());
      assertEquals((int) table[i][2], f.emax(), f.name());
    }
    assertEquals(127 / 64.0, NumberFormat.INT8.maxValue());
    assertEquals(-127, NumberFormat.INT8.minCode(), "symmetric: -128 unused");
    assertEquals(0, NumberFormat.INT8.emax());
    assertEquals(Math.scalb(1.0, -127), NumberFormat.E8M0.decode(0));
    assertTrue(Double.isNaN(NumberFormat.E8M0.decode(0xFF)));
    assertEquals(127, NumberFormat.E8M0.maxExponent());
  }

  @Test
  void everyCodeDecodesAndEncodesBackAndMidpointsRoundByTheRule() {
    long checked = 0;
    for (NumberFormat.SmallFloat f : FLOATS) {
      int codes = 1 << f.bits();
      double previous = -1;
      int previousCode = -1;
      for (int c = 0; c < codes / 2; c++) { // the positive half, ascending
        double v = f.decode(c);
        if (Double.isNaN(v) || Double.isInfinite(v)) {
          continue;
        }
        assertEquals(c, f.encode(v, true), f.name() + " code " + c);
        assertEquals(c | codes / 2, f.encode(-v, true), f.name() + " code -" + c + " keeps its sign");
        if (previousCode >= 0) {
          assertTrue(v > previous, f.name() + ": codes ascend");
          double mid = (previous + v) / 2;
          int even = (previousCode & 1) == 0 ? previousCode : c;
          assertEquals(even, f.encode(mid, true), f.name() + " midpoint " + mid + " ties to even");
          assertEquals(c, f.encode(mid, false), f.name() + " midpoint " + mid + " ties away");
          assertEquals(previousCode, f.encode(Math.nextDown(mid), true));
          assertEquals(c, f.encode(Math.nextUp(mid), true));
          checked += 5;
        }
        previous = v;
        previousCode = c;
        checked += 2;
      }
      assertEquals(f.encode(f.maxFinite(), true), f.encode(1e30, true), f.name() + " saturates");
      assertEquals(f.encode(-f.maxFinite(), true), f.encode(-1e30, true));
    }
    System.out.printf("number formats: %d encode/decode checks over every code of E4M3, E5M2, E2M3, E3M2, E2M1%n", checked);
  }
}
