package dev.qrtl.cosim;

import dev.qrtl.golden.OutputRange;
import dev.qrtl.manifest.PortSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The corner cases of section 4 of the requantization reference, as input vectors for a
 * requantizer: accumulator extremes, k = 0 and the largest k, exact ties of both signs, values one
 * below, at and above each saturation bound after rounding; for TFLite M0 = 0, 2^30, 2^31 - 1 and
 * -2^31 (the saturating SRDHM), shifts at both ends and zero points at both ends; for float
 * scales, values above 2^24, zero, subnormal and extreme scales.
 */
final class Corners {
  private Corners() {}

  static List<long[]> forQuantizer(RequantizerGolden g, List<PortSpec> inputs) {
    List<long[]> out = new ArrayList<>();
    long min = g.accBits() >= 64 ? Long.MIN_VALUE : -(1L << (g.accBits() - 1));
    long max = g.accBits() >= 64 ? Long.MAX_VALUE : (1L << (g.accBits() - 1)) - 1;
    OutputRange o = g.out();
    switch (g.scheme()) {
      case "shift-round", "floor" -> {
        List<Integer> ks = new ArrayList<>();
        if (g.constantShift() != null) {
          ks.add(g.constantShift());
        } else {
          PortSpec sp = inputs.stream().filter(p -> p.name().equals("shift")).findFirst().orElse(null);
          int kMax = sp == null ? g.accBits() - 1 : (int) Math.min(62, (1L << sp.width()) - 1);
          for (int k : new int[] {0, 1, 2, g.accBits() / 2, g.accBits() - 1, kMax}) {
            if (!ks.contains(k) && k <= kMax) {
              ks.add(k);
            }
          }
        }
        for (int k : ks) {
          for (long acc : shiftRoundAccs(k, min, max, o)) {
            out.add(vector(inputs, acc, "shift", k));
          }
        }
      }
      case "tflite-double", "tflite-single" -> {
        boolean single = g.scheme().equals("tflite-single");
        long[] accs = {min, max, 0, 1, -1, 1 << 14, -(1 << 14), 12345, -12345};
        long[] m0s = single ? new long[] {0, 1 << 30, Integer.MAX_VALUE} : new long[] {0, 1 << 30, Integer.MAX_VALUE, Integer.MIN_VALUE};
        long[] shifts = single ? new long[] {-31, -1, 0, 30} : new long[] {-32, -31, -1, 0, 30, 31};
        long[] zps = {o.min(), 0, o.max()};
        for (long acc : accs) {
          for (long m0 : m0s) {
            for (long sh : shifts) {
              for (long zp : zps) {
                long a = clamp(acc, min, max);
                out.add(vector(inputs, a, "m0", m0, "shift", sh, "zero_point", zp));
              }
            }
          }
        }
      }
      case "fp32-scale" -> {
        long big = 1L << 24;
        long[] accs = {min, max, 0, 1, -1, big + 1, -(big + 1), big + 3, -(big + 3), 2 * big + 2, 5, -5, 7, -7};
        float[] scales = {0f, -0f, Float.MIN_VALUE, 1e-40f, 0.5f, 1f, -1f, 0x1p-24f, 1f / 3, 1.5f / 16, Float.MAX_VALUE, 0x1p-25f};
        long[] zps = {o.min(), 0, o.max()};
        for (long acc : accs) {
          for (float f : scales) {
            for (long zp : zps) {
              out.add(vector(inputs, clamp(acc, min, max), "scale", Float.floatToRawIntBits(f) & 0xFFFFFFFFL, "zero_point", zp));
            }
          }
        }
      }
      case "threshold" -> {
        int n = g.thresholdCount();
        for (long acc : new long[] {min, max, 0, 1, -1}) {
          long[] v = vector(inputs, acc);
          for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).name().startsWith("thr_")) {
              int t = Integer.parseInt(inputs.get(i).name().substring(4));
              v[i] = clamp(acc + t - n / 2, min, max); // thresholds around acc: ties at acc itself
            }
          }
          out.add(v);
        }
      }
      default -> throw new AssertionError(g.scheme());
    }
    return out;
  }

  private static Set<Long> shiftRoundAccs(int k, long min, long max, OutputRange o) {
    Set<Long> accs = new LinkedHashSet<>(List.of(min, max, 0L, 1L, -1L));
    if (k > 0 && k < 62) {
      long half = 1L << (k - 1);
      for (long m = -3; m <= 3; m++) {
        long tie = (m << k) + half;
        accs.add(clamp(tie, min, max));
        accs.add(clamp(tie - 1, min, max));
        accs.add(clamp(tie + 1, min, max));
      }
      for (long bound : new long[] {o.max(), o.min(), o.max() + 1, o.min() - 1}) {
        if (Math.abs(bound) < (1L << (62 - k))) {
          long base = bound << k;
          for (long d = -1; d <= 1; d++) {
            accs.add(clamp(base + half + d, min, max));
            accs.add(clamp(base - half + d, min, max));
          }
        }
      }
    }
    return accs;
  }

  private static long clamp(long v, long min, long max) {
    return Math.max(min, Math.min(max, v));
  }

  /** A vector with acc and the named inputs set (inputs that do not exist are skipped). */
  private static long[] vector(List<PortSpec> inputs, long acc, Object... named) {
    long[] v = new long[inputs.size()];
    for (int i = 0; i < inputs.size(); i++) {
      String n = inputs.get(i).name();
      if (n.equals("acc")) {
        v[i] = acc;
      }
      for (int j = 0; j < named.length; j += 2) {
        if (n.equals(named[j])) {
          v[i] = ((Number) named[j + 1]).longValue();
        }
      }
    }
    return v;
  }
}
