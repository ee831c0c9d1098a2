package dev.qrtl.gen.mx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qrtl.eval.IrSimulator;
import dev.qrtl.golden.MxDotModel;
import dev.qrtl.spec.BlockDotSpec;
import dev.qrtl.spec.BlockDotSpec.Accumulation;
import dev.qrtl.spec.MxFormat;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The block dot product's generator against its golden model on the IR evaluator: every format,
 * exact and binary32 forms, K = 4 and 8, seeded random element codes over every code (NaNs and
 * infinities included) with scales over their whole range, and accumulators near the result, its
 * exact negation (cancellation), zeros, infinities and NaNs; the plain int8 dot product. And the
 * model's binary32 rounding against Java's own double-to-float conversion (round to nearest even).
 */
class BlockDotEquivalenceTest {
  private static final long SEED = 20261207L;
  private static final int PAIRS = Boolean.getBoolean("qrtl.full") ? 100_000 : 3_000;

  @Test
  void theModelsRoundingEqualsJavasDoubleToFloat() {
    SplittableRandom r = new SplittableRandom(SEED);
    for (int i = 0; i < 200_000; i++) {
      double d = Double.longBitsToDouble(r.nextLong());
      if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
        continue;
      }
      if (i % 3 == 0) {
        d = Math.scalb(1.0 + r.nextDouble(), r.nextInt(-160, 140)) * (r.nextBoolean() ? 1 : -1);
      }
      long bits = Double.doubleToLongBits(d);
      int exp = (int) ((bits >>> 52) & 0x7FF);
      long mant = bits & ((1L << 52) - 1);
      long m = exp == 0 ? mant : mant | (1L << 52);
      int e = Math.max(exp, 1) - 1075;
      BigInteger n = BigInteger.valueOf(d < 0 ? -m : m);
      assertEquals(Float.floatToIntBits((float) d), MxDotModel.roundToFloat(n, e), "rounding of " + d);
    }
  }

  @Test
  void randomBlockPairsEqualTheModel() {
    SplittableRandom r = new SplittableRandom(SEED);
    long checked = 0;
    for (int k : new int[] {4, 8}) {
      for (MxFormat f : MxFormat.values()) {
        for (Accumulation acc : Accumulation.values()) {
          checked += run(new BlockDotSpec(f, true, k, acc, 0), r);
        }
      }
      checked += run(new BlockDotSpec(MxFormat.MXINT8, false, k, Accumulation.EXACT, 0), r);
    }
    System.out.printf("block dot products: %,d seeded random block pairs (seed %d) over 26 designs equal to the model%n", checked, SEED);
  }

  private static long run(BlockDotSpec s, SplittableRandom r) {
    IrSimulator sim = new IrSimulator(BlockDotGenerator.generate(s));
    int k = s.block();
    int bits = s.scaled() ? s.format().bits() : 8;
    for (int n = 0; n < PAIRS; n++) {
      int[] a = new int[k];
      int[] b = new int[k];
      for (int i = 0; i < k; i++) {
        a[i] = r.nextInt(1 << bits);
        b[i] = r.nextInt(1 << bits);
        sim.poke("a" + i, a[i]);
        sim.poke("b" + i, b[i]);
      }
      if (!s.scaled()) {
        assertEquals(MxDotModel.plain(a, b), sim.peekLong("sum"), s.moduleName() + " " + Arrays.toString(a) + " . " + Arrays.toString(b));
        continue;
      }
      int sa = scale(r);
      int sb = scale(r);
      sim.poke("sa", sa);
      sim.poke("sb", sb);
      String what = s.moduleName() + ": a " + Arrays.toString(a) + " x2^" + sa + ", b " + Arrays.toString(b) + " x2^" + sb;
      if (s.accumulation() == Accumulation.EXACT) {
        MxDotModel.Exact e = MxDotModel.exact(s, sa, a, sb, b);
        assertEquals(e.special().ordinal(), sim.peekLong("special"), what);
        assertEquals(e.sum(), sim.peek("sum"), what);
        assertEquals(e.exponent(), sim.peekLong("exp"), what);
      } else {
        int acc = accumulator(r, MxDotModel.fp32(s, 0, sa, a, sb, b));
        sim.poke("acc", acc & 0xFFFFFFFFL);
        int want = MxDotModel.fp32(s, acc, sa, a, sb, b);
        int got = (int) sim.peekLong("y");
        if (want != got) {
          throw new AssertionError(what + ", acc " + Float.intBitsToFloat(acc) + " (" + Integer.toHexString(acc) + "): model "
              + Integer.toHexString(want) + " (" + Float.intBitsToFloat(want) + "), design " + Integer.toHexString(got) + " ("
              + Float.intBitsToFloat(got) + ")");
        }
      }
    }
    return PAIRS;
  }

  private static int scale(SplittableRandom r) {
    int pick = r.nextInt(20);
    return pick == 0 ? 255 : pick < 3 ? r.nextInt(256) : pick < 5 ? r.nextInt(0, 6) : r.nextInt(110, 145);
  }

  private static int accumulator(SplittableRandom r, int dot) {
    int pick = r.nextInt(20);
    if (pick == 0) {
      return r.nextBoolean() ? 0 : 0x80000000;
    }
    if (pick == 1) {
      return new int[] {0x7F800000, 0xFF800000, 0x7FC00000, 0x7F800001}[r.nextInt(4)];
    }
    if (pick < 6 && (dot & 0x7F800000) != 0x7F800000) {
      return pick == 5 ? (dot ^ 0x80000000) + r.nextInt(-2, 3) : dot ^ 0x80000000;
    }
    if (pick < 8) {
      return (r.nextBoolean() ? 0x80000000 : 0) | r.nextInt(1 << 23); // a subnormal
    }
    int field = Math.max(0, Math.min(254, ((dot >>> 23) & 0xFF) + r.nextInt(-30, 31)));
    return (r.nextBoolean() ? 0x80000000 : 0) | (field << 23) | r.nextInt(1 << 23);
  }
}
