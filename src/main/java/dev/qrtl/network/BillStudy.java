package dev.qrtl.network;

import dev.qrtl.results.Elementwise;
import dev.qrtl.results.Layer;
import dev.qrtl.results.NetworkBill;
import dev.qrtl.results.UnitPrice;
import dev.qrtl.accuracy.AccuracyConfig;
import dev.qrtl.accuracy.AccuracyResult;
import dev.qrtl.accuracy.AccuracyStudy;
import dev.qrtl.results.ErrorRow;
import dev.qrtl.accuracy.ScaleChoice;
import dev.qrtl.energy.GateLevelCost;
import dev.qrtl.energy.UnitCost;
import dev.qrtl.energy.EnergyOptions;
import dev.qrtl.liberty.Cell;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.PortSpec;
import dev.qrtl.kind.Designs;
import dev.qrtl.scheme.KRule;
import dev.qrtl.scheme.Schemes;
import dev.qrtl.spec.ConventionalSpec;
import dev.qrtl.spec.MacArraySpec;
import dev.qrtl.spec.MacForm;
import dev.qrtl.spec.QuantizerSpec;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.synth.SynthRunner;
import dev.qrtl.util.CacheDirs;
import dev.qrtl.util.QrtlVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Computes a network bill. Every distinct unit is priced once: a requantizer per (scheme,
 * accumulator width) is synthesized once and shared by every layer of that width (the scheme's
 * {@code unitAccBits}: the layer's own, or TFLite's int32), and its energy
 * is estimated per distinct K on accumulators shaped like the layer's ({@code products:k=K} with
 * the layer's operand widths), so layers with the same width but different K share the netlist,
 * not the estimate; the processing element likewise per (accumulator width, K). Units are priced
 * in parallel, largest first; the progress bar counts layers as their prices complete.
 */
public final class BillStudy {
  /** Horowitz, ISSCC 2014, 45 nm: an 8 KB SRAM read of 64 bits, and a DRAM access of 64 bits (the low end). */
  static final NetworkBill.Published PUBLISHED = new NetworkBill.Published(
      "Horowitz, Computing's energy problem, ISSCC 2014 (45 nm, 0.9 V): published constants, not qrtl's measurement", 10, 1300);

  /** The batch norm's multiply and add widths in the conventional pipeline (as {@code qrtl compare}'s network view). */
  private static final int BN_MUL_BITS = 8;
  private static final int BN_ADD_BITS = 16;

  private BillStudy() {}

  /** What a unit of a bill is for. */
  enum Role {
    /** The processing element of a layer's MACs. */
    PE("pe"),
    /** The requantizer of a layer's outputs. */
    REQUANT("requant"),
    /** The conventional pipeline's second requantizer, after the batch norm. */
    BN_REQUANT("bn-requant"),
    /** A residual-add unit. */
    ADD("add"),
    /** The group-scaled processing element of a layer with block-scaled weights or inputs. */
    GROUP_PE("group-pe"),
    /** The MX block quantizer that requantizes a layer's accumulators into an MX format (per element). */
    BLOCK_QUANT("mx-quant"),
    /** The requantizer of an average pool, a concatenation's rescaled input or a product of two tensors. */
    ELEMENTWISE("elementwise");

    final String label;

    Role(String label) {
      this.label = label;
    }
  }

  /**
   * One unit to price: a processing element, a requantizer, or the conventional pipeline's second
   * requantizer. {@code aBits}, {@code wBits} and {@code outBits} are a layer's own widths (QONNX),
   * 0 where the bill's apply.
   */
  record Key(Role role, String scheme, int accBits, int k, int aBits, int wBits, int outBits) {
    Key(Role role, String scheme, int accBits, int k) {
      this(role, scheme, accBits, k, 0, 0, 0);
    }

    String label() {
      return role.label + (scheme.isEmpty() ? "" : " " + scheme) + (aBits > 0 ? " a" + aBits + " w" + wBits + " out " + outBits
          : outBits > 0 ? " out " + outBits : "") + " "
          + accBits + " bits" + (k > 0 ? ", K " + k : "");
    }
  }

  /** A layer's accumulator width at its own operand widths (or the bill's). */
  static int accBits(Layer l, NetworkConfig c) {
    return l.accBits(l.aBits(c.aBits()), l.wBits(c.wBits()));
  }

  /** The processing element of a layer's MACs: a group-scaled one where its weights or inputs are block-scaled along K. */
  static Key peKey(Layer l, NetworkConfig c) {
    if (l.blocks() != null && l.blocks().group() > 0) {
      return new Key(Role.GROUP_PE, "g" + l.blocks().group() + " " + l.blocks().scale(), accBits(l, c), l.k(), l.aBits(c.aBits()),
          l.wBits(c.wBits()), 0);
    }
    String on = c.macArray() ? "array " + c.macArrayName() : "";
    return l.widths() == null ? new Key(Role.PE, on, accBits(l, c), l.k())
        : new Key(Role.PE, on, accBits(l, c), l.k(), l.aBits(c.aBits()), l.wBits(c.wBits()), 0);
  }

  /**
   * The requantizer of a layer's outputs under a scheme, at the scheme's unit width; for an output in
   * an MX format, the MX block quantizer of that format at the accumulator width, whatever the scheme.
   */
  static Key requantKey(Layer l, Schemes.Form f, NetworkConfig c) {
    if (l.blocks() != null && l.blocks().outputFormat() != null) {
      return new Key(Role.BLOCK_QUANT, l.blocks().outputFormat() + " block " + l.blocks().outputBlock(), accBits(l, c), 0);
    }
    int unitAcc = f.scheme().unitAccBits(accBits(l, c));
    return l.widths() == null ? new Key(Role.REQUANT, f.label(), unitAcc, l.k())
        : new Key(Role.REQUANT, f.label(), unitAcc, l.k(), l.aBits(c.aBits()), l.wBits(c.wBits()), l.outBits(c.aBits()));
  }

  /** The units a bill prices, in a fixed order (the layers', then the batch norm's), each with how to price it. */
  record Plan(Map<Key, Callable<UnitPrice>> jobs, int bnBits, Layer widestLayer, int widest) {}

  static Plan plan(NetworkConfig c) {
    int out = c.aBits();
    Map<Key, Callable<UnitPrice>> jobs = new LinkedHashMap<>();
    boolean anyBatchNorm = c.network().layers().stream().anyMatch(Layer::batchNorm);
    int widest = c.network().layers().stream().mapToInt(l -> accBits(l, c)).max().orElseThrow();
    Layer widestLayer = c.network().layers().stream().filter(l -> accBits(l, c) == widest).findFirst().orElseThrow();
    for (Layer l : c.network().layers()) {
      int acc = accBits(l, c);
      int k = l.k();
      int a = l.aBits(c.aBits());
      int w = l.wBits(c.wBits());
      int o = l.outBits(c.aBits());
      Key pe = peKey(l, c);
      jobs.putIfAbsent(pe, pe.role() == Role.GROUP_PE ? () -> groupPe(l, a, w, c) : c.macArray() ? () -> arrayMac(a, w, acc, k, c)
          : () -> PeEnergy.price(a, w, acc, k, c.tech(), c.timing(), c.energy(), c.timeout()));
      for (Schemes.Form f : c.forms()) {
        int unitAcc = f.scheme().unitAccBits(acc);
        Key rk = requantKey(l, f, c);
        if (rk.role() == Role.BLOCK_QUANT) {
          jobs.putIfAbsent(rk, () -> blockQuant(l, acc, a, w, c));
        } else if (f.scheme().unsupported(unitAcc, o).isEmpty()) {
          Stimulus st = layerStimulus(k, a, w);
          jobs.putIfAbsent(rk, () -> requant(f, unitAcc, o, st, c));
        }
      }
    }
    for (Elementwise e : c.network().elementwise()) {
      for (Schemes.Form f : c.forms()) {
        elementwiseKey(e, f, c).ifPresent(k -> jobs.putIfAbsent(k, () -> k.role() == Role.ADD
            ? add(f.scheme().residualAdd(f.form(), c.aBits()).orElseThrow(), c)
            : requant(f, k.accBits(), e.outBits(out), elementwiseStimulus(e, c), c)));
      }
    }
    int bnBits = 0;
    if (anyBatchNorm) {
      QuantizerSpec conv = c.forms().get(0).scheme().forComparison(c.forms().get(0).form(), widest, out, layerStimulus(widestLayer.k(), widestLayer.aBits(c.aBits()),
          widestLayer.wBits(c.wBits())), 0);
      bnBits = ConventionalSpec.bnValueBits(conv, BN_MUL_BITS, BN_ADD_BITS);
      for (Schemes.Form f : c.forms()) {
        int b = f.scheme().unitAccBits(bnBits);
        if (f.scheme().unsupported(b, out).isEmpty()) {
          Stimulus st = Stimulus.parse("gaussian:sigma=" + Math.round(127 / 3.0 * (1 << (BN_MUL_BITS - 2))));
          jobs.put(new Key(Role.BN_REQUANT, f.label(), b, 0), () -> requant(f, b, out, st, c));
        }
      }
    }
    return new Plan(jobs, bnBits, widestLayer, widest);
  }

  /**
   * The unit an element-wise operator takes under a scheme: a residual add the scheme's own add
   * unit at the activation width; a pool, a concatenation's rescale or a product the scheme's
   * requantizer at the value's width ({@link Elementwise#valueBits}); empty for a lookup table, or
   * a scheme without such a unit.
   */
  static java.util.Optional<Key> elementwiseKey(Elementwise e, Schemes.Form f, NetworkConfig c) {
    if (e.kind() == Elementwise.Kind.LOOKUP || e.outputs() == 0) {
      return java.util.Optional.empty();
    }
    if (e.kind() == Elementwise.Kind.ADD) {
      return f.scheme().residualAdd(f.form(), c.aBits()).map(a -> new Key(Role.ADD, f.label(), c.aBits(), 0));
    }
    int unitAcc = f.scheme().unitAccBits(e.valueBits(c.aBits()));
    int out = e.outBits(c.aBits());
    return f.scheme().unsupported(unitAcc, out).isPresent() ? java.util.Optional.empty()
        : java.util.Optional.of(e.outBits() == null ? new Key(Role.ELEMENTWISE, f.label(), unitAcc, e.window())
            : new Key(Role.ELEMENTWISE, f.label(), unitAcc, e.window(), 0, 0, out));
  }

  /**
   * A layer's group-scaled PE: a power-of-two block scale as a 4-bit shift of each group sum, a
   * float one as a binary16 multiply (MX's and the LLM kernels' forms), on the layer's own dot
   * products; its energy per MAC.
   */
  private static UnitPrice groupPe(Layer l, int a, int w, NetworkConfig c) {
    boolean shift = l.blocks().scale().equals("shift");
    dev.qrtl.spec.GroupPeSpec spec = new dev.qrtl.spec.GroupPeSpec(a, w, Math.min(l.k(), 1 << 20), dev.qrtl.spec.GroupPeSpec.Granularity.GROUP,
        l.blocks().group(), shift ? dev.qrtl.spec.GroupPeSpec.GroupScale.SHIFT : dev.qrtl.spec.GroupPeSpec.GroupScale.FP16, shift ? 4 : 16, 0);
    Stimulus st = layerStimulus(l.k(), a, w);
    return unitPrice(gateLevel(spec, st, c.energy().operations(), c), 1, spec.scaleBits(), st.text());
  }

  /** Cycles of the whole array one {@code --mac-array} run simulates: the interval per MAC about the same at any K. */
  static final long ARRAY_RECORDS = 8192;

  /**
   * A MAC on the {@code --mac-array}: the systolic array (operands skewed in and passed from PE to PE, one
   * accumulator per PE, tiles of K products) at the layer's widths and K, simulated at gate level
   * on the layer's products, every accumulator checked against the array's golden model; per MAC,
   * the run's energy over the MACs its tiles asked for (a tile is 1..K terms long, the first two
   * K), and the array's area over its PEs. Each run is about {@link #ARRAY_RECORDS} cycles of the
   * whole array (a few tiles at large K, many at small K), at least ten operations per batch.
   */
  private static UnitPrice arrayMac(int a, int w, int acc, int k, NetworkConfig c) {
    int kk = Math.min(k, 1 << 20);
    MacArraySpec spec = new MacArraySpec(c.macRows(), c.macCols(), a, false, w, true, kk, java.util.OptionalInt.of(acc), MacForm.SYSTOLIC, 1,
        true, false); // operands skewed on the way in, as the unified module's array has them
    Stimulus st = layerStimulus(k, a, w);
    // about ARRAY_RECORDS cycles per run whatever K (a tile is about K / 2 + R + C cycles), ten operations per batch at least
    int pes = c.macRows() * c.macCols();
    long tileCount = Math.max(1, ARRAY_RECORDS / (kk / 2 + c.macRows() + c.macCols()));
    long ops = Math.max(10L * c.energy().batches(), tileCount * pes);
    // the array's name says its widths, not its K: layers of one width and different K get a manifest each (run at once)
    UnitCost u = gateLevel(spec, st, ops, c, CacheDirs.root().resolve("designs").resolve("k" + kk));
    // tiles are 1..K terms long (full K for the first two): per MAC is per output x outputs / the MACs the tiles asked for
    dev.qrtl.kind.TileRecords tiles = dev.qrtl.kind.TileRecords.of(u.manifest(), st, ops, c.energy().seed());
    double outputsPerMac = (double) tiles.outputValues() / tiles.macs();
    return new UnitPrice(u.manifest().top(), u.synthesis().areaUm2() / pes, u.energy().delays().totalPj() * outputsPerMac,
        u.energy().delays().ci95Pj() * outputsPerMac, u.synthesis().criticalPathNs(), 0, st.text() + String.format(java.util.Locale.ROOT,
            " (per MAC: %d outputs' energy over their %d MACs, tiles of 1..%d terms)", tiles.outputValues(), tiles.macs(), kk),
        "gate-level simulation with delays");
  }

  /**
   * The MX block quantizer that turns a block of the layer's accumulators into its output format
   * (the shared exponent from the block's largest magnitude, each element rounded): its energy per
   * element, a block's over its size, on blocks of the layer's own accumulators.
   */
  private static UnitPrice blockQuant(Layer l, int acc, int a, int w, NetworkConfig c) {
    int block = l.blocks().outputBlock();
    dev.qrtl.spec.MxFormat format = java.util.Arrays.stream(dev.qrtl.spec.MxFormat.values())
        .filter(x -> x.cliName().equals(l.blocks().outputFormat())).findFirst().orElseThrow();
    dev.qrtl.spec.BlockQuantizerSpec spec = dev.qrtl.spec.BlockQuantizerSpec.of(format, block,
        dev.qrtl.spec.BlockQuantizerSpec.BlockInput.integer(acc, java.util.OptionalInt.empty()));
    Stimulus st = layerStimulus(l.k(), a, w);
    long blocks = Math.max(10L * c.energy().batches(), c.energy().operations() / block); // a block is block elements: as many as the others
    return unitPrice(gateLevel(spec, st, blocks, c), block, 0, st.text() + " (per element: a block of " + block + " over " + block + ")");
  }

  /** A design of any kind synthesized and simulated at gate level on its kind's workload, {@code operations} of them on {@code st}. */
  private static UnitCost gateLevel(dev.qrtl.spec.DesignSpec spec, Stimulus st, long operations, NetworkConfig c) {
    return gateLevel(spec, st, operations, c, CacheDirs.root().resolve("designs"));
  }

  private static UnitCost gateLevel(dev.qrtl.spec.DesignSpec spec, Stimulus st, long operations, NetworkConfig c, Path designs) {
    Path manifest = Designs.write(spec, designs);
    EnergyOptions e = c.energy();
    EnergyOptions o = new EnergyOptions(operations, e.seed(), st, e.clockNs(), e.paramPeriod(), e.batches(), e.conventions());
    return new GateLevelCost(c.tech(), c.timing(), c.timeout()).price(manifest, o);
  }

  /** A unit's price from its gate-level cost, area and energy per {@code per} of its operations (a block's elements), with delays. */
  private static UnitPrice unitPrice(UnitCost u, int per, int parameterBits, String stimulus) {
    return new UnitPrice(u.manifest().top(), u.synthesis().areaUm2() / per, u.energy().delays().totalPj() / per,
        u.energy().delays().ci95Pj() / per, u.synthesis().criticalPathNs(), parameterBits, stimulus, "gate-level simulation with delays");
  }

  /** An activation's spread in LSB: a third of the signed range (42 at int8). */
  private static long activationSigma(NetworkConfig c) {
    return Math.max(1, Math.round((1 << (c.aBits() - 1)) / 3.0));
  }

  /** The values an element-wise requantizer sees: one activation's spread, sqrt(window) times it for a pool's sum, its square for a product. */
  static Stimulus elementwiseStimulus(Elementwise e, NetworkConfig c) {
    long a = activationSigma(c);
    long sigma = switch (e.kind()) {
      case AVERAGE_POOL -> Math.round(a * Math.sqrt(e.window()));
      case MUL -> a * a;
      case TRUNC -> Math.max(1, Math.round(Math.scalb(1.0, e.valueBits(c.aBits()) - 1) / 3));
      default -> a;
    };
    return Stimulus.parse("gaussian:sigma=" + sigma);
  }

  private static UnitPrice add(dev.qrtl.spec.ResidualAddSpec spec, NetworkConfig c) {
    Stimulus st = Stimulus.parse("gaussian:sigma=" + activationSigma(c));
    int params = spec.params().stream().mapToInt(dev.qrtl.spec.Param::bits).sum();
    return unitPrice(gateLevel(spec, st, c.energy().operations(), c), 1, params, st.text());
  }

  /** The plan's units as sweep points: label and frozen cost estimate, in plan order. */
  static List<dev.qrtl.compare.SweepPoint> points(Plan p, NetworkConfig c) {
    List<dev.qrtl.compare.SweepPoint> out = new ArrayList<>();
    int i = 0;
    for (Key k : p.jobs().keySet()) {
      out.add(new dev.qrtl.compare.SweepPoint(i++, k.label(), Math.round(size(k, c) * 1000) / 1000.0));
    }
    return out;
  }

  /** Prices the plan's units at {@code indices} (plan order), in parallel. */
  static List<UnitPrice> price(Plan p, List<Integer> indices, NetworkConfig c) {
    List<Key> keys = new ArrayList<>(p.jobs().keySet());
    Map<Key, Callable<UnitPrice>> mine = new LinkedHashMap<>();
    for (int i : indices) {
      mine.put(keys.get(i), p.jobs().get(keys.get(i)));
    }
    Map<Key, UnitPrice> got = execute(mine, c);
    return indices.stream().map(i -> got.get(keys.get(i))).toList();
  }

  public static NetworkBill run(NetworkConfig c) {
    Plan p = plan(c);
    return assemble(c, p, execute(p.jobs(), c));
  }

  /** The bill from every unit's price (priced here, or merged from shards). */
  static NetworkBill assemble(NetworkConfig c, Plan plan, Map<Key, UnitPrice> prices) {
    int out = c.aBits();
    int bnBits = plan.bnBits();
    int widest = plan.widest();
    Layer widestLayer = plan.widestLayer();
    Map<String, Map<String, ErrorMemo>> errors = errors(c, out);
    List<NetworkBill.LayerBill> layers = new ArrayList<>();
    for (Layer l : c.network().layers()) {
      int acc = accBits(l, c);
      UnitPrice pe = prices.get(peKey(l, c));
      List<NetworkBill.SchemeCost> costs = new ArrayList<>();
      long conventionalCount = l.outputs() * (l.batchNorm() ? 2 : 1);
      for (Schemes.Form f : c.forms()) {
        int unitAcc = f.scheme().unitAccBits(acc);
        UnitPrice u = prices.get(requantKey(l, f, c));
        if (u == null) {
          continue; // the scheme cannot be built at this width: no row
        }
        double unified = l.outputs() * u.energyPj();
        UnitPrice bn = l.batchNorm() ? prices.get(new Key(Role.BN_REQUANT, f.label(), f.scheme().unitAccBits(bnBits), 0)) : null;
        double conventional = unified + (bn == null ? 0 : l.outputs() * bn.energyPj());
        double mac = l.macs() * pe.energyPj();
        boolean bias = l.quantization() != null ? l.quantization().bias() : l.op() != Layer.Op.MATMUL;
        // one parameter set per output channel, or per output block where the output is block-scaled
        long sets = l.blocks() != null && l.blocks().outputBlock() > 0 ? l.outputs() / l.blocks().outputBlock() : l.channels();
        long paramBits = sets * (u.parameterBits() + (bias ? unitAcc : 0));
        ErrorMemo e = c.errorSamples() == 0 ? null : errors.get(errorKey(l, c)).get(f.label());
        costs.add(new NetworkBill.SchemeCost(f.label(), u.design(), u.energyPj(), unified, conventional, 100 * unified / (mac + unified),
            paramBits, e == null ? null : e.rms, e == null ? null : e.scale));
      }
      layers.add(new NetworkBill.LayerBill(l, acc, l.macs(), l.outputs(), conventionalCount, pe.energyPj(), pe.design(), costs));
    }
    List<NetworkBill.ElementwiseBill> elementwise = new ArrayList<>();
    for (Elementwise e : c.network().elementwise()) {
      List<NetworkBill.ElementwiseCost> costs = new ArrayList<>();
      for (Schemes.Form f : c.forms()) {
        elementwiseKey(e, f, c).map(prices::get).ifPresent(u -> costs.add(new NetworkBill.ElementwiseCost(f.label(), u.design(), u.energyPj(),
            e.outputs() * u.energyPj())));
      }
      elementwise.add(new NetworkBill.ElementwiseBill(e, e.valueBits(c.aBits()), e.kind() == Elementwise.Kind.LOOKUP ? 0 : e.outputs(),
          costs));
    }
    List<NetworkBill.Total> totals = totals(c, layers, elementwise, prices, widest, widestLayer);
    var lib = c.tech().library();
    List<UnitPrice> units = prices.values().stream().sorted(java.util.Comparator.comparing(UnitPrice::design)
        .thenComparing(UnitPrice::stimulus)).toList();
    // a bill on MAC arrays is another bill of the network: its own name (and folder)
    String name = c.network().name() + (c.macArray() ? "-mac-array-" + c.macArrayName() : "");
    return new NetworkBill(QrtlVersion.version(), name, c.network().source(), c.network().input(), lib.name(), lib.corner(),
        lib.sha256(), SynthRunner.yosysVersion(), "Java " + Runtime.version().feature(), c.aBits(), c.wBits(), out, c.rows() + "x" + c.cols(),
        "gate-level simulation with delays (Liberty arc delays at each net's transition and load, wire load included), each unit at its"
            + " own critical path; " + c.timing().describe(lib) + "; " + c.energy().conventions().describe()
            + (c.macArray() ? "; MACs on a " + c.macArrayName() + " systolic MAC array (per MAC: the run's energy over its MACs)" : ""),
        c.energy().operations(), c.energy().seed(), PUBLISHED, totals, layers, elementwise, units, c.network().notes(),
        c.network().tokens() > 0 ? c.network().tokens() : null);
  }

  static Stimulus layerStimulus(int k, int aBits, int wBits) {
    return Stimulus.parse("products:k=" + Math.min(k, 1 << 20) + ",a_bits=" + aBits + ",w_bits=" + wBits);
  }

  private static UnitPrice requant(Schemes.Form f, int acc, int out, Stimulus st, NetworkConfig c) {
    QuantizerSpec spec = f.scheme().forComparison(f.form(), acc, out, st, 0);
    UnitCost u = gateLevel(spec, st, c.energy().operations(), c);
    Manifest m = u.manifest();
    Set<String> data = Set.of("acc", "bias", "rst", "clk");
    int params = m.inputs().stream().filter(p -> !data.contains(p.name()) && !p.name().equals(m.clock())).mapToInt(PortSpec::width).sum();
    return unitPrice(u, 1, params, st.text());
  }

  private record ErrorMemo(Double rms, String scale) {}

  private static String scaleKey(Layer l) {
    double[] s = l.quantization() == null ? null : l.quantization().effectiveScale();
    return s == null ? "calibrated" : Integer.toHexString(Arrays.hashCode(s)) + ":" + s.length;
  }

  private static String errorKey(Layer l, NetworkConfig c) {
    return accBits(l, c) + "|" + l.k() + "|" + l.aBits(c.aBits()) + "|" + l.wBits(c.wBits()) + "|" + l.outBits(c.aBits()) + "|"
        + scaleKey(l);
  }

  /**
   * Every scheme's error per distinct (accumulator width, K, scales), in parallel: the accumulators
   * (sums of K products each, the costly part for a K of thousands) are drawn once per key and
   * shared by the schemes.
   */
  private static Map<String, Map<String, ErrorMemo>> errors(NetworkConfig c, int out) {
    Map<String, Layer> keys = new LinkedHashMap<>();
    if (c.errorSamples() > 0) {
      for (Layer l : c.network().layers()) {
        keys.putIfAbsent(errorKey(l, c), l);
      }
    }
    Map<String, Map<String, ErrorMemo>> m = new java.util.concurrent.ConcurrentHashMap<>();
    keys.entrySet().parallelStream().forEach(e -> m.put(e.getKey(), layerErrors(e.getValue(), c, out)));
    return m;
  }

  /** Each scheme's RMS error at the layer's scale: the model file's per-channel scales, else the one calibrated to the layer's accumulators. */
  private static Map<String, ErrorMemo> layerErrors(Layer l, NetworkConfig c, int billOut) {
    int out = l.outBits(billOut);
    int acc = accBits(l, c);
    double[] s = l.quantization() == null ? null : l.quantization().effectiveScale();
    ScaleChoice choice = s == null ? new ScaleChoice.Calibrated()
        : s.length == 1 ? new ScaleChoice.Given(s[0]) : new ScaleChoice.PerChannel(Arrays.stream(s).boxed().toList());
    String view = s != null && s.length > 1 ? "per-channel" : "at S";
    Map<String, ErrorMemo> m = new LinkedHashMap<>();
    List<Schemes.Form> usable = new ArrayList<>();
    for (Schemes.Form f : c.forms()) {
      if (f.scheme().unsupported(acc, out).isEmpty()) {
        usable.add(f);
      }
    }
    try {
      AccuracyResult a = AccuracyStudy.run(new AccuracyConfig(usable, acc, out, layerStimulus(l.k(), l.aBits(c.aBits()), l.wBits(c.wBits())),
          c.energy().seed(),
          c.errorSamples(), KRule.NEAREST, 0, choice, 1));
      for (Schemes.Form f : usable) {
        ErrorRow r = a.rows().stream().filter(x -> x.form().equals(f.label()) && x.view().equals(view)).findFirst().orElseThrow();
        String scale = s == null ? "calibrated " + String.format(java.util.Locale.ROOT, "%.4g", r.scale())
            : s.length == 1 ? "model " + String.format(java.util.Locale.ROOT, "%.4g", s[0]) : "model, " + s.length + " channels";
        m.put(f.label(), new ErrorMemo(r.metrics().rms(), scale));
      }
    } catch (IllegalArgumentException e) {
      // one scheme cannot apply the scale: measure each alone so the others keep their figures
      for (Schemes.Form f : usable) {
        try {
          AccuracyResult a = AccuracyStudy.run(new AccuracyConfig(List.of(f), acc, out, layerStimulus(l.k(), l.aBits(c.aBits()), l.wBits(c.wBits())),
          c.energy().seed(),
              c.errorSamples(), KRule.NEAREST, 0, choice, 1));
          ErrorRow r = a.rows().stream().filter(x -> x.view().equals(view)).findFirst().orElseThrow();
          m.put(f.label(), new ErrorMemo(r.metrics().rms(), s == null ? "calibrated" : "model"));
        } catch (IllegalArgumentException one) {
          m.put(f.label(), new ErrorMemo(null, "not representable: " + one.getMessage()));
        }
      }
    }
    return m;
  }

  private static List<NetworkBill.Total> totals(NetworkConfig c, List<NetworkBill.LayerBill> layers,
      List<NetworkBill.ElementwiseBill> elementwise, Map<Key, UnitPrice> prices, int widest, Layer widestLayer) {
    double ff = c.tech().library().cells().values().stream().filter(x -> x.sequential() && !x.asyncControl() && !x.dontUse())
        .mapToDouble(Cell::area).min().orElse(Double.NaN);
    UnitPrice pe = prices.get(peKey(widestLayer, c));
    double mac = 0;
    double movement = 0;
    for (NetworkBill.LayerBill l : layers) {
      mac += l.macs() * l.macEnergyPj();
      long bits = l.layer().weights() * l.layer().wBits(c.wBits()) + 2 * l.layer().outputs() * l.layer().aBits(c.aBits());
      movement += bits / 64.0 * PUBLISHED.sramPjPer64Bits();
    }
    List<NetworkBill.Total> out = new ArrayList<>();
    for (Schemes.Form f : c.forms()) {
      double unified = 0;
      double conventional = 0;
      long params = 0;
      double sq = 0;
      long weight = 0;
      boolean allErrors = c.errorSamples() > 0;
      boolean complete = true;
      for (NetworkBill.LayerBill l : layers) {
        var sc = l.schemes().stream().filter(x -> x.scheme().equals(f.label())).findFirst();
        if (sc.isEmpty()) {
          complete = false;
          continue;
        }
        unified += sc.get().unifiedPj();
        conventional += sc.get().conventionalPj();
        params += sc.get().parameterBits();
        if (sc.get().rmsErrorLsb() == null) {
          allErrors = false;
        } else {
          sq += sc.get().rmsErrorLsb() * sc.get().rmsErrorLsb() * l.requantizationsUnified();
          weight += l.requantizationsUnified();
        }
      }
      if (!complete) {
        continue; // a scheme that cannot serve every layer has no network total
      }
      // the element-wise requantizations, the same in both pipelines; left out whole if the scheme lacks a unit for one
      Double elementwisePj = 0.0;
      for (NetworkBill.ElementwiseBill e : elementwise) {
        var sc = e.schemes().stream().filter(x -> x.scheme().equals(f.label())).findFirst();
        if (sc.isPresent()) {
          elementwisePj += sc.get().totalPj();
        } else if (e.operations() > 0) {
          elementwisePj = null;
          break;
        }
      }
      if (elementwisePj != null) {
        unified += elementwisePj;
        conventional += elementwisePj;
      }
      int unitAcc = f.scheme().unitAccBits(widest);
      UnitPrice widestUnit = prices.get(requantKey(widestLayer, f, c));
      int bitsPerChannel = widestUnit.parameterBits() + unitAcc;
      out.add(new NetworkBill.Total(f.label(), mac, unified, elementwisePj, conventional, 100 * unified / (mac + unified),
          conventional > 0 ? 100 * (conventional - unified) / conventional : 0, params,
          (double) c.rows() * c.cols() * widestUnit.areaUm2(), (double) c.rows() * c.cols() * pe.areaUm2(), c.cols() * bitsPerChannel * ff,
          params / 64.0 * PUBLISHED.sramPjPer64Bits(), movement, allErrors && weight > 0 ? Math.sqrt(sq / weight) : null));
    }
    return out;
  }

  private static Map<Key, UnitPrice> execute(Map<Key, Callable<UnitPrice>> jobs, NetworkConfig c) {
    List<dev.qrtl.compare.StudyEngine.Point<UnitPrice>> points = new ArrayList<>();
    for (Map.Entry<Key, Callable<UnitPrice>> e : jobs.entrySet()) {
      points.add(new dev.qrtl.compare.StudyEngine.Point<>(e.getKey().label(), size(e.getKey(), c), e.getValue()));
    }
    List<UnitPrice> prices = dev.qrtl.compare.StudyEngine.run("price units", points, c.progress());
    Map<Key, UnitPrice> out = new LinkedHashMap<>();
    int i = 0;
    for (Key k : jobs.keySet()) {
      out.put(k, prices.get(i++));
    }
    return out;
  }


  private static double size(Key k, NetworkConfig c) {
    if (k.role() == Role.PE || k.role() == Role.GROUP_PE) {
      return (k.role() == Role.GROUP_PE ? 16.0 : 8.0) * k.accBits() * (k.role() == Role.PE && c.macArray() ? c.macRows() * c.macCols() : 1);
    }
    if (k.role() == Role.BLOCK_QUANT) {
      return 32.0 * k.accBits();
    }
    if (k.role() == Role.ADD) {
      return 3.0 * Schemes.form(k.scheme()).scheme().relativeSize(Schemes.form(k.scheme()).form(), 32, c.aBits());
    }
    Schemes.Form f = Schemes.form(k.scheme());
    return f.scheme().relativeSize(f.form(), k.accBits(), c.aBits());
  }
}
