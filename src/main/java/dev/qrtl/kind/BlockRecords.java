package dev.qrtl.kind;

import dev.qrtl.golden.MxBlockModel;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestException;
import dev.qrtl.sim.PortLayout;
import dev.qrtl.sim.RecordSource;
import dev.qrtl.spec.BlockQuantizerSpec;
import dev.qrtl.spec.BlockQuantizerSpec.BlockInput;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.stimulus.ValueSampler;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Records of a block quantizer: one block per record (K inputs {@code x0..}, the input exponent
 * where it is a run-time input), expected the golden model's scale and elements, delayed by the
 * design's latency. Co-simulation starts with corner blocks (zero, full-scale, the most negative
 * value alone, values on either side of a power of two, tiny ones under the clamp, and for fp32
 * inputs NaN, infinities, zeros of both signs and subnormals), then draws blocks: each element
 * from the stimulus at the input width (fp32: that integer scaled by a power of two per block). An
 * energy run draws from the stimulus only and holds the input exponent for the parameter period.
 */
public final class BlockRecords implements RecordSource {
  private final BlockQuantizerSpec spec;
  private final PortLayout layout;
  private final ValueSampler[] samplers;
  private final SplittableRandom rnd;
  private final long count;
  private final int latency;
  private final int paramPeriod;
  private final boolean energy;
  private final boolean exponentPort;
  private final List<long[]> corners;
  private final ArrayDeque<long[]> pending = new ArrayDeque<>();
  private long produced;
  private int heldExponent;

  public BlockRecords(Manifest m, BlockQuantizerSpec s, Stimulus stimulus, long count, long seed, int paramPeriod, boolean energy) {
    this.spec = s;
    this.layout = PortLayout.of(m);
    this.exponentPort = !s.params().isEmpty() && s.params().get(0).isPort();
    int inputs = s.block() + (exponentPort ? 1 : 0);
    if (layout.inputs().size() != inputs || layout.outputs().size() != s.block() + 1) {
      throw new ManifestException("'" + m.top() + "': a block quantizer of " + s.block() + " has " + inputs + " inputs and "
          + (s.block() + 1) + " outputs, not " + layout.inputs().size() + " and " + layout.outputs().size());
    }
    int width = s.input().type() == BlockInput.Type.FP32 ? 32 : s.input().bits();
    this.samplers = new ValueSampler[s.block()];
    for (int i = 0; i < samplers.length; i++) {
      samplers[i] = stimulus.sampler(width, seed ^ (0x9E3779B97F4A7C15L * (i + 1)));
    }
    this.rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
    this.count = count;
    this.latency = m.latency();
    this.paramPeriod = paramPeriod;
    this.energy = energy;
    this.corners = energy ? List.of() : corners(s);
  }

  /** Records: every block, then the pipeline's fill. */
  public long total() {
    return count + latency;
  }

  @Override
  public void fill(long[] buf, int n) {
    int rec = layout.recordWords();
    for (int r = 0; r < n; r++, produced++) {
      int base = r * rec;
      java.util.Arrays.fill(buf, base, base + rec, 0L);
      long[] in = produced < count ? nextBlock() : new long[layout.inputs().size()];
      for (int i = 0; i < in.length; i++) {
        buf[base + layout.inputOffset(i)] = in[i];
      }
      pending.addLast(produced < count ? expected(in) : new long[layout.outputs().size()]);
      if (pending.size() > latency) {
        long[] want = pending.removeFirst();
        buf[base] = produced >= latency && produced - latency < count ? 1 : 0;
        for (int o = 0; o < want.length; o++) {
          buf[base + layout.outputOffset(o)] = want[o];
        }
      }
    }
  }

  /** The inputs in port order: x0..x(K-1), then in_exp where it is an input. */
  private long[] nextBlock() {
    if (produced < corners.size()) {
      return corners.get((int) produced);
    }
    int k = spec.block();
    long[] in = new long[k + (exponentPort ? 1 : 0)];
    if (spec.input().type() == BlockInput.Type.FP32) {
      int shift = energy ? -12 : rnd.nextInt(-40, 41);
      for (int i = 0; i < k; i++) {
        float f = (float) Math.scalb((double) samplers[i].next(), shift);
        in[i] = Float.floatToRawIntBits(f) & 0xFFFFFFFFL;
      }
      return in;
    }
    for (int i = 0; i < k; i++) {
      in[i] = samplers[i].next();
    }
    if (exponentPort) {
      if (energy) {
        if (produced % paramPeriod == 0) {
          heldExponent = rnd.nextInt(-8, 9);
        }
        in[k] = heldExponent;
      } else {
        in[k] = rnd.nextInt(10) == 0 ? rnd.nextInt(-128, 128) : rnd.nextInt(-40, 41);
      }
    }
    return in;
  }

  private long[] expected(long[] in) {
    int k = spec.block();
    MxBlockModel.Block b;
    if (spec.input().type() == BlockInput.Type.FP32) {
      int[] bits = new int[k];
      for (int i = 0; i < k; i++) {
        bits[i] = (int) in[i];
      }
      b = MxBlockModel.ofFloats(spec, bits);
    } else {
      long[] acc = java.util.Arrays.copyOf(in, k);
      int x = exponentPort ? (int) in[k] : spec.input().exponent().getAsInt();
      b = MxBlockModel.ofIntegers(spec, acc, x);
    }
    long[] out = new long[k + 1];
    out[0] = b.scale();
    for (int i = 0; i < k; i++) {
      out[i + 1] = b.elements()[i];
    }
    return out;
  }

  /** The corner blocks, in port order. */
  static List<long[]> corners(BlockQuantizerSpec s) {
    int k = s.block();
    boolean port = !s.params().isEmpty() && s.params().get(0).isPort();
    List<long[]> out = new ArrayList<>();
    if (s.input().type() == BlockInput.Type.FP32) {
      float[][] blocks = {
        {0f}, {-0f}, {Float.NaN}, {Float.POSITIVE_INFINITY}, {Float.NEGATIVE_INFINITY, 1f}, {Float.MAX_VALUE, -Float.MAX_VALUE},
        {Float.MIN_NORMAL, Float.MIN_VALUE}, {Float.MIN_VALUE}, {-Float.MIN_VALUE, 0f}, {1f, 1.5f, -0.75f, 0.0625f}, {1.9999999f, 0.5f},
        {448f, 449f, -464f, 57344f}, {3f, -6.5f, 0.25f, 1e-20f}, {1e30f, 1e-30f}, {-1f, -1f}
      };
      for (float[] b : blocks) {
        long[] in = new long[k];
        for (int i = 0; i < k; i++) {
          in[i] = Float.floatToRawIntBits(b[i % b.length] * (i >= b.length && b.length > 1 ? 0.5f : 1f)) & 0xFFFFFFFFL;
        }
        out.add(in);
      }
      return out;
    }
    int a = s.input().bits();
    long max = (1L << (a - 1)) - 1;
    long min = -(1L << (a - 1));
    long[][] blocks = {{0}, {max}, {min}, {min, 0}, {max, 1, -1}, {1, -1}, {max, min}, {1L << (a - 2), (1L << (a - 2)) - 1},
      {(1L << (a - 2)) + (1L << Math.max(0, a - 6)), 3, -3}, {max / 3, -max / 5, 7}, {2, -3, 5, -7}};
    int[] exponents = port ? new int[] {0, -128, 127, -20, 20} : new int[] {s.input().exponent().getAsInt()};
    for (int x : exponents) {
      for (long[] b : blocks) {
        long[] in = new long[k + (port ? 1 : 0)];
        for (int i = 0; i < k; i++) {
          in[i] = i < b.length ? b[i] : (b.length == 1 ? b[0] : 0);
        }
        if (port) {
          in[k] = x;
        }
        out.add(in);
      }
    }
    return out;
  }
}
