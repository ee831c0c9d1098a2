package dev.qrtl.bench;

import dev.qrtl.golden.Fp32ScaleModel;
import dev.qrtl.golden.OutputRange;
import dev.qrtl.golden.ShiftRoundModel;
import dev.qrtl.golden.TfliteModel;
import dev.qrtl.spec.Rounding;
import java.io.PrintWriter;
import java.util.SplittableRandom;
import java.util.function.IntToLongFunction;

/**
 * Golden-model throughput on one core: requantizations per second over a pre-generated table of
 * random 32-bit accumulators (so random-number generation is not timed), results folded into a
 * checksum the JIT cannot drop. Best of several one-second rounds after warm-up.
 */
public final class GoldenBenchmark {
  private static final int TABLE = 1 << 20;

  private GoldenBenchmark() {}

  public static void run(int rounds, PrintWriter out) {
    SplittableRandom rnd = new SplittableRandom(7);
    long[] acc = new long[TABLE];
    int[] m0 = new int[TABLE];
    int[] shift = new int[TABLE];
    for (int i = 0; i < TABLE; i++) {
      acc[i] = rnd.nextInt() >> rnd.nextInt(24);
      m0[i] = (1 << 30) + rnd.nextInt(1 << 30);
      shift[i] = -rnd.nextInt(20);
    }
    OutputRange s8 = new OutputRange(8, true, false, true);
    out.printf("golden-model throughput, one thread, %d-entry table, best of %d rounds of ~1 s:%n", TABLE, rounds);
    report(out, "shift-round 32->8 half-up k=10", rounds, i -> ShiftRoundModel.requantize(acc[i], 0, 10, Rounding.HALF_UP, s8));
    report(out, "shift-round 32->8 half-even k=10", rounds, i -> ShiftRoundModel.requantize(acc[i], 0, 10, Rounding.HALF_EVEN, s8));
    report(out, "tflite-double 32->8", rounds, i -> TfliteModel.requantize(acc[i], 0, m0[i], shift[i], 3, false, s8));
    report(out, "tflite-single 32->8", rounds, i -> TfliteModel.requantize(acc[i], 0, m0[i], shift[i], 3, true, s8));
    report(out, "fp32-scale 32->8", rounds, i -> Fp32ScaleModel.requantize(acc[i], 0.0123f, 3, s8));
  }

  private static void report(PrintWriter out, String name, int rounds, IntToLongFunction op) {
    long checksum = 0;
    double best = 0;
    for (int r = 0; r < rounds + 2; r++) { // two warm-up rounds
      long n = 0;
      long start = System.nanoTime();
      long elapsed;
      do {
        for (int i = 0; i < TABLE; i++) {
          checksum += op.applyAsLong(i);
        }
        n += TABLE;
        elapsed = System.nanoTime() - start;
      } while (elapsed < 1_000_000_000L);
      double rate = n / (elapsed / 1e9);
      if (r >= 2) {
        best = Math.max(best, rate);
      }
    }
    out.printf("  %-36s %8.1f M/s   (checksum %d)%n", name, best / 1e6, checksum);
    out.flush();
  }
}
