package dev.qrtl.kind;

import dev.qrtl.golden.GroupPeModel;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.sim.PortLayout;
import dev.qrtl.manifest.PortSpec;
import dev.qrtl.sim.RecordSource;
import dev.qrtl.spec.GroupPeSpec;
import dev.qrtl.spec.GroupPeSpec.Granularity;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.stimulus.ValueSampler;
import java.math.BigInteger;
import java.util.SplittableRandom;

/**
 * Records of a group-scaled PE, one per clock: activation and weight from the stimulus at their
 * widths, a scale per group, {@code first} every K valid products, {@code valid} mostly 1; expected
 * the golden model's accumulator after the edge. Co-simulation also drops valid at random, starts
 * dot products in mid-group and draws scales over their whole code range; an energy run keeps
 * every cycle valid and draws realistic scales (shifts 0..7, multipliers over their range,
 * binary16 values between 2^-8 and 1).
 */
public final class GroupPeRecords implements RecordSource {
  private final GroupPeSpec spec;
  private final PortLayout layout;
  private final ValueSampler aSampler;
  private final ValueSampler wSampler;
  private final SplittableRandom rnd;
  private final GroupPeModel model;
  private final long count;
  private final boolean energy;
  private long produced;
  private long validSoFar;
  private long scale;

  public GroupPeRecords(Manifest m, GroupPeSpec s, Stimulus stimulus, long count, long seed, boolean energy) {
    this.spec = s;
    this.layout = PortLayout.of(m);
    this.aSampler = stimulus.activations(s.aBits(), seed ^ 0x9E3779B97F4A7C15L);
    this.wSampler = stimulus.weights(s.wBits(), seed ^ 0x3C6EF372FE94F82AL);
    this.rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
    this.model = new GroupPeModel(s);
    this.count = count;
    this.energy = energy;
  }

  /** Records: a reset cycle, every cycle, then one to see the last edge's result. */
  public long total() {
    return count + 2;
  }

  @Override
  public void fill(long[] buf, int n) {
    int rec = layout.recordWords();
    for (int r = 0; r < n; r++, produced++) {
      int base = r * rec;
      java.util.Arrays.fill(buf, base, base + rec, 0L);
      // the output this record checks is the accumulator after the previous records' edges
      BigInteger before = model.step(false, false, 0, 0, 0);
      buf[base] = produced >= 1 && produced <= count + 1 ? 1 : 0;
      int o = 0;
      for (PortSpec p : layout.outputs()) {
        for (int word = 0; word < PortLayout.words(p); word++) {
          buf[base + layout.outputOffset(o) + word] = before.shiftRight(64 * word).longValue();
        }
        o++;
      }
      if (produced == 0) {
        setInput(buf, base, "rst", 1); // a reset cycle first: the registers start as the model does
        continue;
      }
      if (produced > count) {
        continue;
      }
      boolean valid = energy || rnd.nextInt(10) != 0;
      long a = aSampler.next();
      long w = wSampler.next();
      boolean groupStart = validSoFar % Math.max(1, spec.granularity() == Granularity.GROUP ? spec.group() : 1) == 0;
      if (valid && groupStart) {
        scale = drawScale();
      }
      boolean first = valid && (validSoFar % spec.k() == 0 || !energy && rnd.nextInt(500) == 0);
      if (first) {
        validSoFar = 0;
      }
      int i = 0;
      for (PortSpec p : layout.inputs()) {
        long v = switch (p.name()) {
          case "rst" -> 0;
          case "a" -> a;
          case "w" -> w;
          case "scale" -> scale;
          case "first" -> first ? 1 : 0;
          case "valid" -> valid ? 1 : 0;
          default -> throw new IllegalStateException("port " + p.name());
        };
        buf[base + layout.inputOffset(i++)] = v;
      }
      model.step(valid, first, a, w, scale);
      if (valid) {
        validSoFar++;
      }
    }
  }

  private void setInput(long[] buf, int base, String name, long v) {
    for (int i = 0; i < layout.inputs().size(); i++) {
      if (layout.inputs().get(i).name().equals(name)) {
        buf[base + layout.inputOffset(i)] = v;
      }
    }
  }

  private long drawScale() {
    if (spec.granularity() == Granularity.TENSOR) {
      return 0;
    }
    int bits = spec.scaleBits();
    if (!energy) {
      return rnd.nextLong() & ((1L << bits) - 1);
    }
    return switch (spec.scale()) {
      case SHIFT -> rnd.nextInt(Math.min(8, 1 << bits));
      case DYADIC -> rnd.nextLong() & ((1L << bits) - 1);
      case FP16 -> (rnd.nextInt(7, 15) << 10) | rnd.nextInt(1 << 10); // 2^-8 .. 1
    };
  }
}
