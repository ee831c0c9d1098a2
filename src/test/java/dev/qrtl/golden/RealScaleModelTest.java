package dev.qrtl.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The exact reference {@code q* = clamp(round_half_even(acc * S) + zp)}: hand-computed cases
 * (ties of both signs, S a power of two and one ulp below or above one, saturation, 64-bit
 * accumulators), and the fast 128-bit path against the BigDecimal definition on seeded random
 * cases across every width and scale range.
 */
class RealScaleModelTest {
  private static final OutputRange S8 = new OutputRange(8, true, false, true);

  private static long q(double scale, long acc) {
    return RealScaleModel.of(scale, 0, S8).exact(acc);
  }

  @Test
  void tiesGoToEvenOnBothSides() {
    assertEquals(0, q(0.5, 1)); // 0.5
    assertEquals(2, q(0.5, 3)); // 1.5
    assertEquals(2, q(0.5, 5)); // 2.5
    assertEquals(0, q(0.5, -1)); // -0.5
    assertEquals(-2, q(0.5, -3)); // -1.5
    assertEquals(-2, q(0.5, -5)); // -2.5
    assertEquals(2, q(0x1p-8, 384)); // 1.5 at S = 2^-8
    assertEquals(2, q(0x1p-8, 640)); // 2.5
    assertEquals(-2, q(0x1p-8, -640));
    assertEquals(1, q(0.5, 2)); // no tie: exact
  }

  @Test
  void scalesOneUlpAroundAPowerOfTwoBreakTheTie() {
    double below = Math.nextDown(0.25);
    double above = Math.nextUp(0.25);
    assertEquals(0, q(below, 2)); // 0.5 - tiny
    assertEquals(1, q(below, 6)); // 1.5 - tiny
    assertEquals(1, q(above, 2)); // 0.5 + tiny
    assertEquals(2, q(above, 6)); // 1.5 + tiny
    assertEquals(-1, q(above, -2)); // -0.5 - tiny
    assertEquals(0, q(below, -2)); // -0.5 + tiny
  }

  @Test
  void saturatesAfterRoundingAndTheZeroPoint() {
    assertEquals(127, q(1.0 / 16, 2040)); // 127.5 -> 128 -> 127
    assertEquals(126, q(1.0 / 16, 2024)); // 126.5 -> 126 (even)
    assertEquals(-128, q(1.0 / 16, -2056)); // -128.5 -> -128
    assertEquals(-128, q(1.0 / 16, -2072)); // -129.5 -> -130 -> -128
    assertEquals(12, RealScaleModel.of(0.5, 10, S8).exact(5)); // 2.5 -> 2, + 10
    assertEquals(127, RealScaleModel.of(0.5, 100, S8).exact(60)); // 30 + 100 -> 127
    assertEquals(-128, q(0.5, Long.MIN_VALUE));
    assertEquals(127, q(0.5, Long.MAX_VALUE));
    assertEquals(0, q(Double.MIN_VALUE, Long.MAX_VALUE)); // 2^63 * 2^-1074 rounds to 0
    assertEquals(127, q(3.0, 50)); // S >= 1 takes the definition's path
  }

  @Test
  void refusesScalesThatMeanNothing() {
    for (double s : new double[] {0, -0.0, -1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RealScaleModel.of(s, 0, S8));
      assertTrue(e.getMessage().contains("scale " + s), e.getMessage());
    }
  }

  @Test
  void fastPathEqualsTheBigDecimalDefinitionOnRandomCases() {
    long seed = 20261201L;
    int cases = 400_000;
    SplittableRandom rnd = new SplittableRandom(seed);
    int checked = 0;
    for (int i = 0; i < cases; i++) {
      int accBits = 2 + rnd.nextInt(63);
      long acc = accBits == 64 ? rnd.nextLong() : rnd.nextLong(-(1L << (accBits - 1)), 1L << (accBits - 1));
      double scale = switch (i % 4) {
        case 0 -> Math.scalb(1.0 + rnd.nextDouble(), -rnd.nextInt(1, 70)); // requantization scales
        case 1 -> Math.scalb(1.0, -rnd.nextInt(0, 130)); // exact powers of two: ties
        case 2 -> Math.scalb((double) (rnd.nextInt(1, 1 << 12) | 1), -rnd.nextInt(8, 80)); // short mantissas: many ties
        default -> Math.scalb(1.0 + rnd.nextDouble(), rnd.nextInt(-1073, 4)); // anything, subnormal to > 1
      };
      int outBits = 2 + rnd.nextInt(31);
      OutputRange out = new OutputRange(outBits, rnd.nextBoolean(), false, true);
      long zp = rnd.nextLong(out.min(), out.max() + 1);
      long fast = RealScaleModel.of(scale, zp, out).exact(acc);
      long slow = RealScaleModel.bruteForce(acc, scale, zp, out);
      assertEquals(slow, fast, "acc=" + acc + " S=" + scale + " zp=" + zp + " out=" + out);
      checked++;
    }
    System.out.printf("RealScaleModel: fast path equals BigDecimal on %d random cases, seed %d%n", checked, seed);
  }
}
