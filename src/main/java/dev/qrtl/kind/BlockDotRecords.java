package dev.qrtl.kind;

import dev.qrtl.golden.MxBlockModel;
import dev.qrtl.golden.MxDotModel;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestException;
import dev.qrtl.sim.PortLayout;
import dev.qrtl.sim.RecordSource;
import dev.qrtl.spec.BlockDotSpec;
import dev.qrtl.spec.BlockDotSpec.Accumulation;
import dev.qrtl.spec.BlockQuantizerSpec;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.stimulus.ValueSampler;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Records of a block dot product: per record two blocks (element codes and scales) and, for the
 * binary32 form, the accumulator; expected the golden model's result. Blocks come from quantizing
 * the stimulus with the MX block quantizer's model (what such a unit sees), and, in co-simulation,
 * half of them from every element code at random with scales over their whole range (NaN
 * included), after corner blocks (zeros, the largest codes, NaN scales and elements, infinity
 * times zero, results that overflow, underflow to subnormals or cancel the accumulator exactly).
 * An energy run feeds each binary32 result back as the next accumulator, restarting at 0 every 64
 * blocks, as a dot product over K x 64 elements does.
 */
public final class BlockDotRecords implements RecordSource {
  private final BlockDotSpec spec;
  private final PortLayout layout;
  private final ValueSampler[] samplers;
  private final SplittableRandom rnd;
  private final long count;
  private final int latency;
  private final boolean energy;
  private final List<long[]> corners;
  private final ArrayDeque<BigInteger[]> pending = new ArrayDeque<>();
  private long produced;
  private int lastY;

  public BlockDotRecords(Manifest m, BlockDotSpec s, Stimulus stimulus, long count, long seed, boolean energy) {
    this.spec = s;
    this.layout = PortLayout.of(m);
    int inputs = 2 * s.block() + (s.scaled() ? 2 : 0) + (s.accumulation() == Accumulation.FP32 ? 1 : 0);
    if (layout.inputs().size() != inputs) {
      throw new ManifestException("'" + m.top() + "': a block dot product of " + s.block() + " has " + inputs + " inputs, not "
          + layout.inputs().size());
    }
    this.samplers = new ValueSampler[2 * s.block()];
    for (int i = 0; i < samplers.length; i++) {
      samplers[i] = stimulus.sampler(s.scaled() ? 16 : 8, seed ^ (0x9E3779B97F4A7C15L * (i + 1)));
    }
    this.rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
    this.count = count;
    this.latency = m.latency();
    this.energy = energy;
    this.corners = energy ? List.of() : corners(s);
  }

  /** Records: every block pair, then the pipeline's fill. */
  public long total() {
    return count + latency;
  }

  @Override
  public void fill(long[] buf, int n) {
    int rec = layout.recordWords();
    for (int r = 0; r < n; r++, produced++) {
      int base = r * rec;
      java.util.Arrays.fill(buf, base, base + rec, 0L);
      long[] in = produced < count ? next() : new long[layout.inputs().size()];
      for (int i = 0; i < in.length; i++) {
        buf[base + layout.inputOffset(i)] = in[i];
      }
      pending.addLast(produced < count ? expected(in) : zeros());
      if (pending.size() > latency) {
        BigInteger[] want = pending.removeFirst();
        buf[base] = produced >= latency && produced - latency < count ? 1 : 0;
        for (int o = 0; o < want.length; o++) {
          // a port wider than 64 bits (an E5M2 block's exact sum) takes several words, the low one first
          for (int w = 0; w < PortLayout.words(layout.outputs().get(o)); w++) {
            buf[base + layout.outputOffset(o) + w] = want[o].shiftRight(64 * w).longValue();
          }
        }
      }
    }
  }

  private long[] next() {
    if (produced < corners.size()) {
      return corners.get((int) produced);
    }
    int k = spec.block();
    long[] in = new long[layout.inputs().size()];
    boolean quantized = energy || !spec.scaled() || rnd.nextBoolean();
    for (int side = 0; side < 2; side++) {
      if (quantized && spec.scaled()) {
        long[] v = new long[k];
        for (int i = 0; i < k; i++) {
          v[i] = samplers[side * k + i].next();
        }
        MxBlockModel.Block b = MxBlockModel.ofIntegers(BlockQuantizerSpec.of(spec.format(), k,
            BlockQuantizerSpec.BlockInput.integer(16, java.util.OptionalInt.of(-8))), v, -8);
        for (int i = 0; i < k; i++) {
          in[side * k + i] = b.elements()[i];
        }
        in[2 * k + side] = b.scale();
      } else {
        int bits = spec.scaled() ? spec.format().bits() : 8;
        for (int i = 0; i < k; i++) {
          in[side * k + i] = spec.scaled() ? rnd.nextInt(1 << bits) : samplers[side * k + i].next() & 0xFF;
        }
        if (spec.scaled()) {
          int pick = rnd.nextInt(20);
          in[2 * k + side] = pick == 0 ? rnd.nextInt(256) : pick == 1 ? 255 : rnd.nextInt(110, 145);
        }
      }
    }
    if (spec.accumulation() == Accumulation.FP32) {
      in[2 * k + 2] = energy ? (produced % 64 == 0 ? 0 : lastY & 0xFFFFFFFFL) : randomAcc(in) & 0xFFFFFFFFL;
    }
    return in;
  }

  /** An accumulator: near the dot product's size, sometimes its exact negation, zero, infinite or NaN. */
  private int randomAcc(long[] in) {
    int pick = rnd.nextInt(20);
    if (pick == 0) {
      return rnd.nextBoolean() ? 0 : 0x80000000;
    }
    if (pick == 1) {
      return new int[] {0x7F800000, 0xFF800000, 0x7FC00000, 0x7F800001}[rnd.nextInt(4)];
    }
    int y = dot(in, 0);
    if (pick < 5 && (y & 0x7F800000) != 0x7F800000) {
      return y ^ 0x80000000; // the dot's own value, negated: an exact or near cancellation
    }
    int field = Math.max(0, Math.min(254, ((y >>> 23) & 0xFF) + rnd.nextInt(-30, 31)));
    return (rnd.nextBoolean() ? 0x80000000 : 0) | (field << 23) | rnd.nextInt(1 << 23);
  }

  private int dot(long[] in, int acc) {
    int k = spec.block();
    int[] a = new int[k];
    int[] b = new int[k];
    for (int i = 0; i < k; i++) {
      a[i] = (int) in[i];
      b[i] = (int) in[k + i];
    }
    return MxDotModel.fp32(spec, acc, (int) in[2 * k], a, (int) in[2 * k + 1], b);
  }

  private BigInteger[] zeros() {
    BigInteger[] z = new BigInteger[layout.outputs().size()];
    java.util.Arrays.fill(z, BigInteger.ZERO);
    return z;
  }

  private BigInteger[] expected(long[] in) {
    int k = spec.block();
    int[] a = new int[k];
    int[] b = new int[k];
    for (int i = 0; i < k; i++) {
      a[i] = (int) in[i];
      b[i] = (int) in[k + i];
    }
    if (!spec.scaled()) {
      return new BigInteger[] {BigInteger.valueOf(MxDotModel.plain(a, b))};
    }
    if (spec.accumulation() == Accumulation.FP32) {
      lastY = MxDotModel.fp32(spec, (int) in[2 * k + 2], (int) in[2 * k], a, (int) in[2 * k + 1], b);
      return new BigInteger[] {BigInteger.valueOf(lastY & 0xFFFFFFFFL)};
    }
    MxDotModel.Exact e = MxDotModel.exact(spec, (int) in[2 * k], a, (int) in[2 * k + 1], b);
    return new BigInteger[] {e.sum(), BigInteger.valueOf(e.exponent()), BigInteger.valueOf(e.special().ordinal())};
  }

  /** Corner block pairs, in port order. */
  static List<long[]> corners(BlockDotSpec s) {
    int k = s.block();
    int n = 2 * k + (s.scaled() ? 2 : 0) + (s.accumulation() == Accumulation.FP32 ? 1 : 0);
    int bits = s.scaled() ? s.format().bits() : 8;
    int max = s.scaled() && !s.format().integer() ? s.format().smallFloat().encode(s.format().maxValue(), true) : 0x7F;
    int signBit = 1 << (bits - 1);
    List<long[]> out = new ArrayList<>();
    int[][] elements = {{0, 0}, {max, max}, {max, max | signBit}, {max | signBit, max | signBit}, {1, 1}, {signBit, signBit},
      {(1 << bits) - 1, 1}, {(1 << bits) - 1, 0}, {(1 << bits) - 2, max}};
    int[][] scales = {{127, 127}, {0, 0}, {254, 254}, {255, 127}, {127, 255}, {0, 254}};
    long[] accs = {0, 0x80000000L, 0x7F800000L, 0xFF800000L, 0x7FC00000L, 0x3F800000L, 0x00000001L, 0x7F7FFFFFL};
    for (int[] e : elements) {
      for (int[] sc : s.scaled() ? scales : new int[][] {{0, 0}}) {
        for (long acc : s.accumulation() == Accumulation.FP32 ? accs : new long[] {0}) {
          long[] in = new long[n];
          for (int i = 0; i < k; i++) {
            in[i] = e[0] & ((1 << bits) - 1);
            in[k + i] = (i % 2 == 0 ? e[1] : e[1] ^ (i == 1 ? signBit : 0)) & ((1 << bits) - 1);
          }
          if (s.scaled()) {
            in[2 * k] = sc[0];
            in[2 * k + 1] = sc[1];
          }
          if (s.accumulation() == Accumulation.FP32) {
            in[2 * k + 2] = acc;
          }
          out.add(in);
        }
      }
    }
    return out;
  }
}
