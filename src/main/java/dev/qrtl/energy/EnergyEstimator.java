package dev.qrtl.energy;

import dev.qrtl.kind.DesignKind;
import dev.qrtl.kind.DesignKinds;
import dev.qrtl.kind.Designs;
import dev.qrtl.kind.Workload;
import dev.qrtl.liberty.Library;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestException;
import dev.qrtl.manifest.PortSpec;
import dev.qrtl.power.BitParallelZeroDelay;
import dev.qrtl.power.Elaboration;
import dev.qrtl.power.Energy;
import dev.qrtl.power.GateSimulator;
import dev.qrtl.power.LibertyEnergyModel;
import dev.qrtl.sim.PortLayout;
import dev.qrtl.sim.RecordSource;
import dev.qrtl.synth.SynthResult;
import dev.qrtl.synth.YosysNetlist;
import dev.qrtl.tools.ToolException;
import dev.qrtl.util.Parallel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Estimates a design's energy per operation: its mapped netlist (from {@link SynthResult}) is
 * simulated at gate level with and without cell delays on the records co-simulation would use
 * (run-time parameters held for {@link EnergyOptions#paramPeriod()} operations), every checked
 * output compared with the golden model, and the counted transitions priced by the library. The
 * run is cut into equal batches; the spread of the batch means gives the 95 % confidence interval.
 *
 * <p>The library model counts events and prices the counts ({@link LibertyEnergyModel}), so a run
 * can be split without changing a digit: each batch is counted on its own and the counts added.
 * A combinational design's batches with delays are shared among the cores, each thread its own
 * stretch of records (starting from the record before it, settled and not counted, so that every
 * transition is the one a single run would see), and its zero-delay figure comes from the
 * bit-parallel simulator ({@link BitParallelZeroDelay}, 64 records at a time); a design with
 * flip-flops runs its two timing models side by side, each over all records in order.
 */
public final class EnergyEstimator {
  private static final int CHUNK = 256;

  private EnergyEstimator() {}

  public static EnergyReport estimate(Path manifestPath, Manifest m, SynthResult synth, Library lib, EnergyOptions o) {
    return EnergyCache.get(EnergyCache.key(manifestPath, synth, o), m.top(), () -> measure(manifestPath, m, synth, lib, o));
  }

  /**
   * An estimate measured by {@code measure} (a gate-level run of a design driven by its own record
   * source), cached under {@code key} as every estimate is: the key must name everything the
   * figures depend on (netlist, options, the code's digest).
   */
  public static EnergyReport cached(String key, String top, Supplier<EnergyReport> measure) {
    return EnergyCache.get(key, top, measure);
  }

  /** The gate-level run without the cache (tests check that two runs agree; the energy benchmark times it). */
  public static EnergyReport measure(Path manifestPath, Manifest m, SynthResult synth, Library lib, EnergyOptions o) {
    return measure(manifestPath, m, synth, lib, o, Runtime.getRuntime().availableProcessors());
  }

  /** As {@link #measure(Path, Manifest, SynthResult, Library, EnergyOptions)} on at most {@code threads} threads (the figures do not depend on it). */
  public static EnergyReport measure(Path manifestPath, Manifest m, SynthResult synth, Library lib, EnergyOptions o, int threads) {
    long start = System.nanoTime();
    YosysNetlist net = netlist(synth, m.top());
    DesignKind<?> kind = DesignKinds.find(m.kind()).filter(k -> k.specType().isPresent()).orElseThrow(() -> new ManifestException(
        "no energy estimate for designs of kind '" + m.kind() + "' (" + m.top() + ")"));
    Workload.Request request = Workload.Request.energy(o.stimulus(), o.operations(), o.seed(), o.paramPeriod());
    Workload w = kind.workloadAny(m, Designs.specOf(m, m.top()), request);
    Supplier<RecordSource> sources = () -> kind.workloadAny(m, Designs.specOf(m, m.top()), request).source();
    return estimate(m.top(), kind.operation(), net, synth, lib, o, PortLayout.of(m), m.clock() != null, sources, w.records(),
        w.operations(), start, threads);
  }

  /**
   * The gate-level run itself, for any record stream laid out by {@code layout} (check word
   * non-zero: compare the outputs); {@code ops} operations over {@code records} records;
   * {@code sources} gives a fresh stream, the same each time.
   */
  public static EnergyReport estimate(String top, String operation, YosysNetlist net, SynthResult synth, Library lib, EnergyOptions o,
      PortLayout layout, boolean clocked, Supplier<RecordSource> sources, long records, long ops, long start) {
    return estimate(top, operation, net, synth, lib, o, layout, clocked, sources, records, ops, start,
        Runtime.getRuntime().availableProcessors());
  }

  private static EnergyReport estimate(String top, String operation, YosysNetlist net, SynthResult synth, Library lib, EnergyOptions o,
      PortLayout layout, boolean clocked, Supplier<RecordSource> sources, long records, long ops, long start, int threads) {
    double clockNs = o.clockNs().orElse(synth.criticalPathNs() > 0 ? synth.criticalPathNs() : 1.0);
    String clockSource = o.clockNs().isPresent() ? "--clock-ns" : synth.criticalPathNs() > 0 ? "critical path" : "1 ns (no logic path)";
    Elaboration elaboration = new Elaboration(net, top, lib, synth.conditions());
    Run run = new Run(top, synth, elaboration, o, clockNs, layout, clocked, sources, records);
    List<Callable<Void>> tasks = new ArrayList<>();
    boolean split = elaboration.combinational() && !clocked;
    if (split) {
      int stretches = Math.max(1, Math.min(threads, run.batches));
      for (int t = 0; t < stretches; t++) {
        int from = (int) ((long) run.batches * t / stretches);
        int to = (int) ((long) run.batches * (t + 1) / stretches);
        tasks.add(() -> run.events(GateSimulator.Timing.DELAYS, from, to));
      }
      tasks.add(() -> run.bitParallel());
    } else {
      tasks.add(() -> run.events(GateSimulator.Timing.DELAYS, 0, run.batches));
      tasks.add(() -> run.events(GateSimulator.Timing.ZERO_DELAY, 0, run.batches));
    }
    Parallel.runAll(tasks, Math.max(1, threads), "energy estimate of " + top);
    double perRecordToPerOp = (double) records / ops;
    EnergyEstimate delays = run.estimate(0, ops, perRecordToPerOp);
    EnergyEstimate zero = run.estimate(1, ops, perRecordToPerOp);
    return new EnergyReport(top, synth.library(), synth.corner(), synth.yosys(), o.stimulus().text(), o.seed(),
        operation, ops, clockNs, clockSource, synth.conditions().describe(synth.wireLoad()), o.conventions().describe(), delays, zero,
        run.checks.get() / 2, (System.nanoTime() - start) / 1e9);
  }

  /** The mapped netlist a synthesis left. */
  public static YosysNetlist netlist(SynthResult synth, String top) {
    try {
      Path file = Path.of(synth.netlistDir(), "netlist.json");
      return YosysNetlist.parse(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new ToolException("cannot read the mapped netlist of " + top + ": " + e.getMessage());
    }
  }

  /**
   * One estimate's shared state: the batches (the first {@code batches - 1} of
   * {@code records / batches} records, the last the rest), each timing model's energy per batch
   * and its counts over all batches.
   */
  private static final class Run {
    final String top;
    final SynthResult synth;
    final Elaboration e;
    final EnergyOptions o;
    final double clockNs;
    final PortLayout layout;
    final boolean clocked;
    final Supplier<RecordSource> sources;
    final long records;
    final int batches;
    final long perBatch;
    /** [timing: 0 delays, 1 zero delay][batch]: energy per record of that batch (pJ). */
    final double[][] batchMean;
    final LibertyEnergyModel prices;
    final LibertyEnergyModel[] total;
    final java.util.concurrent.atomic.AtomicLong checks = new java.util.concurrent.atomic.AtomicLong();

    Run(String top, SynthResult synth, Elaboration e, EnergyOptions o, double clockNs, PortLayout layout, boolean clocked,
        Supplier<RecordSource> sources, long records) {
      this.top = top;
      this.synth = synth;
      this.e = e;
      this.o = o;
      this.clockNs = clockNs;
      this.layout = layout;
      this.clocked = clocked;
      this.sources = sources;
      this.records = records;
      this.batches = (int) Math.max(1, Math.min(o.batches(), records));
      this.perBatch = records / batches;
      this.batchMean = new double[2][batches];
      this.prices = new LibertyEnergyModel(e, o.conventions(), clockNs);
      this.total = new LibertyEnergyModel[] {model(), model()};
    }

    LibertyEnergyModel model() {
      return prices.sibling();
    }

    long batchStart(int b) {
      return b * perBatch;
    }

    long batchEnd(int b) {
      return b == batches - 1 ? records : (b + 1) * perBatch;
    }

    /** Batch {@code b}'s counts are complete in {@code m}: its mean, and the counts added to the total. */
    void batchDone(int timing, int b, LibertyEnergyModel m) {
      batchMean[timing][b] = total(m.energyByGroup(clockNs)).totalPj() / (batchEnd(b) - batchStart(b));
      synchronized (total[timing]) {
        total[timing].add(m);
      }
      m.reset();
    }

    /** The event simulator over batches {@code from..to - 1}: records in order, from the record before them (settled, not counted). */
    Void events(GateSimulator.Timing timing, int from, int to) {
      LibertyEnergyModel m = model();
      GateSimulator g = new GateSimulator(e, timing, m);
      RecordSource source = sources.get();
      int rec = layout.recordWords();
      long[] buf = new long[CHUNK * rec];
      long first = batchStart(from);
      long done = skip(source, buf, rec, first == 0 ? 0 : first - 1);
      if (first > 0) { // the record before the stretch: its settled state is where this stretch starts
        source.fill(buf, 1);
        apply(g, buf, 0, done > 0);
        g.eval();
        done++;
        m.reset();
      }
      int ti = timing == GateSimulator.Timing.DELAYS ? 0 : 1;
      int b = from;
      long end = batchEnd(to - 1);
      while (done < end) {
        stopIfInterrupted();
        int n = (int) Math.min(CHUNK, end - done);
        source.fill(buf, n);
        for (int r = 0; r < n; r++, done++) {
          int base = r * rec;
          apply(g, buf, base, done > 0);
          g.eval();
          if (buf[base] != 0) {
            for (int k = 0; k < layout.outputs().size(); k++) {
              PortSpec p = layout.outputs().get(k);
              if (!g.outputEquals(p.name(), buf, base + layout.outputOffset(k))) {
                throw mismatch(timing.toString(), done, p.name());
              }
            }
            checks.addAndGet(layout.outputs().size());
          }
          if (done + 1 == batchEnd(b)) {
            batchDone(ti, b, m);
            b++;
          }
        }
      }
      return null;
    }

    private void apply(GateSimulator g, long[] buf, int base, boolean edge) {
      if (clocked && edge) {
        g.edge();
      }
      for (int i = 0; i < layout.inputs().size(); i++) {
        g.set(layout.inputs().get(i).name(), buf, base + layout.inputOffset(i));
      }
    }

    /** Reads and drops the first {@code n} records. */
    private static long skip(RecordSource source, long[] buf, int rec, long n) {
      long done = 0;
      while (done < n) {
        int k = (int) Math.min(CHUNK, n - done);
        source.fill(buf, k);
        done += k;
      }
      return done;
    }

    /** The bit-parallel zero-delay simulator over all records, 64 at a time, each batch's words ending with it. */
    Void bitParallel() {
      LibertyEnergyModel m = model();
      BitParallelZeroDelay z = new BitParallelZeroDelay(e, m);
      RecordSource source = sources.get();
      int rec = layout.recordWords();
      long[] buf = new long[64 * rec];
      long done = 0;
      int b = 0;
      while (done < records) {
        stopIfInterrupted();
        int lanes = (int) Math.min(64, batchEnd(b) - done);
        source.fill(buf, lanes);
        for (int lane = 0; lane < lanes; lane++) {
          for (int i = 0; i < layout.inputs().size(); i++) {
            z.set(layout.inputs().get(i).name(), lane, buf, lane * rec + layout.inputOffset(i));
          }
        }
        z.evaluate(lanes);
        for (int lane = 0; lane < lanes; lane++) {
          int base = lane * rec;
          if (buf[base] != 0) {
            for (int k = 0; k < layout.outputs().size(); k++) {
              PortSpec p = layout.outputs().get(k);
              if (!z.outputEquals(p.name(), lane, buf, base + layout.outputOffset(k))) {
                throw mismatch("ZERO_DELAY", done + lane, p.name());
              }
            }
            checks.addAndGet(layout.outputs().size());
          }
        }
        done += lanes;
        if (done == batchEnd(b)) {
          batchDone(1, b, m);
          b++;
        }
      }
      return null;
    }

    private static void stopIfInterrupted() {
      if (Thread.currentThread().isInterrupted()) {
        throw new java.util.concurrent.CancellationException("stopped");
      }
    }

    private ToolException mismatch(String timing, long record, String port) {
      return new ToolException("the mapped netlist of " + top + " (" + synth.library() + ", " + timing
          + ") disagrees with the golden model at record " + record + ", output '" + port + "'");
    }

    EnergyEstimate estimate(int timing, long ops, double perRecordToPerOp) {
      SummaryStatistics s = new SummaryStatistics();
      for (double v : batchMean[timing]) {
        s.addValue(v);
      }
      Map<String, Energy> groups = total[timing].energyByGroup(clockNs);
      Energy e = total(groups);
      double t = s.getN() < 2 ? 0 : new TDistribution(s.getN() - 1).inverseCumulativeProbability(0.975);
      double ci = s.getN() < 2 ? 0 : t * s.getStandardDeviation() / Math.sqrt(s.getN()) * perRecordToPerOp;
      Map<String, Double> byGroup = new LinkedHashMap<>();
      groups.forEach((k, v) -> byGroup.put(k, v.totalPj() / ops));
      return new EnergyEstimate(e.totalPj() / ops, ci, e.combinationalPj() / ops, e.sequentialPj() / ops, e.leakagePj() / ops, byGroup);
    }

    private static Energy total(Map<String, Energy> groups) {
      return groups.values().stream().reduce(Energy.ZERO, Energy::plus);
    }
  }
}
