package dev.qrtl.compare;

import dev.qrtl.results.RowVerification;
import dev.qrtl.results.CompareResult;
import dev.qrtl.results.CompareRow;
import dev.qrtl.results.NetworkRow;
import dev.qrtl.energy.GateLevelCost;
import dev.qrtl.energy.UnitCost;
import dev.qrtl.energy.UnitCostModel;
import dev.qrtl.energy.EnergyOptions;
import dev.qrtl.energy.EnergyReport;
import dev.qrtl.kind.Designs;
import dev.qrtl.scheme.Schemes;
import dev.qrtl.synth.SynthResult;
import dev.qrtl.synth.SynthRunner;
import dev.qrtl.util.CacheDirs;
import dev.qrtl.util.QrtlVersion;
import java.nio.file.Path;
import dev.qrtl.accuracy.AccuracyConfig;
import dev.qrtl.accuracy.AccuracyResult;
import dev.qrtl.accuracy.AccuracyStudy;
import dev.qrtl.accuracy.ScaleChoice;
import dev.qrtl.scheme.KRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a comparison: generates every (scheme, accumulator width, output width) requantizer and the
 * network-level designs, synthesizes each (cached) and estimates its energy, one design per core
 * at a time, then takes the ratios to the baseline.
 */
public final class Comparison {
  private Comparison() {}

  /** One point of the sweep: a design to synthesize and price. */
  sealed interface Task {
    /** What the progress line and the shard plan call it. */
    String label();

    /** A rough size, to schedule the big ones first. */
    double cost();

    /** Synthesizes and prices it. */
    Shards.PointResult price(CompareConfig c);
  }

  /** A requantizer of one scheme at one pair of widths. */
  record UnitTask(Schemes.Form form, int accBits, int outBits, Path manifest) implements Task {
    @Override
    public String label() {
      return form.label() + " " + accBits + " -> " + outBits;
    }

    @Override
    public double cost() {
      return form.scheme().relativeSize(form.form(), accBits, outBits);
    }

    @Override
    public Shards.PointResult price(CompareConfig c) {
      return Shards.PointResult.of(withErrors(List.of(row(this, c)), c).get(0));
    }
  }

  /**
   * An MX block quantizer beside the requantizers: priced on blocks of the comparison's stimulus
   * (as many elements as a requantizer's operations, at least 1,000 blocks), its row per element.
   */
  record BlockTask(BlockForm form, int accBits, Path manifest) implements Task {
    @Override
    public String label() {
      return form.label() + " " + accBits + " -> " + form.format().bits();
    }

    @Override
    public double cost() {
      return form.block() * (accBits + 4.0 * form.format().bits()) / 8;
    }

    @Override
    public Shards.PointResult price(CompareConfig c) {
      EnergyOptions blocks = c.energy().withOperations(Math.max(1000, c.energy().operations() / form.block()));
      UnitCostModel model = Comparison.cost(c);
      int stages = c.pipeline();
      Path m = manifest;
      SynthResult s = model.synthesize(m);
      // at a common clock, as a requantizer: register stages (retimed by synthesis) until the path fits the period
      while (c.clockNs().isPresent() && s.criticalPathNs() > c.clockNs().getAsDouble() && stages < MAX_STAGES) {
        stages = nextStages(stages, s.criticalPathNs(), c.clockNs().getAsDouble());
        m = Designs.write(form.spec(accBits, stages), CacheDirs.root().resolve("designs"));
        s = model.synthesize(m);
      }
      UnitCost u = model.price(m, s, blocks);
      CompareRow unit = new CompareRow(form.label(), accBits, form.format().bits(), u.design(), s.areaUm2(), s.nand2Equivalents(), s.cells(),
          s.criticalPathNs(), s.fmaxMhz(), u.energyPj(), u.energyCi95Pj(), u.energyZeroDelayPj(), u.leakagePj(), null, null,
          c.clockNs().isPresent() ? stages : null);
      return Shards.PointResult.of(unit.perElementOf(form.block()).withVerification(Verification.checkBlock(form.spec(accBits, stages), m,
          c.energy().seed(), u.energy().gateLevelChecks(), c.timeout())));
    }
  }

  /** One network-level configuration (the unified module, the conventional pipeline). */
  record NetworkTask(NetworkDesigns.Config network, Path designs) implements Task {
    @Override
    public String label() {
      return "network: " + network.name();
    }

    @Override
    public double cost() {
      return 32.0 * 24 * network.stages().size();
    }

    @Override
    public Shards.PointResult price(CompareConfig c) {
      return Shards.PointResult.of(NetworkDesigns.row(network, designs, c));
    }
  }

  /** The sweep's points in their fixed order, and what could not be built. */
  record Plan(List<Task> tasks, List<String> skipped) {}

  static Plan plan(CompareConfig c) {
    Path designs = CacheDirs.root().resolve("designs");
    List<Task> tasks = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (int acc : c.accBits()) {
      for (int out : c.outBits()) {
        for (Schemes.Form f : c.schemes()) {
          var why = f.scheme().unsupported(acc, out);
          if (why.isPresent()) {
            skipped.add(f.label() + " " + acc + " -> " + out + ": " + why.get());
            continue;
          }
          tasks.add(new UnitTask(f, acc, out, Designs.write(f.scheme().forComparison(f.form(), acc, out, c.energy().stimulus(), c.pipeline()),
              designs)));
        }
        for (BlockForm b : c.blocks()) {
          var why = b.unsupported(acc, out);
          if (why.isPresent()) {
            continue; // an MX format applies at its element width only: the others are not gaps in the sweep
          }
          tasks.add(new BlockTask(b, acc, Designs.write(b.spec(acc, c.pipeline()), designs)));
        }
      }
    }
    if (c.network()) {
      for (NetworkDesigns.Config n : NetworkDesigns.configs(c.energy().stimulus())) {
        tasks.add(new NetworkTask(n, designs));
      }
    }
    return new Plan(tasks, skipped);
  }

  public static CompareResult run(CompareConfig c) {
    Plan p = plan(c);
    return assemble(header(c, p.skipped()), execute(p.tasks(), c));
  }

  /** The sweep's points as a shard plan sees them: label and frozen cost estimate, in point order. */
  static List<SweepPoint> points(Plan p) {
    List<SweepPoint> out = new ArrayList<>();
    for (int i = 0; i < p.tasks().size(); i++) {
      Task t = p.tasks().get(i);
      out.add(new SweepPoint(i, t.label(), Math.round(t.cost() * 1000) / 1000.0));
    }
    return out;
  }

  /** Prices the points of one shard (indices into the plan), rows with their error columns. */
  static List<Shards.PointResult> runPoints(CompareConfig c, Plan p, List<Integer> indices) {
    return execute(indices.stream().map(p.tasks()::get).toList(), c);
  }

  /** Everything of the result but its rows: what every shard of one sweep shares. */
  static CompareResult header(CompareConfig c, List<String> skipped) {
    String yosys = SynthRunner.yosysVersion();
    var lib = c.tech().library();
    return new CompareResult(QrtlVersion.version(), lib.name(), lib.corner(), lib.sha256(), lib.voltage(), yosys,
        Verification.SIMULATOR.backend().provenance(), "Java " + Runtime.version().feature(), c.energy().stimulus().text(), c.energy().seed(), c.energy().operations(),
        "delay-aware gate-level simulation (Liberty arc delays at each net's propagated transition and load, wire load included;"
            + " inertial filtering); zero-delay figure beside it",
        c.clockNs().isPresent()
            ? "every unit synthesized for one " + plain(c.clockNs().getAsDouble()) + " ns clock (ABC delay target with retiming),"
                + " register stages added until it meets it (leakage over that period)"
            : "each unit clocked at its own critical path (leakage over that period)", c.timing().describe(lib),
        c.energy().conventions().describe(), c.pipeline(), Schemes.BASELINE, List.of(), skipped, List.of());
  }

  /** The result from the header and every point's result in point order (each row priced with its error columns), the ratios taken here. */
  static CompareResult assemble(CompareResult h, List<Shards.PointResult> results) {
    List<CompareRow> rows = results.stream().map(Shards.PointResult::row).filter(java.util.Objects::nonNull).toList();
    List<NetworkRow> network = results.stream().map(Shards.PointResult::network).filter(java.util.Objects::nonNull).toList();
    return new CompareResult(h.qrtl(), h.library(), h.corner(), h.librarySha256(), h.voltage(), h.yosys(), h.rtlSimulator(), h.java(), h.stimulus(), h.seed(),
        h.operations(), h.timingModel(), h.clock(), h.timing(), h.pricing(), h.pipeline(), h.baseline(), withRatios(rows), h.skipped(),
        network);
  }

  private static List<Shards.PointResult> execute(List<Task> tasks, CompareConfig c) {
    List<StudyEngine.Point<Shards.PointResult>> points = tasks.stream()
        .map(t -> new StudyEngine.Point<>(t.label(), t.cost(), () -> t.price(c))).toList();
    return StudyEngine.run("synthesize + estimate", points, c.progress());
  }

  private static String plain(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /** The most register stages a unit gets to meet a common clock. */
  static final int MAX_STAGES = dev.qrtl.spec.QuantizerSpec.MAX_PIPELINE;

  /** How a comparison prices its units: synthesis (for the common clock, where there is one), then gate-level energy. */
  static UnitCostModel cost(CompareConfig c) {
    return new GateLevelCost(c.tech(), c.timing(), c.clockNs(), c.timeout());
  }

  private static CompareRow row(UnitTask t, CompareConfig c) {
    if (c.clockNs().isPresent()) {
      return rowAtClock(t, c);
    }
    UnitCost u = cost(c).price(t.manifest(), c.energy());
    return row(t, u, null).withVerification(verify(t, c.pipeline(), t.manifest(), u.energy(), c));
  }

  private static CompareRow row(UnitTask t, UnitCost u, Integer stages) {
    SynthResult s = u.synthesis();
    return new CompareRow(t.form().label(), t.accBits(), t.outBits(), u.design(), s.areaUm2(), s.nand2Equivalents(), s.cells(),
        s.criticalPathNs(), s.fmaxMhz(), u.energyPj(), u.energyCi95Pj(), u.energyZeroDelayPj(), u.leakagePj(), null, null, stages);
  }

  /**
   * A unit at the common clock: synthesized for it (ABC's delay target, with retiming), and given
   * more register stages until its critical path fits the period (at most {@link #MAX_STAGES}; a
   * unit that still misses keeps its last figures and says so by its delay). A unit that misses
   * jumps to the stages an even split of its path would need ({@link #nextStages}), then one at a
   * time: each try is a Yosys run, up to a minute for tflite-double.
   */
  private static CompareRow rowAtClock(UnitTask t, CompareConfig c) {
    double period = c.clockNs().getAsDouble();
    int stages = c.pipeline();
    Path manifest = t.manifest();
    UnitCostModel cost = cost(c);
    SynthResult s = cost.synthesize(manifest);
    while (s.criticalPathNs() > period && stages < MAX_STAGES) {
      stages = nextStages(stages, s.criticalPathNs(), period);
      manifest = Designs.write(t.form().scheme().forComparison(t.form().form(), t.accBits(), t.outBits(), c.energy().stimulus(), stages),
          CacheDirs.root().resolve("designs"));
      s = cost.synthesize(manifest);
    }
    UnitCost u = cost.price(manifest, s, c.energy());
    return row(t, u, stages).withVerification(verify(t, stages, manifest, u.energy(), c));
  }

  /** The row's unit co-simulated (as many vectors as the energy run's operations) and proved where it can be. */
  private static RowVerification verify(UnitTask t, int stages, Path manifest, EnergyReport e, CompareConfig c) {
    var spec = t.form().scheme().forComparison(t.form().form(), t.accBits(), t.outBits(), c.energy().stimulus(), stages);
    return Verification.check(t.form(), spec, manifest, c.energy().operations(), c.energy().seed(), e.gateLevelChecks(), c.timeout());
  }

  /**
   * The stages to try after {@code stages} left a path of {@code delayNs}. From a combinational
   * unit, what cutting its path into period-long pieces needs at least (a lower bound: register
   * overhead and imperfect balance only add stages, so the search cannot pass the fewest stages that
   * meet the clock); after that one more at a time (a pipelined unit's path is its worst stage,
   * which says little about the total). Never beyond {@link #MAX_STAGES}.
   */
  static int nextStages(int stages, double delayNs, double periodNs) {
    int even = stages == 0 ? (int) Math.ceil(delayNs / periodNs) - 1 : 0;
    return Math.min(MAX_STAGES, Math.max(stages + 1, even));
  }

  /** Accumulators per scale for a row's error columns (the octave-mean RMS has 32 times as many). */
  static final int ERROR_SAMPLES = 100_000;

  /**
   * Each row with its accuracy: the golden model's octave-mean and worst RMS error at the scale
   * calibrated to the comparison's stimulus (none where the scheme cannot apply that scale, such
   * as a power of two for a scale above 1).
   */
  static List<CompareRow> withErrors(List<CompareRow> rows, CompareConfig c) {
    List<CompareRow> out = new ArrayList<>();
    for (CompareRow r : rows) {
      Schemes.Form f = Schemes.form(r.scheme());
      try {
        int samples = dev.qrtl.accuracy.Accumulators.samples(c.energy().stimulus(), r.accBits(), ERROR_SAMPLES); // a file: all its values
        AccuracyResult a = AccuracyStudy.run(new AccuracyConfig(List.of(f), r.accBits(), r.outBits(), c.energy().stimulus(),
            c.energy().seed(), samples, KRule.NEAREST, 0, new ScaleChoice.Calibrated(), 32));
        double mean = a.rows().stream().filter(x -> x.view().equals("octave mean")).findFirst().orElseThrow().metrics().rms();
        double worst = a.rows().stream().filter(x -> x.view().equals("octave worst")).findFirst().orElseThrow().metrics().rms();
        out.add(r.withError(new CompareRow.RowError(mean, worst)));
      } catch (IllegalArgumentException e) {
        out.add(r); // the scheme cannot represent the calibrated scale at these widths
      }
    }
    return out;
  }

  /** Baseline area / row area and baseline energy / row energy, at the same widths. */
  static List<CompareRow> withRatios(List<CompareRow> rows) {
    Map<String, CompareRow> base = new HashMap<>();
    for (CompareRow r : rows) {
      if (r.scheme().equals(Schemes.BASELINE)) {
        base.put(r.accBits() + ":" + r.outBits(), r);
      }
    }
    List<CompareRow> out = new ArrayList<>();
    for (CompareRow r : rows) {
      CompareRow b = base.get(r.accBits() + ":" + r.outBits());
      // a unit with no logic at all (16 -> 16 bits with a zero constant shift is wires) has no finite ratio
      out.add(b == null || r.areaUm2() <= 0 || r.energyPj() <= 0 ? r : r.withRatios(b.areaUm2() / r.areaUm2(), b.energyPj() / r.energyPj()));
    }
    return out;
  }
}
