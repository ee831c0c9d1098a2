package dev.qrtl.cosim;

import dev.qrtl.stimulus.AutoStimulus;
import dev.qrtl.stimulus.CornersStimulus;
import dev.qrtl.stimulus.ExhaustiveStimulus;
import dev.qrtl.stimulus.NpyStimulus;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.stimulus.ValueSampler;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestException;
import dev.qrtl.manifest.PortSpec;
import dev.qrtl.sim.PortLayout;
import dev.qrtl.sim.RecordSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Co-simulation records for a requantizer: accumulators from the stimulus, run-time parameters
 * drawn per vector (corner values first, then random within their valid ranges, or fitted to the
 * spread of a realistic stimulus), expected outputs from the golden model, delayed by the
 * design's latency (records before the pipeline fills are not checked).
 */
public final class QuantizerRecords implements RecordSource {
  private final Manifest manifest;
  private final RequantizerGolden golden;
  private final PortLayout layout;
  private final List<PortSpec> inputs;
  private final ValueSampler accs;
  private final SplittableRandom rnd;
  private final Stimulus stimulus;
  private final long[] fileValues;
  private final long total;
  private final boolean exhaustive;
  private final List<long[]> corners;
  private final long[] pending;
  private final int latency;
  private final long[] current;
  private final Map<String, Integer> index = new HashMap<>();
  private final java.util.function.ToLongFunction<long[]> expectedOf;
  private final int[] inOffsets;
  private final int outOffset;
  private final int accIndex;
  private final java.util.function.LongSupplier[] randomParam;
  private final boolean hasThresholds;
  private final int paramPeriod;
  private long produced;

  /** Records for co-simulation: corner cases first, run-time parameters drawn afresh for every vector. */
  public QuantizerRecords(Manifest manifest, Stimulus stimulus, long vectors, long seed) {
    this(manifest, stimulus, vectors, seed, 1, true);
  }

  /**
   * Records with run-time parameters held for {@code paramPeriod} vectors at a time (a layer's
   * scale does not change per value, and redrawing it would add switching a deployed unit never
   * sees), with or without the corner cases first. Energy estimation uses this.
   */
  public QuantizerRecords(Manifest manifest, Stimulus stimulus, long vectors, long seed, int paramPeriod, boolean withCorners) {
    if (paramPeriod < 1) {
      throw new IllegalArgumentException("parameter period must be at least 1, not " + paramPeriod);
    }
    this.paramPeriod = paramPeriod;
    this.manifest = manifest;
    this.golden = RequantizerGolden.fromParams(manifest.params(), "");
    this.layout = PortLayout.of(manifest);
    this.inputs = layout.inputs();
    if (layout.outputs().size() != 1 || !layout.outputs().get(0).name().equals("q")) {
      throw new ManifestException("quantizer manifest of '" + manifest.top() + "' must have the one output 'q'");
    }
    for (int i = 0; i < inputs.size(); i++) {
      index.put(inputs.get(i).name(), i);
    }
    if (!index.containsKey("acc")) {
      throw new ManifestException("quantizer manifest of '" + manifest.top() + "' has no 'acc' input");
    }
    this.stimulus = stimulus;
    this.rnd = new SplittableRandom(seed);
    this.accs = stimulus.sampler(golden.accBits(), seed ^ 0xACC);
    this.latency = manifest.latency();
    this.pending = new long[latency + 1];
    this.current = new long[inputs.size()];
    long space = exhaustiveSpace();
    boolean wantExhaustive = stimulus instanceof ExhaustiveStimulus
        || stimulus instanceof AutoStimulus && space > 0 && space <= vectors;
    if (stimulus instanceof ExhaustiveStimulus && space <= 0) {
      throw new IllegalArgumentException("the input space of '" + manifest.top() + "' is too large to enumerate");
    }
    this.exhaustive = wantExhaustive;
    if (stimulus instanceof NpyStimulus npy) {
      this.fileValues = npy.read().values();
      long lo = -(1L << (golden.accBits() - 1));
      long hi = (1L << (golden.accBits() - 1)) - 1;
      for (int i = 0; i < fileValues.length; i++) {
        if (golden.accBits() < 64 && (fileValues[i] < lo || fileValues[i] > hi)) {
          throw new IllegalArgumentException(stimulus.text() + ": value " + fileValues[i] + " at index " + i
              + " does not fit the " + golden.accBits() + "-bit signed accumulator");
        }
      }
      this.total = fileValues.length;
    } else {
      this.fileValues = null;
      this.total = exhaustive ? space : vectors;
    }
    this.corners = withCorners && (stimulus instanceof CornersStimulus || stimulus instanceof AutoStimulus && !exhaustive)
        ? Corners.forQuantizer(golden, inputs) : List.of();
    this.expectedOf = golden.bind(inputNames());
    this.inOffsets = new int[inputs.size()];
    for (int i = 0; i < inputs.size(); i++) {
      inOffsets[i] = layout.inputOffset(i);
    }
    this.outOffset = layout.outputOffset(0);
    this.accIndex = index.get("acc");
    this.randomParam = new java.util.function.LongSupplier[inputs.size()];
    double spread = accs.spread();
    for (int i = 0; i < inputs.size(); i++) {
      PortSpec p = inputs.get(i);
      if (i != accIndex) {
        randomParam[i] = stimulus.realistic()
            ? () -> Params.fitted(p, golden, rnd, spread)
            : () -> Params.random(p, golden, rnd, accs);
      }
    }
    this.hasThresholds = index.keySet().stream().anyMatch(n -> n.startsWith("thr_"));
  }

  /** Records this source produces (the exhaustive count, the file length, or the requested count) plus the pipeline fill. */
  public long total() {
    return total + latency;
  }

  public boolean exhaustive() {
    return exhaustive;
  }

  public String describe() {
    return exhaustive ? "exhaustive (" + total + " vectors)" : stimulus.text()
        + (corners.isEmpty() ? "" : " (" + corners.size() + " corner cases first)");
  }

  /** Enumerable inputs: acc, plus a run-time shift and a channel; 0 if too large. */
  private long exhaustiveSpace() {
    int bits = golden.accBits();
    for (PortSpec p : inputs) {
      if (p.name().equals("shift") && (golden.scheme().equals("shift-round") || golden.scheme().equals("floor"))
          || p.name().equals("channel")) {
        bits += p.width();
      }
    }
    return bits > 31 ? 0 : 1L << bits;
  }

  @Override
  public void fill(long[] buf, int n) {
    int rec = layout.recordWords();
    for (int r = 0; r < n; r++, produced++) {
      int base = r * rec;
      boolean live = produced < total;
      if (live) {
        choose(produced);
      }
      for (int i = 0; i < inOffsets.length; i++) {
        buf[base + inOffsets[i]] = current[i];
      }
      long expected = live ? expectedOf.applyAsLong(current) : 0;
      if (latency == 0) {
        buf[base] = 1;
        buf[base + outOffset] = expected;
        continue;
      }
      // shift the expected values through the pipeline
      System.arraycopy(pending, 0, pending, 1, latency);
      pending[0] = expected;
      buf[base] = produced >= latency ? 1 : 0;
      buf[base + outOffset] = pending[latency];
    }
  }

  /** Sets {@link #current} for vector number {@code v}. */
  private void choose(long v) {
    if (exhaustive) {
      long rest = v;
      for (int i = inputs.size() - 1; i >= 0; i--) {
        PortSpec p = inputs.get(i);
        if (p.name().equals("acc") || p.name().equals("channel")
            || p.name().equals("shift") && (golden.scheme().equals("shift-round") || golden.scheme().equals("floor"))) {
          long size = 1L << p.width();
          long x = rest & (size - 1);
          rest >>>= p.width();
          current[i] = p.name().equals("acc") ? x - (1L << (p.width() - 1)) : x;
        } else {
          current[i] = Params.random(p, golden, rnd, accs);
        }
      }
      return;
    }
    if (v < corners.size()) {
      System.arraycopy(corners.get((int) v), 0, current, 0, current.length);
      return;
    }
    // Thresholds are layer parameters: a new ascending set every 256 vectors (drawing and sorting
    // 255 of them per vector would cost more than the whole check).
    long n = v - corners.size();
    boolean newThresholds = hasThresholds && n % Math.max(256, paramPeriod) == 0;
    boolean newParams = n % paramPeriod == 0;
    for (int i = 0; i < current.length; i++) {
      if (i == accIndex) {
        current[i] = fileValues != null ? fileValues[(int) v] : accs.next();
      } else if (inputs.get(i).name().startsWith("thr_") ? newThresholds : newParams) {
        current[i] = randomParam[i].getAsLong();
      }
    }
    if (newThresholds) {
      Params.sortThresholds(current, inputs);
    }
  }

  /** The input names in record order, for reports. */
  public List<String> inputNames() {
    List<String> names = new ArrayList<>();
    inputs.forEach(p -> names.add(p.name()));
    return names;
  }
}
