package dev.qrtl.bench;

import dev.qrtl.accuracy.Accumulators;
import dev.qrtl.accuracy.ErrorEvaluation;
import dev.qrtl.results.ErrorMetrics;
import dev.qrtl.golden.OutputRange;
import dev.qrtl.golden.RealScaleModel;
import dev.qrtl.scheme.KRule;
import dev.qrtl.scheme.RealScale;
import dev.qrtl.scheme.RealScaleUnit;
import dev.qrtl.scheme.Schemes;
import dev.qrtl.stimulus.Stimulus;
import java.io.PrintWriter;

/**
 * Error-evaluation throughput on one core: per accumulator, the scheme's golden model at a real
 * scale, the exact reference q* and the ideal y, and the running error sums ({@code qrtl error}'s
 * inner loop), over a pre-drawn table of products:k=64 accumulators (drawing is not timed). Best
 * of several rounds of about one second after two warm-up rounds.
 */
public final class ErrorBenchmark {
  private static final int TABLE = 1 << 20;

  private ErrorBenchmark() {}

  public static void run(int rounds, PrintWriter out) {
    Accumulators drawn = Accumulators.draw(Stimulus.parse("products:k=64"), 32, 7, TABLE);
    long[] data = drawn.values();
    OutputRange s8 = new OutputRange(8, true, false, true);
    double scale = drawn.calibratedScale(s8.max());
    RealScaleModel ideal = RealScaleModel.of(scale, 0, s8);
    out.printf("error evaluation (golden model + exact q* + error sums), one thread, %d products:k=64 accumulators, S = %.6g,"
        + " best of %d rounds of ~1 s:%n", TABLE, scale, rounds);
    for (String form : new String[] {"shift-round", "tflite-double", "tflite-single", "dyadic:m=8", "fp32-scale"}) {
      Schemes.Form f = Schemes.form(form);
      RealScaleUnit unit = f.scheme().atRealScale(f.form(), new RealScale(32, ideal, KRule.NEAREST, data));
      double best = 0;
      double rms = 0;
      for (int r = 0; r < rounds + 2; r++) {
        long n = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
          ErrorMetrics m = ErrorEvaluation.of(unit, ideal, data);
          rms = m.rms();
          n += m.samples();
          elapsed = System.nanoTime() - start;
        } while (elapsed < 1_000_000_000L);
        if (r >= 2) {
          best = Math.max(best, n / (elapsed / 1e9));
        }
      }
      out.printf("  %-16s %-28s %8.1f M operations/s   (RMS %.4f LSB)%n", form, unit.parameters(), best / 1e6, rms);
    }
    out.flush();
  }
}
