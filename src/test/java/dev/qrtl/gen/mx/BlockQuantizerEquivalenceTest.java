package dev.qrtl.gen.mx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qrtl.eval.IrSimulator;
import dev.qrtl.gen.quant.Structure;
import dev.qrtl.golden.MxBlockModel;
import dev.qrtl.spec.BlockQuantizerSpec;
import dev.qrtl.spec.BlockQuantizerSpec.BlockInput;
import dev.qrtl.spec.BlockQuantizerSpec.ScaleOverflow;
import dev.qrtl.spec.BlockQuantizerSpec.ScaleRule;
import dev.qrtl.spec.BlockQuantizerSpec.ZeroBlock;
import dev.qrtl.spec.MxFormat;
import dev.qrtl.spec.Rounding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The block quantizer's generator against its golden model on the IR evaluator, both structures
 * (lean, and plain as the proof's other side), every format with both scale rules and both
 * roundings, and the reference's open points each way (INT8's -128, a saturated scale on
 * overflow, the zero block's 2^0):
 *
 * <ul>
 *   <li>every block of K = 4 with 2-bit integer inputs at every one of the 256 input exponents
 *       (65,536 pairs per design; 3-bit inputs, 10^6 pairs, with {@code -Dqrtl.full=true});
 *   <li>every block of K = 4 with 4-bit integer inputs (65,536), with the run-time input exponent
 *       going round all 256 values (each exponent on 256 blocks); with {@code -Dqrtl.full=true}
 *       every block of 6-bit inputs (16.8 M per design);
 *   <li>fp32 inputs, K = 4: seeded random blocks over the whole exponent range with zeros of both
 *       signs, subnormals, NaN and infinities mixed in.
 * </ul>
 */
class BlockQuantizerEquivalenceTest {
  private static final long SEED = 20261207L;
  private static final boolean FULL = Boolean.getBoolean("qrtl.full");
  private static final int INPUT_BITS = FULL ? 6 : 4;
  private static final int EVERY_EXPONENT_BITS = FULL ? 3 : 2;
  private static final int FLOAT_BLOCKS = FULL ? 200_000 : 4_000;

  /** The designs: per format both rules and roundings, and each open point the other way. */
  static List<BlockQuantizerSpec> specs(BlockInput in) {
    List<BlockQuantizerSpec> out = new ArrayList<>();
    for (MxFormat f : MxFormat.values()) {
      out.add(new BlockQuantizerSpec(f, 4, in, ScaleRule.FLOOR, Rounding.HALF_EVEN, false, ScaleOverflow.NAN, ZeroBlock.MIN, 0));
      out.add(new BlockQuantizerSpec(f, 4, in, ScaleRule.CEIL, Rounding.HALF_AWAY, false, ScaleOverflow.NAN, ZeroBlock.MIN, 0));
    }
    out.add(new BlockQuantizerSpec(MxFormat.MXINT8, 4, in, ScaleRule.FLOOR, Rounding.HALF_EVEN, true, ScaleOverflow.SATURATE, ZeroBlock.ONE, 0));
    out.add(new BlockQuantizerSpec(MxFormat.MXFP4, 4, in, ScaleRule.CEIL, Rounding.HALF_EVEN, false, ScaleOverflow.SATURATE, ZeroBlock.ONE, 0));
    out.add(new BlockQuantizerSpec(MxFormat.MXFP8_E4M3, 4, in, ScaleRule.FLOOR, Rounding.HALF_AWAY, false, ScaleOverflow.SATURATE, ZeroBlock.MIN, 0));
    return out;
  }

  private static MxBlockModel.Block read(IrSimulator sim, int k) {
    int[] q = new int[k];
    for (int i = 0; i < k; i++) {
      q[i] = (int) sim.peekLong("q" + i);
    }
    return new MxBlockModel.Block((int) sim.peekLong("scale"), q);
  }

  @Test
  void everySmallIntegerBlockAtEveryInputExponentEqualsTheModel() {
    long t0 = System.nanoTime();
    long checked = 0;
    int span = 1 << INPUT_BITS;
    long blocks = (long) span * span * span * span;
    List<BlockQuantizerSpec> specs = specs(BlockInput.integer(INPUT_BITS, OptionalInt.empty()));
    for (BlockQuantizerSpec s : specs) {
      for (Structure st : Structure.values()) {
        IrSimulator sim = new IrSimulator(BlockQuantizerGenerator.generate(s, st));
        long[] acc = new long[4];
        for (long b = 0; b < blocks; b++) {
          long rest = b;
          for (int i = 0; i < 4; i++) {
            acc[i] = (rest % span) - span / 2;
            rest /= span;
            sim.poke("x" + i, acc[i]);
          }
          int x = (int) ((b * 37) & 255) - 128;
          sim.poke("in_exp", x);
          MxBlockModel.Block want = MxBlockModel.ofIntegers(s, acc, x);
          MxBlockModel.Block got = read(sim, 4);
          if (!want.equals(got)) {
            throw new AssertionError(s.moduleName() + " " + st + ": block " + Arrays.toString(acc) + " x " + x + ": model " + want
                + ", design " + got);
          }
          checked++;
        }
      }
    }
    System.out.printf("block quantizer, every K=4 block of %d-bit integers (%,d) at exponents going round -128..127: %d designs x lean"
        + " and plain, %,d blocks equal to the model, %.1f s%n", INPUT_BITS, blocks, specs.size(), checked, (System.nanoTime() - t0) / 1e9);
    assertTrue(checked == blocks * specs.size() * 2);
  }

  @Test
  void everyTinyIntegerBlockAtEveryInputExponentEqualsTheModel() {
    long t0 = System.nanoTime();
    long checked = 0;
    int span = 1 << EVERY_EXPONENT_BITS;
    long blocks = (long) span * span * span * span;
    List<BlockQuantizerSpec> specs = specs(BlockInput.integer(EVERY_EXPONENT_BITS, OptionalInt.empty()));
    for (BlockQuantizerSpec s : specs) {
      for (Structure st : Structure.values()) {
        IrSimulator sim = new IrSimulator(BlockQuantizerGenerator.generate(s, st));
        long[] acc = new long[4];
        for (long b = 0; b < blocks; b++) {
          long rest = b;
          for (int i = 0; i < 4; i++) {
            acc[i] = (rest % span) - span / 2;
            rest /= span;
            sim.poke("x" + i, acc[i]);
          }
          for (int x = -128; x <= 127; x++) {
            sim.poke("in_exp", x);
            MxBlockModel.Block want = MxBlockModel.ofIntegers(s, acc, x);
            MxBlockModel.Block got = read(sim, 4);
            if (!want.equals(got)) {
              throw new AssertionError(s.moduleName() + " " + st + ": block " + Arrays.toString(acc) + " x " + x + ": model " + want
                  + ", design " + got);
            }
            checked++;
          }
        }
      }
    }
    System.out.printf("block quantizer, every K=4 block of %d-bit integers (%,d) at every input exponent -128..127: %d designs x lean and"
        + " plain, %,d pairs equal to the model, %.1f s%n", EVERY_EXPONENT_BITS, blocks, specs.size(), checked, (System.nanoTime() - t0) / 1e9);
    assertTrue(checked == blocks * 256 * specs.size() * 2);
  }

  @Test
  void randomFloatBlocksEqualTheModel() {
    long t0 = System.nanoTime();
    SplittableRandom r = new SplittableRandom(SEED);
    long checked = 0;
    List<BlockQuantizerSpec> specs = specs(BlockInput.fp32());
    for (BlockQuantizerSpec s : specs) {
      for (Structure st : Structure.values()) {
        IrSimulator sim = new IrSimulator(BlockQuantizerGenerator.generate(s, st));
        for (int n = 0; n < FLOAT_BLOCKS; n++) {
          int[] bits = new int[4];
          int base = r.nextInt(0, 255);
          for (int i = 0; i < 4; i++) {
            bits[i] = randomFloat(r, base);
            sim.poke("x" + i, bits[i] & 0xFFFFFFFFL);
          }
          MxBlockModel.Block want = MxBlockModel.ofFloats(s, bits);
          MxBlockModel.Block got = read(sim, 4);
          if (!want.equals(got)) {
            StringBuilder in = new StringBuilder();
            for (int b : bits) {
              in.append(Float.intBitsToFloat(b)).append(' ');
            }
            throw new AssertionError(s.moduleName() + " " + st + ": block " + in + ": model " + want + ", design " + got);
          }
          checked++;
        }
      }
    }
    System.out.printf("block quantizer, fp32 inputs: %,d seeded random K=4 blocks (seed %d) over %d designs x lean and plain equal to the"
        + " model, %.1f s%n", checked, SEED, specs.size(), (System.nanoTime() - t0) / 1e9);
  }

  /** A float near exponent field {@code base}: mostly within a few octaves, sometimes zero, subnormal, NaN or infinite. */
  static int randomFloat(SplittableRandom r, int base) {
    int sign = r.nextBoolean() ? 1 << 31 : 0;
    int kind = r.nextInt(40);
    if (kind == 0) {
      return sign; // a zero of either sign
    }
    if (kind == 1) {
      return sign | r.nextInt(1, 1 << 23); // a subnormal
    }
    if (kind == 2) {
      return sign | 0x7F800000 | (r.nextBoolean() ? 0 : r.nextInt(1, 1 << 23)); // infinity or NaN
    }
    int field = Math.max(0, Math.min(254, base - r.nextInt(0, kind < 10 ? 30 : 4)));
    int mant = kind < 6 ? (r.nextInt(8) << 20) : r.nextInt(1 << 23); // some with few mantissa bits: ties
    return sign | (field << 23) | mant;
  }
}
