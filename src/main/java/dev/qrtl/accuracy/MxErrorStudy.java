package dev.qrtl.accuracy;

import dev.qrtl.golden.MxBlockModel;
import dev.qrtl.results.MxAccuracyFile;
import dev.qrtl.results.MxErrorRow;
import dev.qrtl.spec.BlockQuantizerSpec;
import dev.qrtl.spec.BlockQuantizerSpec.BlockInput;
import dev.qrtl.spec.BlockQuantizerSpec.ScaleOverflow;
import dev.qrtl.spec.BlockQuantizerSpec.ScaleRule;
import dev.qrtl.spec.BlockQuantizerSpec.ZeroBlock;
import dev.qrtl.spec.MxFormat;
import dev.qrtl.spec.Rounding;
import java.util.ArrayList;
import java.util.List;

/**
 * What a block scale buys in accuracy: each distribution's rows x channels matrix (as binary32
 * values, what an MX quantizer reads) quantized to every MX form with blocks of K along the
 * channels, by the block quantizer's golden model, and to int8 with one scale per tensor and one
 * per channel (symmetric, the scale fitted to the maximum magnitude, ties to even); the error of
 * each against the binary32 values.
 */
public final class MxErrorStudy {
  private MxErrorStudy() {}

  /**
   * @param rounding of the MX elements (int8 rounds ties to even)
   * @param channels a multiple of every block size
   */
  public record Config(List<MxFormat> formats, List<Integer> blocks, List<ScaleRule> rules, Rounding rounding,
      List<RealDistribution> distributions, int rows, int channels, long seed) {
    public Config {
      formats = List.copyOf(formats);
      blocks = List.copyOf(blocks);
      rules = List.copyOf(rules);
      distributions = List.copyOf(distributions);
      if (rows < 1 || channels < 1 || (long) rows * channels > 1L << 24) {
        throw new IllegalArgumentException("rows x channels must be 1 .. 2^24 values, not " + rows + " x " + channels);
      }
      for (int k : blocks) {
        if (k < 2 || k > BlockQuantizerSpec.MAX_BLOCK || Integer.bitCount(k) != 1) {
          throw new IllegalArgumentException("block size " + k + ": an MX block is a power of two from 2 to " + BlockQuantizerSpec.MAX_BLOCK);
        }
        if (channels % k != 0) {
          throw new IllegalArgumentException(channels + " channels are not a whole number of blocks of " + k);
        }
      }
      if (rounding != Rounding.HALF_EVEN && rounding != Rounding.HALF_AWAY) {
        throw new IllegalArgumentException("rounding " + rounding.cliName() + ": MX conversion rounds to nearest (half-even or half-away)");
      }
    }
  }

  public static MxAccuracyFile run(Config c, String qrtl) {
    List<MxErrorRow> rows = new ArrayList<>();
    for (RealDistribution d : c.distributions()) {
      double[] x = d.sample(c.rows(), c.channels(), c.seed());
      float[] xf = new float[x.length];
      for (int i = 0; i < x.length; i++) {
        xf[i] = (float) x[i];
      }
      rows.add(int8(d, xf, c, false));
      rows.add(int8(d, xf, c, true));
      for (MxFormat f : c.formats()) {
        for (int k : c.blocks()) {
          for (ScaleRule rule : c.rules()) {
            rows.add(mx(d, xf, c, f, k, rule));
          }
        }
      }
    }
    return new MxAccuracyFile(qrtl, c.rows(), c.channels(), c.seed(), c.rounding().cliName(), rows);
  }

  private static MxErrorRow int8(RealDistribution d, float[] x, Config c, boolean perChannel) {
    int ch = c.channels();
    double[] scale = new double[perChannel ? ch : 1];
    for (int i = 0; i < x.length; i++) {
      int s = perChannel ? i % ch : 0;
      scale[s] = Math.max(scale[s], Math.abs(x[i]));
    }
    Error e = new Error();
    for (int i = 0; i < x.length; i++) {
      double s = scale[perChannel ? i % ch : 0] / 127;
      double q = s == 0 ? 0 : Math.max(-127, Math.min(127, Math.rint(x[i] / s)));
      e.add(x[i], q * s, false);
    }
    double bits = 8 + 32.0 * scale.length / x.length; // one binary32 scale per tensor or per channel
    return e.row(d, perChannel ? "int8 per-channel" : "int8 per-tensor", null, null, bits);
  }

  private static MxErrorRow mx(RealDistribution d, float[] x, Config c, MxFormat f, int k, ScaleRule rule) {
    BlockQuantizerSpec s = new BlockQuantizerSpec(f, k, BlockInput.fp32(), rule, c.rounding(), false, ScaleOverflow.NAN, ZeroBlock.MIN, 0);
    Error e = new Error();
    int[] bits = new int[k];
    for (int start = 0; start < x.length; start += k) {
      for (int i = 0; i < k; i++) {
        bits[i] = Float.floatToRawIntBits(x[start + i]);
      }
      MxBlockModel.Block b = MxBlockModel.ofFloats(s, bits);
      double limit = f.maxValue() * MxFormat.SCALE.decode(b.scale());
      for (int i = 0; i < k; i++) {
        double v = x[start + i];
        e.add(v, MxBlockModel.value(f, b.scale(), b.elements()[i]), Math.abs(v) > limit);
      }
    }
    String label = f.cliName() + ":k=" + k + (rule == ScaleRule.CEIL ? ":rule=ceil" : "");
    return e.row(d, label, k, rule.cliName(), f.bitsPerElement(k));
  }

  /** Sums of the signal's and the error's energy, and the count of clipped elements. */
  private static final class Error {
    double signal;
    double noise;
    long clipped;
    long n;

    void add(double exact, double quantized, boolean clip) {
      signal += exact * exact;
      double e = quantized - exact;
      noise += e * e;
      clipped += clip ? 1 : 0;
      n++;
    }

    MxErrorRow row(RealDistribution d, String form, Integer block, String rule, double bitsPerElement) {
      double rel = Math.sqrt(noise / signal);
      double sqnr = noise == 0 ? Double.MAX_VALUE : 10 * Math.log10(signal / noise);
      return new MxErrorRow(d.cliName(), form, block, rule, bitsPerElement, rel, sqnr, (double) clipped / n);
    }
  }
}
