package dev.qrtl.kind;

import dev.qrtl.golden.ResidualAddModel;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestException;
import dev.qrtl.sim.PortLayout;
import dev.qrtl.sim.RecordSource;
import dev.qrtl.spec.Param;
import dev.qrtl.spec.ResidualAddSpec;
import dev.qrtl.spec.ResidualAddSpec.AddScheme;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.stimulus.ValueSampler;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Records of a residual-add unit, one add per record: inputs {@code a}, {@code b} and every
 * parameter in port order, expected the golden model's {@code q}. Co-simulation starts with corner
 * records (both inputs at each end of their range against zero points at each end, with the
 * largest and smallest scale parameters), then draws, half the time, every parameter over its whole
 * range (fp32 ratios: finite, below 2^100 in magnitude, subnormals included) and otherwise the
 * parameters a deployment computes for scale ratios between 2^-3 and 2^3, with zero points over
 * the whole type. An energy run draws inputs from the stimulus and holds parameters (ratios
 * between 1/2 and 2, zero points within 16 of the middle) for the parameter period.
 */
public final class ResidualAddRecords implements RecordSource {
  private final ResidualAddSpec spec;
  private final PortLayout layout;
  private final ValueSampler aSampler;
  private final ValueSampler bSampler;
  private final SplittableRandom rnd;
  private final long count;
  private final int paramPeriod;
  private final boolean energy;
  private final List<long[]> corners;
  private final List<Param> params;
  private long[] held;
  private long produced;

  public ResidualAddRecords(Manifest m, ResidualAddSpec s, Stimulus stimulus, long count, long seed, int paramPeriod, boolean energy) {
    this.spec = s;
    this.layout = PortLayout.of(m);
    this.params = s.params();
    if (layout.inputs().size() != 2 + params.size() || layout.outputs().size() != 1) {
      throw new ManifestException("'" + m.top() + "': a residual add has " + (2 + params.size()) + " inputs and one output, not "
          + layout.inputs().size() + " and " + layout.outputs().size());
    }
    this.aSampler = stimulus.sampler(s.bits(), seed ^ 0x9E3779B97F4A7C15L);
    this.bSampler = stimulus.sampler(s.bits(), seed ^ 0x3C6EF372FE94F82AL);
    this.rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
    this.count = count;
    this.paramPeriod = paramPeriod;
    this.energy = energy;
    this.corners = energy ? List.of() : corners();
  }

  /** Records: one per add. */
  public long total() {
    return count;
  }

  @Override
  public void fill(long[] buf, int n) {
    int rec = layout.recordWords();
    for (int r = 0; r < n; r++, produced++) {
      int base = r * rec;
      java.util.Arrays.fill(buf, base, base + rec, 0L);
      if (produced >= count) {
        continue;
      }
      long[] in = next();
      for (int i = 0; i < in.length; i++) {
        buf[base + layout.inputOffset(i)] = in[i];
      }
      long[] p = java.util.Arrays.copyOfRange(in, 2, in.length);
      buf[base] = 1;
      buf[base + layout.outputOffset(0)] = ResidualAddModel.apply(spec, in[0], in[1], p);
    }
  }

  /** One record's inputs: a, b, then the parameters in port order. */
  private long[] next() {
    if (produced < corners.size()) {
      return corners.get((int) produced);
    }
    long[] in = new long[2 + params.size()];
    in[0] = value(aSampler);
    in[1] = value(bSampler);
    long[] p;
    if (energy) {
      if (held == null || produced % paramPeriod == 0) {
        held = deployed(0.5, 2, 16);
      }
      p = held;
    } else {
      p = rnd.nextBoolean() ? anywhere() : deployed(0.125, 8, Long.MAX_VALUE);
    }
    System.arraycopy(p, 0, in, 2, p.length);
    return in;
  }

  /** A sampler's value in the input type (an unsigned type's range is the signed one moved up). */
  private long value(ValueSampler s) {
    long v = energy ? s.next() : s.uniform();
    return spec.signed() ? v : v + (1L << (spec.bits() - 1));
  }

  private long min() {
    return spec.signed() ? -(1L << (spec.bits() - 1)) : 0;
  }

  private long max() {
    return spec.signed() ? (1L << (spec.bits() - 1)) - 1 : (1L << spec.bits()) - 1;
  }

  private long zeroPoint(long spread) {
    long mid = (min() + max() + 1) / 2;
    if (spread == Long.MAX_VALUE) {
      return rnd.nextLong(min(), max() + 1);
    }
    return Math.max(min(), Math.min(max(), mid + rnd.nextLong(-spread, spread + 1)));
  }

  /** Parameters a deployment computes for ratios drawn log-uniformly in [lo, hi]. */
  private long[] deployed(double lo, double hi, long zpSpread) {
    double ra = Math.exp(Math.log(lo) + rnd.nextDouble() * Math.log(hi / lo));
    double rb = Math.exp(Math.log(lo) + rnd.nextDouble() * Math.log(hi / lo));
    long[] scale = ResidualAddModel.scaleParams(spec, ra, rb, 1);
    long[] p = new long[3 + scale.length];
    for (int i = 0; i < 3; i++) {
      p[i] = zeroPoint(zpSpread);
    }
    System.arraycopy(scale, 0, p, 3, scale.length);
    return p;
  }

  /** Every parameter over its whole range (fp32 ratios within the unit's domain). */
  private long[] anywhere() {
    long[] p = new long[params.size()];
    for (int i = 0; i < p.length; i++) {
      Param q = params.get(i);
      if (spec.scheme() == AddScheme.FP32_SCALE && q.role() == Param.Role.SCALE) {
        p[i] = ratioBits();
      } else if (q.signed()) {
        p[i] = q.bits() == 64 ? rnd.nextLong() : rnd.nextLong(-(1L << (q.bits() - 1)), 1L << (q.bits() - 1));
      } else {
        p[i] = rnd.nextLong(1L << q.bits());
      }
    }
    return p;
  }

  /** A finite binary32 below 2^100 in magnitude: any sign, exponent field 0 (subnormal) .. 226, any fraction. */
  private long ratioBits() {
    long sign = rnd.nextInt(2);
    long field = rnd.nextInt(20) == 0 ? 0 : rnd.nextInt(1, 227);
    return sign << 31 | field << 23 | rnd.nextInt(1 << 23);
  }

  private List<long[]> corners() {
    List<long[]> out = new ArrayList<>();
    long[] ends = {min(), max()};
    for (long a : ends) {
      for (long b : ends) {
        for (long z : ends) {
          for (int extreme = 0; extreme < 2; extreme++) {
            long[] in = new long[2 + params.size()];
            in[0] = a;
            in[1] = b;
            for (int i = 0; i < params.size(); i++) {
              Param q = params.get(i);
              if (q.role() == Param.Role.ZERO_POINT) {
                in[2 + i] = i == 2 ? -z + min() + max() : z;
              } else if (spec.scheme() == AddScheme.FP32_SCALE) {
                in[2 + i] = extreme == 0 ? 0x3F800000L : 0x71000000L | (a < 0 ? 1L << 31 : 0); // 1.0, and 2^99 (negated for a < 0)
              } else if (q.signed()) {
                in[2 + i] = extreme == 0 ? (1L << (q.bits() - 1)) - 1 : -(1L << (q.bits() - 1));
              } else {
                in[2 + i] = extreme == 0 ? (1L << q.bits()) - 1 : 0;
              }
            }
            out.add(in);
          }
        }
      }
    }
    return out;
  }
}
