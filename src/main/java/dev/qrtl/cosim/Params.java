package dev.qrtl.cosim;

import dev.qrtl.golden.OutputRange;
import dev.qrtl.manifest.PortSpec;
import dev.qrtl.stimulus.ValueSampler;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Values for a requantizer's run-time inputs: random within their valid ranges (to cover the
 * unit), or fitted to the spread of a realistic stimulus (so outputs use the whole range).
 */
final class Params {
  private Params() {}

  static long random(PortSpec p, RequantizerGolden g, SplittableRandom rnd, ValueSampler accs) {
    String n = p.name();
    OutputRange out = g.out();
    if (n.equals("bias")) {
      return accs.uniform() >> 2;
    } else if (n.equals("shift")) {
      if (g.scheme().startsWith("tflite")) {
        boolean single = g.scheme().equals("tflite-single");
        return rnd.nextInt(8) == 0 ? rnd.nextInt(single ? -31 : -32, single ? 31 : 32) : -rnd.nextInt(32);
      }
      return rnd.nextLong(1L << p.width());
    } else if (n.equals("m0")) {
      return rnd.nextInt(50) == 0 ? 0 : (1 << 30) + rnd.nextInt(1 << 30);
    } else if (n.equals("zero_point")) {
      return out.min() + rnd.nextLong(out.max() - out.min() + 1);
    } else if (n.equals("scale")) {
      if (rnd.nextInt(50) == 0) {
        return 0;
      }
      double mag = Math.scalb(1.0 + rnd.nextDouble(), -rnd.nextInt(40));
      return Float.floatToRawIntBits((float) (rnd.nextBoolean() ? mag : -mag)) & 0xFFFFFFFFL;
    } else if (n.startsWith("thr_")) {
      return rnd.nextInt(4) == 0 ? accs.uniform() : accs.uniform() >> (g.accBits() / 2);
    } else if (n.equals("channel")) {
      return rnd.nextLong(1L << p.width());
    }
    throw new IllegalArgumentException("no way to drive requantizer input '" + n + "'");
  }

  static long fitted(PortSpec p, RequantizerGolden g, SplittableRandom rnd, double spread) {
    String n = p.name();
    double hi = g.out().max();
    double log2 = Math.log(3 * spread / Math.max(1, hi)) / Math.log(2);
    if (n.equals("bias")) {
      return Math.round(rnd.nextDouble(-0.25, 0.25) * spread);
    } else if (n.equals("shift")) {
      if (g.scheme().startsWith("tflite")) {
        return Math.max(-31, Math.min(30, -Math.round(log2) + rnd.nextInt(-1, 2)));
      }
      return Math.max(0, Math.min((1L << p.width()) - 1, Math.round(log2) + rnd.nextInt(-1, 2)));
    } else if (n.equals("m0")) {
      return (1 << 30) + rnd.nextInt(1 << 30);
    } else if (n.equals("zero_point")) {
      return g.out().signed() ? rnd.nextInt(-4, 5) : rnd.nextInt(0, 9);
    } else if (n.equals("scale")) {
      return Float.floatToRawIntBits((float) (Math.pow(2, -log2) * rnd.nextDouble(0.5, 2))) & 0xFFFFFFFFL;
    } else if (n.startsWith("thr_")) {
      return Math.round(rnd.nextDouble(-3, 3) * spread);
    } else if (n.equals("channel")) {
      return rnd.nextLong(1L << p.width());
    }
    throw new IllegalArgumentException("no way to drive requantizer input '" + n + "'");
  }

  /** Thresholds must ascend: sort the {@code thr_<i>} values of one vector in place. */
  static void sortThresholds(long[] values, List<PortSpec> inputs) {
    int first = -1;
    int count = 0;
    for (int i = 0; i < inputs.size(); i++) {
      if (inputs.get(i).name().startsWith("thr_")) {
        if (first < 0) {
          first = i;
        }
        count++;
      }
    }
    if (count > 0) {
      Arrays.sort(values, first, first + count);
    }
  }
}
