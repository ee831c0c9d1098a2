package dev.qrtl.accuracy;

import dev.qrtl.results.PipelineRow;
import dev.qrtl.results.ErrorMetrics;
import dev.qrtl.golden.OutputRange;
import dev.qrtl.golden.RealScaleModel;
import dev.qrtl.golden.ShiftRoundModel;
import dev.qrtl.scheme.KRule;
import dev.qrtl.scheme.RealScale;
import dev.qrtl.scheme.RealScaleUnit;
import dev.qrtl.scheme.Schemes;
import dev.qrtl.spec.Rounding;
import dev.qrtl.stimulus.Stimulus;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongUnaryOperator;

/**
 * The motivating paper's hypothesis at the arithmetic level: "a fewer number of quantization
 * operations would incur less information loss". Per output channel c a real layer epilogue
 * {@code z = clamp(relu(g_c * S_c * acc + beta_c), 0, 127)} (convolution scale S_c near the
 * calibrated one, batch-norm gain g_c log-uniform in [1/2, 2], shift beta_c uniform in [-16, 16]
 * output LSB), computed two ways with the same scheme and the same data:
 *
 * <ul>
 *   <li>unified: one requantization, {@code q = clamp(R((acc + bias_c) * g_c S_c), 0, 127)} with
 *       the shift folded into an integer accumulator bias {@code bias_c = round(beta_c / (g_c S_c))}
 *       and ReLU into the lower bound;
 *   <li>conventional: {@code q1 = clamp(R(acc * S_c), -128, 127)} (the int8 convolution output),
 *       batch norm as its own integer scale-and-shift {@code y = q1 * round(g_c 2^8) + round(beta_c 2^8)}
 *       with a second requantization {@code q2 = clamp((y + 2^7) >> 8, -128, 127)}, then
 *       {@code q = max(q2, 0)}.
 * </ul>
 *
 * Both are measured against z (in double: its rounding is far below an LSB) with the usual
 * figures and 95 % intervals.
 */
public final class PipelineStudy {
  /** The batch-norm multiplier's fraction bits in the conventional pipeline (an 8-bit-fraction integer scale). */
  static final int BN_FRACTION_BITS = 8;

  private PipelineStudy() {}


  public static List<PipelineRow> run(List<Schemes.Form> forms, Stimulus stimulus, long seed, int samples, int channels) {
    Accumulators drawn = Accumulators.draw(stimulus, 32, seed, samples);
    long[] data = drawn.values();
    OutputRange signed8 = new OutputRange(8, true, false, true);
    OutputRange relu8 = new OutputRange(8, true, true, true);
    double calibrated = drawn.calibratedScale(signed8.max());
    SplittableRandom rnd = new SplittableRandom(seed ^ 0x5eedL);
    double[] s = new double[channels];
    double[] g = new double[channels];
    double[] beta = new double[channels];
    for (int c = 0; c < channels; c++) {
      s[c] = calibrated * Math.pow(2, rnd.nextDouble(-0.5, 0.5));
      g[c] = Math.pow(2, rnd.nextDouble(-1, 1));
      beta[c] = rnd.nextDouble(-16, 16);
    }
    List<PipelineRow> rows = new ArrayList<>();
    for (Schemes.Form f : forms) {
      ErrorStats unified = new ErrorStats();
      ErrorStats conventional = new ErrorStats();
      for (int c = 0; c < channels; c++) {
        double total = g[c] * s[c];
        long bias = Math.round(beta[c] / total);
        LongUnaryOperator one = unit(f, total, relu8, data).requantize();
        LongUnaryOperator conv = unit(f, s[c], signed8, data).requantize();
        long bnMul = Math.round(g[c] * (1 << BN_FRACTION_BITS));
        long bnAdd = Math.round(beta[c] * (1 << BN_FRACTION_BITS));
        for (int i = c; i < samples; i += channels) {
          long acc = data[i];
          double z = Math.min(Math.max(total * acc + beta[c], 0), 127);
          long exact = (long) Math.rint(z);
          boolean saturates = total * acc + beta[c] > 127;
          unified.add(one.applyAsLong(acc + bias), exact, z, 0, saturates);
          long q1 = conv.applyAsLong(acc);
          long q2 = signed8.apply(ShiftRoundModel.divide(q1 * bnMul + bnAdd, BN_FRACTION_BITS, Rounding.HALF_UP));
          conventional.add(Math.max(q2, 0), exact, z, 0, saturates);
        }
      }
      rows.add(new PipelineRow(f.label(), "unified", 1, unified.metrics()));
      rows.add(new PipelineRow(f.label(), "conventional", 2, conventional.metrics()));
    }
    return rows;
  }

  private static RealScaleUnit unit(Schemes.Form f, double scale, OutputRange out, long[] data) {
    return f.scheme().atRealScale(f.form(), new RealScale(32, RealScaleModel.of(scale, 0, out), KRule.NEAREST, data));
  }
}
