package dev.qrtl.kind;

import dev.qrtl.manifest.ManifestException;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.PortSpec;
import dev.qrtl.sim.PortLayout;
import dev.qrtl.sim.RecordSource;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.stimulus.ValueSampler;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Records for a unit that maps input values to output values with no state beyond its pipeline:
 * every input is drawn from the stimulus at its own width (each from its own seeded stream), the
 * expected outputs come from a golden function of the inputs, delayed by the design's latency
 * (records before the pipeline fills are not checked). The building block a simple new kind's
 * workload is made of; ports up to 64 bits.
 */
public final class ElementRecords implements RecordSource {
  private final PortLayout layout;
  private final ValueSampler[] samplers;
  private final UnaryOperator<long[]> golden;
  private final long count;
  private final int latency;
  private final ArrayDeque<long[]> pending = new ArrayDeque<>();
  private long produced;

  /**
   * @param golden the expected outputs (in the manifest's output order) for the inputs (in its data-input order)
   */
  public ElementRecords(Manifest m, Stimulus stimulus, long count, long seed, UnaryOperator<long[]> golden) {
    this.layout = PortLayout.of(m);
    for (PortSpec p : layout.inputs()) {
      checkWidth(m, p);
    }
    for (PortSpec p : layout.outputs()) {
      checkWidth(m, p);
    }
    this.samplers = new ValueSampler[layout.inputs().size()];
    for (int i = 0; i < samplers.length; i++) {
      samplers[i] = stimulus.sampler(layout.inputs().get(i).width(), seed ^ (0x9E3779B97F4A7C15L * (i + 1)));
    }
    this.golden = golden;
    this.count = count;
    this.latency = m.latency();
  }

  private static void checkWidth(Manifest m, PortSpec p) {
    if (p.width() > 64) {
      throw new ManifestException("'" + m.top() + "': port " + p.name() + " is " + p.width() + " bits; element records take up to 64");
    }
  }

  /** Records: every operation, then the pipeline's fill. */
  public long total() {
    return count + latency;
  }

  @Override
  public void fill(long[] buf, int n) {
    int rec = layout.recordWords();
    List<PortSpec> ins = layout.inputs();
    for (int r = 0; r < n; r++, produced++) {
      int base = r * rec;
      java.util.Arrays.fill(buf, base, base + rec, 0L);
      long[] in = new long[ins.size()];
      if (produced < count) {
        for (int i = 0; i < in.length; i++) {
          in[i] = toPort(samplers[i].next(), ins.get(i));
        }
      }
      for (int i = 0; i < in.length; i++) {
        buf[base + layout.inputOffset(i)] = in[i];
      }
      long[] out = produced < count ? golden.apply(in) : new long[layout.outputs().size()];
      pending.addLast(out);
      if (pending.size() > latency) {
        long[] expected = pending.removeFirst();
        buf[base] = produced >= latency && produced - latency < count ? 1 : 0;
        for (int o = 0; o < expected.length; o++) {
          buf[base + layout.outputOffset(o)] = expected[o];
        }
      }
    }
  }

  /** A signed draw as the port carries it: unsigned ports take the low bits. */
  private static long toPort(long v, PortSpec p) {
    if (p.signed() || p.width() >= 64) {
      return v;
    }
    return v & ((1L << p.width()) - 1);
  }
}
