package dev.qrtl.scheme;

import dev.qrtl.golden.OutputRange;
import dev.qrtl.manifest.PortSpec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Building blocks of the corner cases of section 4 of the requantization reference. */
final class CornerVectors {
  private CornerVectors() {}

  static long accMin(int accBits) {
    return accBits >= 64 ? Long.MIN_VALUE : -(1L << (accBits - 1));
  }

  static long accMax(int accBits) {
    return accBits >= 64 ? Long.MAX_VALUE : (1L << (accBits - 1)) - 1;
  }

  static long clamp(long v, long min, long max) {
    return Math.max(min, Math.min(max, v));
  }

  /**
   * Accumulators around a division by 2^k: the extremes, 0 and +-1, exact ties of both signs and
   * their neighbours, and values one below, at and above each saturation bound after rounding.
   */
  static Set<Long> aroundDivision(int k, long min, long max, OutputRange o) {
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

  /** A vector with acc and the named inputs set (names the design lacks are skipped). */
  static long[] vector(List<PortSpec> inputs, long acc, Object... named) {
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

  /** The width of input {@code name}, or -1 if the design lacks it. */
  static int width(List<PortSpec> inputs, String name) {
    return inputs.stream().filter(p -> p.name().equals(name)).mapToInt(PortSpec::width).findFirst().orElse(-1);
  }
}
