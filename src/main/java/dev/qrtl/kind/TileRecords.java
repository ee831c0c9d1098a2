package dev.qrtl.kind;

import dev.qrtl.golden.MacArrayModel;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestException;
import dev.qrtl.manifest.PortSpec;
import dev.qrtl.kind.Designs;
import dev.qrtl.scheme.RequantizerModel;
import dev.qrtl.sim.PortLayout;
import dev.qrtl.sim.RecordSource;
import dev.qrtl.spec.MacArraySpec;
import dev.qrtl.spec.MacForm;
import dev.qrtl.stimulus.AutoStimulus;
import dev.qrtl.stimulus.CornersStimulus;
import dev.qrtl.stimulus.NpyReader;
import dev.qrtl.stimulus.NpyStimulus;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.stimulus.UniformStimulus;
import dev.qrtl.stimulus.ValueSampler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongUnaryOperator;

/**
 * Co-simulation records for MAC arrays, unified modules and conventional pipelines: whole tiles
 * driven cycle by cycle with the documented protocol, all outputs checked once, exactly at the
 * design's latency. Operands come from the stimulus (uniform; Gaussian or Laplacian weights and
 * activations; ReLU-sparse activations with Gaussian weights for {@code products}; extremes for
 * {@code corners}; or a {@code .npy} of shape (tiles, R + C, K): rows A[i][:], then W[:][j]).
 * Run-time requantizer inputs are drawn per tile and column.
 */
public final class TileRecords implements RecordSource {
  private final Manifest manifest;
  private final PortLayout layout;
  private final Map<String, Integer> in = new HashMap<>();
  private final int rows;
  private final int cols;
  private final int k;
  private final int aBits;
  private final int wBits;
  private final boolean aSigned;
  private final boolean wSigned;
  private final boolean systolic;
  private final boolean callerSkew;
  private final int lanes;
  private final int latency;
  private final Stimulus stimulus;
  private final SplittableRandom rnd;
  private final ValueSampler aSampler;
  private final ValueSampler wSampler;
  private final TileModel model;
  private final long tiles;
  private final long[] fileValues;
  private final List<long[]> queue = new ArrayList<>();
  private long tile;
  private boolean resetDone;

  /** The records of a MAC design of any registered tile kind. */
  public static TileRecords of(Manifest m, Stimulus stimulus, long vectors, long seed) {
    DesignKind<?> kind = DesignKinds.named(m.kind());
    if (!(kind instanceof TileKind<?> t)) {
      throw new ManifestException("manifest of '" + m.top() + "' does not describe a MAC design");
    }
    return new TileRecords(m, t.tileModelAny(Designs.specOf(m, m.top())), stimulus, vectors, seed);
  }

  TileRecords(Manifest m, TileModel model, Stimulus stimulus, long vectors, long seed) {
    this.manifest = m;
    this.layout = PortLayout.of(m);
    for (int i = 0; i < layout.inputs().size(); i++) {
      in.put(layout.inputs().get(i).name(), i);
    }
    this.model = model;
    MacArraySpec a = model.array();
    this.rows = a.rows();
    this.cols = a.cols();
    this.k = a.k();
    this.aBits = a.aBits();
    this.wBits = a.wBits();
    this.aSigned = a.aSigned();
    this.wSigned = a.wSigned();
    this.systolic = a.form() == MacForm.SYSTOLIC;
    this.callerSkew = systolic && !a.inputSkew();
    this.lanes = a.lanes();
    this.latency = m.latency();
    this.stimulus = stimulus;
    this.rnd = new SplittableRandom(seed);
    this.aSampler = stimulus.activations(aBits + (aSigned ? 0 : 1), seed ^ 0xA);
    this.wSampler = stimulus.weights(wBits + (wSigned ? 0 : 1), seed ^ 0xB);
    if (stimulus instanceof NpyStimulus npy) {
      NpyReader.NpyArray arr = npy.read();
      if (arr.shape().size() != 3 || arr.shape().get(1) != rows + cols) {
        throw new IllegalArgumentException(stimulus.text() + ": tiles for a " + rows + "x" + cols
            + " array need shape (tiles, " + (rows + cols) + ", K), not " + arr.shape());
      }
      if (arr.shape().get(2) > k) {
        throw new IllegalArgumentException(stimulus.text() + ": tiles of K = " + arr.shape().get(2)
            + " exceed the K = " + k + " the accumulators are sized for");
      }
      this.fileValues = arr.values();
      this.tiles = arr.shape().get(0);
    } else {
      this.fileValues = null;
      this.tiles = Math.max(1, (vectors + rows * cols - 1) / (rows * cols));
    }
  }

  /** Cycles for one tile of {@code kt} terms: a feed, then waiting for the latency. */
  private int cyclesFor(int kt) {
    int feed = systolic ? kt + (callerSkew ? rows + cols : 0) : (kt + lanes - 1) / lanes;
    return Math.max(feed, latencyFor(kt) + 1);
  }

  private int latencyFor(int kt) {
    return latency - (systolic ? k : (k + lanes - 1) / lanes) + (systolic ? kt : (kt + lanes - 1) / lanes);
  }

  /** Total records: one reset cycle plus every tile's cycles (tile lengths are drawn from the seed). */
  public long total() {
    long sum = 1;
    for (long t = 0; t < tiles; t++) {
      sum += cyclesFor(tileK(t));
    }
    return sum;
  }

  /** Tile t's K: full K for the first tiles and corner tiles, otherwise 1..K from a hash of t. */
  private int tileK(long t) {
    if (fileValues != null) {
      return (int) (fileValues.length / tiles / (rows + cols));
    }
    if (t < 2 || stimulus instanceof CornersStimulus) {
      return k;
    }
    long h = t * 0x9E3779B97F4A7C15L;
    h ^= h >>> 31;
    return 1 + (int) Math.floorMod(h, (long) k);
  }

  /** Multiply-accumulates the tiles ask of the array: each tile's K (they differ) times rows x columns. */
  public long macs() {
    long sum = 0;
    for (long t = 0; t < tiles; t++) {
      sum = Math.addExact(sum, Math.multiplyExact((long) tileK(t), (long) rows * cols));
    }
    return sum;
  }

  /** Output values the tiles produce (tiles x rows x columns). */
  public long outputValues() {
    return tiles * rows * cols;
  }

  public String describe() {
    return stimulus.text() + ", " + tiles + " tiles of up to K = " + k + " (" + (tiles * rows * cols) + " output values)";
  }

  @Override
  public void fill(long[] buf, int n) {
    int rec = layout.recordWords();
    Arrays.fill(buf, 0, n * rec, 0L);
    for (int r = 0; r < n; r++) {
      if (queue.isEmpty()) {
        refill();
      }
      long[] record = queue.remove(0);
      System.arraycopy(record, 0, buf, r * rec, rec);
    }
  }

  private void refill() {
    int rec = layout.recordWords();
    if (!resetDone) {
      long[] r = new long[rec];
      set(r, "rst", 1);
      queue.add(r);
      resetDone = true;
      return;
    }
    if (tile >= tiles) {
      queue.add(new long[rec]); // past the end: idle cycles, unchecked
      return;
    }
    int kt = tileK(tile);
    long[][] a = new long[rows][kt];
    long[][] w = new long[kt][cols];
    operands(a, w, kt);
    long[] params = new long[layout.inputs().size()];
    LongUnaryOperator[][] stages = requantizers(params);
    long[][] acc = MacArrayModel.multiply(a, w);
    long[][] expected = model.expected(acc, stages, port -> params[portIndex(port)]);
    int lat = latencyFor(kt);
    int cycles = cyclesFor(kt);
    for (int c = 0; c < cycles; c++) {
      long[] r = new long[rec];
      for (int i = 0; i < params.length; i++) {
        r[layout.inputOffset(i)] = params[i];
      }
      drive(r, a, w, kt, c);
      if (c == lat) {
        r[0] = 1;
        for (int o = 0; o < layout.outputs().size(); o++) {
          String name = layout.outputs().get(o).name();
          int us = name.indexOf('_');
          int i = Integer.parseInt(name.substring(us + 1, name.lastIndexOf('_')));
          int j = Integer.parseInt(name.substring(name.lastIndexOf('_') + 1));
          r[layout.outputOffset(o)] = expected[i][j];
        }
      }
      queue.add(r);
    }
    tile++;
  }

  private void operands(long[][] a, long[][] w, int kt) {
    long aMin = aSigned ? -(1L << (aBits - 1)) : 0;
    long aMax = aSigned ? (1L << (aBits - 1)) - 1 : (1L << aBits) - 1;
    long wMin = wSigned ? -(1L << (wBits - 1)) : 0;
    long wMax = wSigned ? (1L << (wBits - 1)) - 1 : (1L << wBits) - 1;
    if (fileValues != null) {
      int base = (int) (tile * (rows + cols) * kt);
      for (int i = 0; i < rows; i++) {
        for (int t = 0; t < kt; t++) {
          a[i][t] = check(fileValues[base + i * kt + t], aMin, aMax, "activation");
        }
      }
      for (int j = 0; j < cols; j++) {
        for (int t = 0; t < kt; t++) {
          w[t][j] = check(fileValues[base + (rows + j) * kt + t], wMin, wMax, "weight");
        }
      }
      return;
    }
    boolean corners = stimulus instanceof CornersStimulus || stimulus instanceof AutoStimulus && tile < 2;
    for (int i = 0; i < rows; i++) {
      for (int t = 0; t < kt; t++) {
        a[i][t] = corners ? ((tile + i) % 2 == 0 ? aMin : aMax) : clamp(activation(), aMin, aMax);
      }
    }
    for (int t = 0; t < kt; t++) {
      for (int j = 0; j < cols; j++) {
        w[t][j] = corners ? ((tile + j) % 2 == 0 ? wMin : wMax) : clamp(wSampler.next(), wMin, wMax);
      }
    }
  }

  private long activation() {
    return aSampler.next();
  }

  private long check(long v, long min, long max, String what) {
    if (v < min || v > max) {
      throw new IllegalArgumentException(stimulus.text() + ": " + what + " " + v + " does not fit " + min + ".." + max);
    }
    return v;
  }

  private static long clamp(long v, long min, long max) {
    return Math.max(min, Math.min(max, v));
  }

  /** Draws the run-time requantizer inputs into {@code params}; returns [stage][column] golden functions. */
  private LongUnaryOperator[][] requantizers(long[] params) {
    List<TileModel.Stage> st = model.stages();
    LongUnaryOperator[][] stages = new LongUnaryOperator[st.size()][cols];
    double spread = Math.sqrt(k) * Math.pow(2, aBits - 2) * Math.pow(2, wBits - 2);
    for (int i = 0; i < layout.inputs().size(); i++) {
      PortSpec p = layout.inputs().get(i);
      String name = p.name();
      if (model.ownsParameter(p)) {
        params[i] = model.drawParameter(p, rnd);
      } else if (!st.isEmpty() && name.lastIndexOf('_') > 0 && isParamPort(name)) {
        String base = name.substring(0, name.lastIndexOf('_'));
        TileModel.Stage stage = stageOf(base);
        RequantizerModel g = stage.model();
        PortSpec bare = new PortSpec(base.substring(stage.prefix().length()), "input", p.width(), p.signed());
        double s = Double.isNaN(stage.spread()) ? spread : stage.spread();
        params[i] = stimulus.realistic() ? g.fitted(bare, rnd, s) : g.random(bare, rnd,
            new UniformStimulus().sampler(g.spec().accBits(), rnd.nextLong()));
      }
    }
    arrangePerColumn(params);
    for (int j = 0; j < cols; j++) {
      int col = j;
      for (int s = 0; s < st.size(); s++) {
        RequantizerModel g = st.get(s).model();
        String pre = st.get(s).prefix();
        // a per-channel table's 'channel' input is wired to the column index (EpilogueWiring)
        stages[s][j] = v -> g.apply(v, port -> port.equals("channel") ? col : params[portIndex(pre + port + "_" + col)]);
      }
    }
    return stages;
  }

  /** The stage a parameter port belongs to: the one with the longest prefix the port's name starts with. */
  private TileModel.Stage stageOf(String base) {
    TileModel.Stage best = null;
    for (TileModel.Stage s : model.stages()) {
      if (base.startsWith(s.prefix()) && (best == null || s.prefix().length() > best.prefix().length())) {
        best = s;
      }
    }
    if (best == null) {
      throw new ManifestException("the golden model of '" + manifest.top() + "' has no stage for input '" + base + "_...'");
    }
    return best;
  }

  /** Whether {@code name} belongs to another stage than the one of prefix {@code pre} (a longer prefix claims it). */
  private boolean claimedElsewhere(String name, String pre) {
    for (TileModel.Stage s : model.stages()) {
      if (s.prefix().length() > pre.length() && name.startsWith(s.prefix())) {
        return true;
      }
    }
    return false;
  }

  private boolean isParamPort(String name) {
    return !name.equals("rst") && !name.equals("first") && !name.equals("valid") && !name.startsWith("first_")
        && !name.startsWith("valid_") && !name.matches("[aw]_\\d+(_\\d+)?");
  }

  private int portIndex(String name) {
    Integer i = in.get(name);
    if (i == null) {
      throw new ManifestException("the golden model of '" + manifest.top() + "' needs input '" + name + "', which the manifest lacks");
    }
    return i;
  }

  /** Lets each stage's model arrange the values drawn for one column (thresholds ascend). */
  private void arrangePerColumn(long[] params) {
    for (TileModel.Stage stage : model.stages()) {
      String pre = stage.prefix();
      for (int j = 0; j < cols; j++) {
        List<Integer> idx = new ArrayList<>();
        List<PortSpec> bare = new ArrayList<>();
        for (int i = 0; i < layout.inputs().size(); i++) {
          PortSpec p = layout.inputs().get(i);
          String n = p.name();
          if (n.startsWith(pre) && n.endsWith("_" + j) && isParamPort(n) && !claimedElsewhere(n, pre) && !model.ownsParameter(p)) {
            idx.add(i);
            bare.add(new PortSpec(n.substring(pre.length(), n.length() - ("_" + j).length()), "input", p.width(), p.signed()));
          }
        }
        long[] v = idx.stream().mapToLong(i -> params[i]).toArray();
        stage.model().arrange(v, bare);
        for (int t = 0; t < v.length; t++) {
          params[idx.get(t)] = v[t];
        }
      }
    }
  }

  private void drive(long[] r, long[][] a, long[][] w, int kt, int c) {
    if (systolic && callerSkew) {
      for (int i = 0; i < rows; i++) {
        int t = c - i;
        boolean live = t >= 0 && t < kt;
        set(r, "a_" + i, live ? a[i][t] : 0);
        set(r, "first_" + i, live && t == 0 ? 1 : 0);
        set(r, "valid_" + i, live ? 1 : 0);
      }
      for (int j = 0; j < cols; j++) {
        int t = c - j;
        set(r, "w_" + j, t >= 0 && t < kt ? w[t][j] : 0);
      }
      return;
    }
    int steps = systolic ? kt : (kt + lanes - 1) / lanes;
    boolean live = c < steps;
    set(r, "first", live && c == 0 ? 1 : 0);
    set(r, "valid", live ? 1 : 0);
    for (int l = 0; l < lanes; l++) {
      int t = systolic ? c : c * lanes + l;
      boolean term = live && t < kt;
      for (int i = 0; i < rows; i++) {
        set(r, lanes == 1 ? "a_" + i : "a_" + i + "_" + l, term ? a[i][t] : 0);
      }
      for (int j = 0; j < cols; j++) {
        set(r, lanes == 1 ? "w_" + j : "w_" + j + "_" + l, term ? w[t][j] : 0);
      }
    }
  }

  private void set(long[] r, String port, long v) {
    Integer i = in.get(port);
    if (i == null) {
      throw new ManifestException("design '" + manifest.top() + "' has no input '" + port + "' that the tile protocol drives");
    }
    r[layout.inputOffset(i)] = v;
  }
}
