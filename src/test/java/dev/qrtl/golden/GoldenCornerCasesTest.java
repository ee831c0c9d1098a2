package dev.qrtl.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.qrtl.spec.Rounding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The golden models against hand-computed tables: every corner of section 4 of the requantization
 * reference. Each expected value was worked out by hand from the reference's definitions.
 */
class GoldenCornerCasesTest {
  private static final OutputRange S8 = new OutputRange(8, true, false, true);

  /** Ties on both signs for every rounding rule: x / 2^k with x = m * 2^k + 2^(k-1). */
  @ParameterizedTest(name = "{0} / 2^{1} {2} = {3}")
  @CsvSource({
    // x, k, rule, expected              (x / 2^k)
    "6, 2, half-up, 2",      //  1.5 -> 2
    "-6, 2, half-up, -1",    // -1.5 -> -1 (toward +inf)
    "6, 2, half-away, 2",
    "-6, 2, half-away, -2",  // -1.5 -> -2 (away from zero)
    "6, 2, half-even, 2",    //  1.5 -> 2 (even)
    "10, 2, half-even, 2",   //  2.5 -> 2 (even)
    "-6, 2, half-even, -2",  // -1.5 -> -2 (even)
    "-10, 2, half-even, -2", // -2.5 -> -2 (even)
    "6, 2, floor, 1",
    "-6, 2, floor, -2",
    "2, 2, half-up, 1",      //  0.5 -> 1
    "-2, 2, half-up, 0",     // -0.5 -> 0
    "-2, 2, half-away, -1",
    "-2, 2, half-even, 0",
    "7, 2, half-even, 2",    //  1.75 -> 2 (not a tie)
    "-7, 2, half-even, -2",
    "-5, 2, half-away, -1",  // -1.25 -> -1
    "-5, 2, floor, -2",
    "5, 0, half-up, 5",      // k = 0 is the identity for every rule
    "-5, 0, half-even, -5",
    "-5, 0, floor, -5",
  })
  void tiesOnBothSignsForEveryRule(long x, int k, String rule, long expected) {
    assertEquals(expected, ShiftRoundModel.divide(x, k, Rounding.parse(rule)));
  }

  @Test
  void extremesOfA32BitAccumulatorAndTheLargestShift() {
    long min = Integer.MIN_VALUE;
    long max = Integer.MAX_VALUE;
    assertEquals(-1, ShiftRoundModel.divide(min, 31, Rounding.FLOOR));
    assertEquals(-1, ShiftRoundModel.divide(min, 31, Rounding.HALF_UP)); // exactly -1
    assertEquals(1, ShiftRoundModel.divide(max, 31, Rounding.HALF_UP));  // 0.99999... -> 1
    assertEquals(0, ShiftRoundModel.divide(max, 31, Rounding.FLOOR));
    // 64-bit extremes take the BigInteger path.
    assertEquals(-1, ShiftRoundModel.divide(Long.MIN_VALUE, 63, Rounding.HALF_EVEN));
    assertEquals(1, ShiftRoundModel.divide(Long.MAX_VALUE, 63, Rounding.HALF_AWAY));
  }

  @ParameterizedTest(name = "acc {0} >> 4 half-up to s8 = {1}")
  @CsvSource({
    // saturation bounds after rounding, k = 4: 127 * 16 = 2032
    "2039, 127",  // 127.4375 -> 127
    "2040, 127",  // 127.5 -> 128 -> saturates to 127
    "2024, 127",  // 126.5 -> 127
    "2023, 126",  // 126.4375 -> 126
    "-2048, -128", // -128 exactly
    "-2056, -128", // -128.5 -> -128 (half-up)
    "-2057, -128", // -128.5625 -> -129 -> saturates
    "-2040, -127", // -127.5 -> -127
  })
  void saturationEdges(long acc, long expected) {
    assertEquals(expected, ShiftRoundModel.requantize(acc, 0, 4, Rounding.HALF_UP, S8));
  }

  @Test
  void reluBiasUnsignedAndWrap() {
    OutputRange relu = new OutputRange(8, true, true, true);
    assertEquals(0, ShiftRoundModel.requantize(-100, 0, 2, Rounding.HALF_UP, relu));
    assertEquals(25, ShiftRoundModel.requantize(-100, 200, 2, Rounding.HALF_UP, relu));
    OutputRange u4 = new OutputRange(4, false, false, true);
    assertEquals(0, ShiftRoundModel.requantize(-3, 0, 0, Rounding.FLOOR, u4));
    assertEquals(15, ShiftRoundModel.requantize(16, 0, 0, Rounding.FLOOR, u4));
    OutputRange wrap = new OutputRange(4, true, false, false);
    assertEquals(-8, ShiftRoundModel.requantize(8, 0, 0, Rounding.FLOOR, wrap));  // 0b1000
    assertEquals(1, ShiftRoundModel.requantize(17, 0, 0, Rounding.FLOOR, wrap));  // 0b1_0001
    // acc + bias overflowing 64 bits takes the exact path.
    assertEquals(127, ShiftRoundModel.requantize(Long.MAX_VALUE, Long.MAX_VALUE, 1, Rounding.HALF_UP, S8));
  }

  @ParameterizedTest(name = "SRDHM({0}, {1}) = {2}")
  @CsvSource({
    "-2147483648, -2147483648, 2147483647", // the only saturating case
    "-2147483648, 2147483647, -2147483647", // -2^31 * (2^31-1) / 2^31 = -(2^31 - 1)
    "2147483647, 2147483647, 2147483646",   // (2^31-1)^2 / 2^31 = 2147483646.0000000005
    "1073741824, 1073741824, 536870912",    // 2^30 * 2^30 / 2^31 = 2^29
    "1, 1073741824, 1",                     // 0.5 -> 1 (ties toward +inf)
    "-1, 1073741824, 0",                    // -0.5 -> 0 (ties toward +inf)
    "3, 1073741824, 2",                     // 1.5 -> 2
    "-3, 1073741824, -1",                   // -1.5 -> -1
    "12345, 0, 0",                          // M0 = 0
  })
  void srdhm(int a, int b, int expected) {
    assertEquals(expected, TfliteModel.srdhm(a, b));
  }

  @ParameterizedTest(name = "RDBPOT({0}, {1}) = {2}")
  @CsvSource({
    "5, 1, 3", "-5, 1, -3",   // 2.5 -> 3, -2.5 -> -3 (away from zero)
    "6, 2, 2", "-6, 2, -2",   // 1.5 -> 2, -1.5 -> -2
    "-7, 2, -2", "-5, 2, -1", // -1.75 -> -2, -1.25 -> -1
    "7, 0, 7",                // e = 0
    "2147483647, 31, 1",      // 0.99999... -> 1
    "-2147483648, 31, -1",    // -1 exactly
    "-1073741824, 31, -1",    // -0.5 -> -1 (away)
    "1073741824, 31, 1",      // 0.5 -> 1
  })
  void rdbpot(int x, int e, int expected) {
    assertEquals(expected, TfliteModel.rdbpot(x, e));
  }

  @Test
  void doubleAndSingleRoundingDiffer() {
    // The reference's example: x = 191742, M0 = 1145775721, shift = -1.
    assertEquals(51152, TfliteModel.multiplyDouble(191742, 1145775721, -1));
    assertEquals(51151, TfliteModel.multiplySingle(191742, 1145775721, -1));
  }

  @Test
  void multiplierCornersM0AndShiftEnds() {
    assertEquals(0, TfliteModel.multiplyDouble(123456, 0, 0));
    assertEquals(61728, TfliteModel.multiplyDouble(123456, 1 << 30, 0));        // * 0.5
    assertEquals(123456, TfliteModel.multiplyDouble(123456, 1 << 30, 1));       // * 1
    // * (1 - 2^-31): 123456 - 0.0000575 rounds back to 123456
    assertEquals(123456, TfliteModel.multiplyDouble(123456, Integer.MAX_VALUE, 0));
    // shift at both ends: +30 shifts 3 << 30 (wrapping to -2^30), then * 0.5
    assertEquals(-(1 << 29), TfliteModel.multiplyDouble(3, 1 << 30, 30));
    // -31: x * 0.5 / 2^31. For 2^31 - 1 the exact value 0.49999... would round to 0, but double
    // rounding first makes SRDHM = round(2^30 - 0.5) = 2^30 (tie up), then 2^30 / 2^31 = 0.5 -> 1.
    assertEquals(1, TfliteModel.multiplyDouble(Integer.MAX_VALUE, 1 << 30, -31));
    assertEquals(0, TfliteModel.multiplySingle(Integer.MAX_VALUE, 1 << 30, -31)); // single: 0.49999 -> 0
    assertEquals(-1, TfliteModel.multiplyDouble(Integer.MIN_VALUE, 1 << 30, -31));
  }

  @Test
  void quantizeMultiplier() {
    assertEquals(new TfliteModel.Multiplier(1 << 30, 1), TfliteModel.quantizeMultiplier(1.0));
    assertEquals(new TfliteModel.Multiplier(1 << 30, 0), TfliteModel.quantizeMultiplier(0.5));
    assertEquals(new TfliteModel.Multiplier(1 << 30, -7), TfliteModel.quantizeMultiplier(1.0 / 256));
    assertEquals(new TfliteModel.Multiplier(0, 0), TfliteModel.quantizeMultiplier(0));
    assertEquals(new TfliteModel.Multiplier(0, 0), TfliteModel.quantizeMultiplier(1e-12)); // e < -31
    // q * 2^31 rounds up to 2^31: M0 = 2^30, e + 1.
    assertEquals(new TfliteModel.Multiplier(1 << 30, 1), TfliteModel.quantizeMultiplier(Math.nextDown(1.0)));
    // 0.3 = 0.6 * 2^-1: M0 = round(0.6 * 2^31) = 1288490189
    assertEquals(new TfliteModel.Multiplier(1288490189, -1), TfliteModel.quantizeMultiplier(0.3));
    assertThrows(IllegalArgumentException.class, () -> TfliteModel.quantizeMultiplier(-1));
  }

  @Test
  void shiftForScaleIsNearestInLog2() {
    assertEquals(8, ShiftRoundModel.shiftForScale(1.0 / 256));
    assertEquals(8, ShiftRoundModel.shiftForScale(1.0 / 300));   // log2(300) = 8.23
    assertEquals(9, ShiftRoundModel.shiftForScale(1.0 / 400));   // log2(400) = 8.64
    assertEquals(0, ShiftRoundModel.shiftForScale(1.0));
    assertEquals(-2, ShiftRoundModel.shiftForScale(4.0));
    assertThrows(IllegalArgumentException.class, () -> ShiftRoundModel.shiftForScale(0));
  }

  @Test
  void zeroPointsAtBothEnds() {
    OutputRange u8 = new OutputRange(8, false, false, true);
    assertEquals(255, TfliteModel.requantize(0, 0, 1 << 30, 0, 255, false, u8));
    assertEquals(0, TfliteModel.requantize(0, 0, 1 << 30, 0, 0, false, u8));
    assertEquals(-128, TfliteModel.requantize(-10, 0, 1 << 30, 0, -128, false, S8)); // -5 - 128 saturates
    assertEquals(127, TfliteModel.requantize(10, 0, 1 << 30, 0, 127, false, S8));
  }

  @Test
  void fp32ScaleCorners() {
    // above 2^24 the int -> float conversion loses bits: 16777217 -> 16777216 (ties to even)
    assertEquals(127, Fp32ScaleModel.requantize(16777217, 1f / 131072, 0, S8)); // 128 -> saturates
    assertEquals(64, Fp32ScaleModel.requantize(16777217, 1f / 262144, 0, S8));  // 64 exactly, not 64.0000038
    // ties after the multiply go to even
    assertEquals(2, Fp32ScaleModel.requantize(5, 0.5f, 0, S8));   // 2.5 -> 2
    assertEquals(4, Fp32ScaleModel.requantize(7, 0.5f, 0, S8));   // 3.5 -> 4
    assertEquals(-2, Fp32ScaleModel.requantize(-5, 0.5f, 0, S8)); // -2.5 -> -2
    // zero and subnormal scales
    assertEquals(0, Fp32ScaleModel.requantize(Integer.MAX_VALUE, 0f, 0, S8));
    assertEquals(0, Fp32ScaleModel.requantize(Integer.MAX_VALUE, Float.MIN_VALUE, 0, S8));
    assertEquals(3, Fp32ScaleModel.requantize(0, Float.MIN_VALUE, 3, S8));
    // a huge product saturates; the zero point applies before the clamp
    assertEquals(-128, Fp32ScaleModel.requantize(Integer.MIN_VALUE, Float.MAX_VALUE, 0, S8));
    assertEquals(-118, Fp32ScaleModel.requantize(-128, 1f, 10, S8));
    assertThrows(IllegalArgumentException.class, () -> Fp32ScaleModel.requantize(1, Float.NaN, 0, S8));
  }

  @Test
  void thresholdsCountAndDeriveFromAMonotoneScheme() {
    long[] t = {-10, 0, 10};
    assertEquals(-2, ThresholdModel.requantize(-11, t, -2));
    assertEquals(-1, ThresholdModel.requantize(-10, t, -2));
    assertEquals(1, ThresholdModel.requantize(10, t, -2));
    OutputRange s2 = new OutputRange(2, true, false, true);
    long[] derived = ThresholdModel.fromMonotone(a -> ShiftRoundModel.requantize(a, 0, 2, Rounding.HALF_UP, s2), -512, 511, -2, 1);
    // q >= -1 from acc >= -6 (-1.5 -> -1), q >= 0 from -2, q >= 1 from 2
    assertEquals(java.util.List.of(-6L, -2L, 2L), java.util.Arrays.stream(derived).boxed().toList());
  }
}
