package dev.qrtl.kind;

import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestException;
import dev.qrtl.manifest.PortSpec;
import dev.qrtl.kind.Designs;
import dev.qrtl.scheme.RequantizerModel;
import dev.qrtl.scheme.Schemes;
import dev.qrtl.sim.PortLayout;
import dev.qrtl.sim.RecordSource;
import dev.qrtl.spec.DesignSpec;
import dev.qrtl.spec.QuantizerSpec;
import dev.qrtl.stimulus.AutoStimulus;
import dev.qrtl.stimulus.CornersStimulus;
import dev.qrtl.stimulus.ExhaustiveStimulus;
import dev.qrtl.stimulus.NpyStimulus;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.stimulus.ValueSampler;
import java.util.ArrayList;
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
  private final RequantizerModel golden;
  private final int accBits;
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
  private final boolean[] layer;
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
    DesignSpec spec = Designs.specOf(manifest, manifest.top());
    if (!(spec instanceof QuantizerSpec q)) {
      throw new ManifestException("manifest of '" + manifest.top() + "' does not describe a requantizer");
    }
    this.golden = Schemes.model(q);
    this.accBits = q.accBits();
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
    this.accs = stimulus.sampler(accBits, seed ^ 0xACC);
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
      long lo = -(1L << (accBits - 1));
      long hi = (1L << (accBits - 1)) - 1;
      for (int i = 0; i < fileValues.length; i++) {
        if (accBits < 64 && (fileValues[i] < lo || fileValues[i] > hi)) {
          throw new IllegalArgumentException(stimulus.text() + ": value " + fileValues[i] + " at index " + i
              + " does not fit the " + accBits + "-bit signed accumulator");
        }
      }
      this.total = fileValues.length;
    } else {
      this.fileValues = null;
      this.total = exhaustive ? space : vectors;
    }
    this.corners = withCorners && (stimulus instanceof CornersStimulus || stimulus instanceof AutoStimulus && !exhaustive)
        ? golden.corners(inputs) : List.of();
    this.expectedOf = golden.bind(inputNames());
    this.inOffsets = new int[inputs.size()];
    for (int i = 0; i < inputs.size(); i++) {
      inOffsets[i] = layout.inputOffset(i);
    }
    this.outOffset = layout.outputOffset(0);
    this.accIndex = index.get("acc");
    this.randomParam = new java.util.function.LongSupplier[inputs.size()];
    this.layer = new boolean[inputs.size()];
    double spread = accs.spread();
    for (int i = 0; i < inputs.size(); i++) {
      PortSpec p = inputs.get(i);
      layer[i] = golden.layerParameter(p);
      if (i != accIndex) {
        randomParam[i] = stimulus.realistic()
            ? () -> golden.fitted(p, rnd, spread)
            : () -> golden.random(p, rnd, accs);
      }
    }
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

  /** Enumerable inputs: acc, plus those the scheme enumerates (a run-time shift, a channel); 0 if too large. */
  private long exhaustiveSpace() {
    int bits = accBits;
    for (PortSpec p : inputs) {
      if (golden.enumerable(p)) {
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
        if (p.name().equals("acc") || golden.enumerable(p)) {
          long size = 1L << p.width();
          long x = rest & (size - 1);
          rest >>>= p.width();
          current[i] = p.name().equals("acc") ? x - (1L << (p.width() - 1)) : x;
        } else {
          current[i] = golden.random(p, rnd, accs);
        }
      }
      return;
    }
    if (v < corners.size()) {
      System.arraycopy(corners.get((int) v), 0, current, 0, current.length);
      return;
    }
    // Layer parameters (thresholds) are drawn anew every 256 vectors at most often (drawing and
    // sorting 255 of them per vector would cost more than the whole check); the rest every period.
    long n = v - corners.size();
    boolean newLayer = n % Math.max(256, paramPeriod) == 0;
    boolean newParams = n % paramPeriod == 0;
    boolean drewLayer = false;
    for (int i = 0; i < current.length; i++) {
      if (i == accIndex) {
        current[i] = fileValues != null ? fileValues[(int) v] : accs.next();
      } else if (layer[i] ? newLayer : newParams) {
        current[i] = randomParam[i].getAsLong();
        drewLayer |= layer[i];
      }
    }
    if (drewLayer) {
      golden.arrange(current, inputs);
    }
  }

  /** The input names in record order, for reports. */
  public List<String> inputNames() {
    List<String> names = new ArrayList<>();
    inputs.forEach(p -> names.add(p.name()));
    return names;
  }
}
