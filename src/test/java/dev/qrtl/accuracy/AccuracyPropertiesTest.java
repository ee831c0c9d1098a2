package dev.qrtl.accuracy;

import dev.qrtl.results.ErrorRow;
import dev.qrtl.results.Interval;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.golden.OutputRange;
import dev.qrtl.golden.RealScaleModel;
import dev.qrtl.scheme.KRule;
import dev.qrtl.scheme.RealScale;
import dev.qrtl.scheme.RealScaleUnit;
import dev.qrtl.scheme.Schemes;
import dev.qrtl.stimulus.Stimulus;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The accuracy properties the issue names, on the schemes' golden models at real scales: every
 * scheme's unit measured against the exact reference, the reference itself against BigDecimal
 * on 10^5 seeded cases per scheme; shift-round at S = 2^-k off only by its rounding; dyadic RMS
 * not increasing with m beyond its interval; tflite-double within 1 LSB of q*; threshold exact.
 */
class AccuracyPropertiesTest {
  private static final long SEED = 20261201L;
  private static final OutputRange S8 = new OutputRange(8, true, false, true);

  private static RealScaleUnit unit(String form, double scale, long zp, long[] data) {
    Schemes.Form f = Schemes.form(form);
    return f.scheme().atRealScale(f.form(), new RealScale(32, RealScaleModel.of(scale, zp, S8), KRule.NEAREST, data));
  }

  @Test
  void exactReferenceEqualsBigDecimalOnEachSchemesRange() {
    int perScheme = 100_000;
    SplittableRandom rnd = new SplittableRandom(SEED);
    for (String form : List.of("shift-round", "floor", "dyadic:m=8", "tflite-double", "tflite-single", "fp32-scale", "threshold")) {
      int worst = 0;
      for (int i = 0; i < perScheme; i++) {
        double scale = Math.scalb(1.0 + rnd.nextDouble(), -rnd.nextInt(2, 24)); // 2^-23 .. 1/2: every scheme represents it
        long zp = rnd.nextInt(-64, 64);
        long acc = (long) (rnd.nextDouble(-200, 200) / scale); // mostly inside the output range, some saturating; |acc| < 2^31
        RealScaleModel ideal = RealScaleModel.of(scale, zp, S8);
        long exact = ideal.exact(acc);
        assertEquals(RealScaleModel.bruteForce(acc, scale, zp, S8), exact, form + " acc=" + acc + " S=" + scale);
        if (!form.startsWith("shift") && !form.equals("floor")) { // a power of two at an arbitrary S is off by up to sqrt(2)
          long q = unit(form, scale, zp, new long[0]).requantize().applyAsLong(acc);
          worst = (int) Math.max(worst, Math.abs(q - exact));
        }
      }
      boolean powerOfTwo = form.startsWith("shift") || form.equals("floor");
      System.out.printf("%-14s exact reference = BigDecimal on %d random cases, seed %d; largest |q - q*| %s%n", form, perScheme, SEED,
          powerOfTwo ? "not compared (a power of two at an arbitrary S)" : String.valueOf(worst));
      if (form.startsWith("tflite") || form.equals("fp32-scale")) {
        assertTrue(worst <= 1, form + ": at most 1 LSB from q* on its defined range, not " + worst);
      }
      if (form.equals("threshold")) {
        assertEquals(0, worst, "threshold: exact by construction");
      }
    }
  }

  @Test
  void shiftRoundAtAPowerOfTwoIsOffOnlyByItsRounding() {
    SplittableRandom rnd = new SplittableRandom(SEED);
    long vectors = 0;
    for (int k = 0; k <= 24; k++) {
      double scale = Math.scalb(1.0, -k);
      RealScaleModel ideal = RealScaleModel.of(scale, 0, S8);
      RealScaleUnit u = unit("shift-round", scale, 0, new long[0]);
      assertTrue(u.parameters().startsWith("k=" + k + " "), u.parameters());
      for (int i = 0; i < 4000; i++) {
        long acc = rnd.nextLong(-(130L << k), 130L << k);
        long q = u.requantize().applyAsLong(acc);
        double y = ideal.idealClamped(acc);
        boolean tie = k > 0 && Math.floorMod(acc, 1L << k) == 1L << (k - 1);
        assertTrue(Math.abs(q - y) <= 0.5, "k=" + k + " acc=" + acc + ": |q - y| = " + Math.abs(q - y));
        long exact = ideal.exact(acc);
        assertTrue(q == exact || tie && q == exact + 1, "k=" + k + " acc=" + acc + ": half-up differs from q* only on ties");
        vectors++;
      }
    }
    System.out.printf("shift-round at S = 2^-k, k = 0..24: %d vectors, seed %d: |q - y| <= 1/2, q = q* except on ties%n", vectors, SEED);
  }

  @Test
  void dyadicErrorDoesNotGrowWithTheMultiplierWidth() {
    AccuracyConfig base = new AccuracyConfig(List.of(), 32, 8, Stimulus.parse("products:k=64"), SEED, 20_000, KRule.NEAREST, 0,
        new ScaleChoice.Calibrated(), 16);
    double[] rms = new double[32];
    Interval[] ci = new Interval[32];
    for (int m = 1; m <= 31; m++) {
      AccuracyConfig c = new AccuracyConfig(List.of(Schemes.form("dyadic:m=" + m)), base.accBits(), base.outBits(), base.stimulus(), SEED,
          base.samples(), base.kRule(), 0, base.scales(), base.octavePoints());
      ErrorRow mean = AccuracyStudy.run(c).rows().stream().filter(r -> r.view().equals("octave mean")).findFirst().orElseThrow();
      rms[m] = mean.metrics().rms();
      ci[m] = mean.metrics().rmsCi();
      if (m > 1) {
        assertTrue(rms[m] <= ci[m - 1].high(), "dyadic m=" + m + ": octave-mean RMS " + rms[m] + " above m=" + (m - 1) + "'s interval " + ci[m - 1]);
      }
    }
    System.out.printf("dyadic octave-mean RMS, m = 1..31 (20000 samples x 16 scales, seed %d): m=1 %.4f, m=4 %.4f, m=8 %.4f, m=16 %.4f,"
        + " m=31 %.4f LSB%n", SEED, rms[1], rms[4], rms[8], rms[16], rms[31]);
    assertTrue(rms[1] > 2 * rms[31], "a 1-bit multiplier (a power of two) is far worse than a 31-bit one");
  }

  @Test
  void thresholdsFromTheExactReferenceAreExact() {
    AccuracyConfig c = new AccuracyConfig(List.of(Schemes.form("threshold")), 32, 8, Stimulus.parse("products:k=64"), SEED, 20_000,
        KRule.NEAREST, 3, new ScaleChoice.Calibrated(), 8);
    for (ErrorRow r : AccuracyStudy.run(c).rows()) {
      assertEquals(0, r.metrics().maxFromExact(), r.view());
      assertEquals(0, r.metrics().differentFraction(), r.view());
    }
  }

  @Test
  void kRulesPickTheNeighbouringPowersOfTwo() {
    double s = 0.003; // between 2^-9 = 0.00195 and 2^-8 = 0.0039; nearest in the log domain: 2^-8
    long[] data = new long[] {1000, -1000, 5000};
    Schemes.Form f = Schemes.form("shift-round");
    RealScaleModel ideal = RealScaleModel.of(s, 0, S8);
    assertTrue(f.scheme().atRealScale(f.form(), new RealScale(32, ideal, KRule.NEAREST, data)).parameters().startsWith("k=8 "));
    assertTrue(f.scheme().atRealScale(f.form(), new RealScale(32, ideal, KRule.CEIL, data)).parameters().startsWith("k=8 "));
    assertTrue(f.scheme().atRealScale(f.form(), new RealScale(32, ideal, KRule.FLOOR, data)).parameters().startsWith("k=9 "));
    double exactPower = 0x1p-8;
    RealScaleModel p = RealScaleModel.of(exactPower, 0, S8);
    assertTrue(f.scheme().atRealScale(f.form(), new RealScale(32, p, KRule.CEIL, data)).parameters().startsWith("k=8 "));
    assertTrue(f.scheme().atRealScale(f.form(), new RealScale(32, p, KRule.FLOOR, data)).parameters().startsWith("k=8 "));
    String best = f.scheme().atRealScale(f.form(), new RealScale(32, ideal, KRule.BEST_FOR_DATA, data)).parameters();
    assertTrue(best.startsWith("k=8 ") || best.startsWith("k=9 "), best);
  }
}
