package dev.qrtl.energy;

import dev.qrtl.kind.DesignKind;
import dev.qrtl.kind.DesignKinds;
import dev.qrtl.kind.Designs;
import dev.qrtl.kind.Workload;
import dev.qrtl.liberty.Library;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestException;
import dev.qrtl.power.BitParallelStretches;
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
  /** Zero-delay runs of designs with flip-flops that the stretches could not reproduce, measured again on the event simulator (tests read it). */
  static final java.util.concurrent.atomic.AtomicLong FALLBACKS = new java.util.concurrent.atomic.AtomicLong();

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
    return measure(manifestPath, m, synth, lib, o, threads, false);
  }

  /**
   * The same run on the event simulators alone, with and without delays, records in order on one
   * thread each: the reference the bit-parallel simulators and split runs are checked against
   * (their figures must be these, to the last bit).
   */
  public static EnergyReport measureOnEventSimulators(Path manifestPath, Manifest m, SynthResult synth, Library lib, EnergyOptions o) {
    return measure(manifestPath, m, synth, lib, o, 2, true);
  }

  private static EnergyReport measure(Path manifestPath, Manifest m, SynthResult synth, Library lib, EnergyOptions o, int threads,
      boolean eventsOnly) {
    long start = System.nanoTime();
    YosysNetlist net = netlist(synth, m.top());
    DesignKind<?> kind = DesignKinds.find(m.kind()).filter(k -> k.specType().isPresent()).orElseThrow(() -> new ManifestException(
        "no energy estimate for designs of kind '" + m.kind() + "' (" + m.top() + ")"));
    Workload.Request request = Workload.Request.energy(o.stimulus(), o.operations(), o.seed(), o.paramPeriod());
    Workload w = kind.workloadAny(m, Designs.specOf(m, m.top()), request);
    Supplier<RecordSource> sources = () -> kind.workloadAny(m, Designs.specOf(m, m.top()), request).source();
    return estimate(m.top(), kind.operation(), net, synth, lib, o, PortLayout.of(m), m.clock() != null, sources, w.records(),
        w.operations(), start, threads, eventsOnly);
  }

  /**
   * The gate-level run itself, for any record stream laid out by {@code layout} (check word
   * non-zero: compare the outputs); {@code ops} operations over {@code records} records;
   * {@code sources} gives a fresh stream, the same each time.
   */
  public static EnergyReport estimate(String top, String operation, YosysNetlist net, SynthResult synth, Library lib, EnergyOptions o,
      PortLayout layout, boolean clocked, Supplier<RecordSource> sources, long records, long ops, long start) {
    return estimate(top, operation, net, synth, lib, o, layout, clocked, sources, records, ops, start,
        Runtime.getRuntime().availableProcessors(), false);
  }

  private static EnergyReport estimate(String top, String operation, YosysNetlist net, SynthResult synth, Library lib, EnergyOptions o,
      PortLayout layout, boolean clocked, Supplier<RecordSource> sources, long records, long ops, long start, int threads,
      boolean eventsOnly) {
    double clockNs = o.clockNs().orElse(synth.criticalPathNs() > 0 ? synth.criticalPathNs() : 1.0);
    String clockSource = o.clockNs().isPresent() ? "--clock-ns" : synth.criticalPathNs() > 0 ? "critical path" : "1 ns (no logic path)";
    Elaboration elaboration = new Elaboration(net, top, lib, synth.conditions());
    Run run = new Run(top, synth, elaboration, o, clockNs, layout, clocked, sources, records);
    boolean combinational = elaboration.combinational() && !clocked;
    if (eventsOnly) {
      Parallel.runAll(List.of(() -> run.delays(1), run::zeroDelayEvents), threads, "energy estimate of " + top);
    } else {
      Parallel.runAll(List.of(() -> run.delays(threads), combinational ? run::bitParallel : () -> run.stretchesOrEvents(threads)), threads,
          "energy estimate of " + top);
    }
    double perRecordToPerOp = (double) records / ops;
    // with delays over a prefix: its share of the operations (records are spread evenly over operations)
    double delayOps = run.span[0] == records ? ops : (double) ops / records * run.span[0];
    EnergyEstimate delays = run.estimate(0, delayOps, perRecordToPerOp);
    EnergyEstimate zero = run.estimate(1, ops, perRecordToPerOp);
    return new EnergyReport(top, synth.library(), synth.corner(), synth.yosys(), o.stimulus().text(), o.seed(), operation, ops,
        Math.round(delayOps), clockNs, clockSource, synth.conditions().describe(synth.wireLoad()), o.conventions().describe(), delays, zero,
        run.checks.get(), (System.nanoTime() - start) / 1e9);
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
    /** Records simulated: [0] with delays (all, or the first so many), [1] at zero delay (all). */
    final long[] span;
    final int batches;
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
      long delayed = o.delayOperations() >= o.operations() ? records
          : Math.min(records, (records * o.delayOperations() + o.operations() - 1) / o.operations());
      this.span = new long[] {delayed, records};
      this.batches = (int) Math.max(1, Math.min(o.batches(), delayed));
      this.batchMean = new double[2][batches];
      this.prices = new LibertyEnergyModel(e, o.conventions(), clockNs);
      this.total = new LibertyEnergyModel[] {model(), model()};
    }

    LibertyEnergyModel model() {
      return prices.sibling();
    }

    /** Batch {@code b} of timing {@code t}'s records (0 with delays, 1 zero delay): equal stretches, the last taking the rest. */
    long batchStart(int t, int b) {
      return b * (span[t] / batches);
    }

    long batchEnd(int t, int b) {
      return b == batches - 1 ? span[t] : (b + 1) * (span[t] / batches);
    }

    /** Batch {@code b}'s counts are complete in {@code m}: its mean per record, and the counts moved to {@code into}. */
    void batchDone(int timing, int b, LibertyEnergyModel m, LibertyEnergyModel into) {
      batchMean[timing][b] = total(m.energyByGroup(clockNs)).totalPj() / (batchEnd(timing, b) - batchStart(timing, b));
      into.add(m);
      m.reset();
    }

    /** Which output of the record at {@code base} differs from the golden model's ({@code sim} compares one), or null. */
    String failingOutput(OutputCheck sim, long[] buf, int base) {
      for (int k = 0; k < layout.outputs().size(); k++) {
        String port = layout.outputs().get(k).name();
        if (!sim.equals(port, base + layout.outputOffset(k))) {
          return port;
        }
      }
      return null;
    }

    /** A simulator's output {@code port} against the expected words at {@code offset}. */
    interface OutputCheck {
      boolean equals(String port, int offset);
    }

    /**
     * What a stretch of records leaves: the registers after its warm-up and at its end, the outputs
     * it checked, its counts, and its first output that disagreed with the golden model (null if
     * none) - kept, not thrown, until the stretch is known to have started where the one before it
     * ended: a warm-up too short for the design's registers makes wrong outputs that are no fault
     * of the netlist (a tile of an array longer than the warm-up), and the stretch is played again.
     */
    record Stretch(long[] start, long[] end, long checks, LibertyEnergyModel counts, ToolException mismatch) {}

    /**
     * The run with delays: on one thread, all records in order; on more, the batches in as many
     * stretches, each on its own thread starting {@code warmUp} records early (not counted: the
     * record before it, for a design without registers) and checked to start with the registers
     * the stretch before it ended with; a stretch that does not is played again with four times
     * the warm-up, up to {@link #MAX_WARM_UP}, and past that the whole run goes on one thread.
     * The counts are those of one run in order whatever the split.
     */
    Void delays(int threads) {
      int firstWarmUp = e.combinational() ? 1 : 512; // registers: a few pipeline stages, or a tile of an array (a retry replays a whole stretch)
      // a split pays a warm-up per stretch: worth it when the stretches are long against it
      int n = span[0] < 8L * firstWarmUp * threads ? 1 : Math.max(1, Math.min(threads, batches));
      int[] from = new int[n + 1];
      for (int t = 0; t <= n; t++) {
        from[t] = (int) ((long) batches * t / n);
      }
      Stretch[] parts = new Stretch[n];
      List<Callable<Void>> tasks = new ArrayList<>();
      for (int t = 0; t < n; t++) {
        int k = t;
        tasks.add(() -> {
          parts[k] = events(GateSimulator.Timing.DELAYS, from[k], from[k + 1], firstWarmUp);
          return null;
        });
      }
      Parallel.runAll(tasks, n, "energy with delays of " + top);
      Stretch[] s = parts;
      for (int t = 1; t < n; t++) {
        for (int w = firstWarmUp * 4; !java.util.Arrays.equals(s[t].start(), s[t - 1].end()); w *= 4) {
          if (w > MAX_WARM_UP) {
            s = new Stretch[] {events(GateSimulator.Timing.DELAYS, 0, batches, 0)};
            t = n;
            break;
          }
          s[t] = events(GateSimulator.Timing.DELAYS, from[t], from[t + 1], w);
        }
      }
      for (Stretch x : s) {
        if (x.mismatch() != null) {
          throw x.mismatch(); // the stretch started where the one before it ended: the netlist disagrees
        }
        total[0].add(x.counts());
        checks.addAndGet(x.checks());
      }
      return null;
    }

    /** The event simulator over batches {@code from..to - 1}: records in order, after {@code warmUp} records before them (not counted). */
    Stretch events(GateSimulator.Timing timing, int from, int to, int warmUp) {
      LibertyEnergyModel m = model();
      LibertyEnergyModel into = model();
      GateSimulator g = new GateSimulator(e, timing, m);
      RecordSource source = sources.get();
      int rec = layout.recordWords();
      long[] buf = new long[CHUNK * rec];
      int ti = timing == GateSimulator.Timing.DELAYS ? 0 : 1;
      long first = batchStart(ti, from);
      long done = skip(source, buf, rec, Math.max(0, first - warmUp));
      while (done < first) { // the warm-up: where the records before the stretch leave the design
        int n = (int) Math.min(CHUNK, first - done);
        source.fill(buf, n);
        for (int r = 0; r < n; r++, done++) {
          apply(g, buf, r * rec, done > 0);
          g.eval();
        }
      }
      m.reset();
      long[] start = g.registers();
      long checked = 0;
      ToolException mismatch = null;
      boolean fromReset = first - warmUp <= 0; // as one run in order: a disagreement is the netlist's
      int b = from;
      long end = batchEnd(ti, to - 1);
      while (done < end) {
        stopIfInterrupted();
        int n = (int) Math.min(CHUNK, end - done);
        source.fill(buf, n);
        for (int r = 0; r < n; r++, done++) {
          int base = r * rec;
          apply(g, buf, base, done > 0);
          g.eval();
          if (buf[base] != 0) {
            String bad = mismatch != null ? null : failingOutput((port, offset) -> g.outputEquals(port, buf, offset), buf, base);
            if (bad != null) {
              mismatch = mismatch(timing.toString(), done, bad);
              if (fromReset) {
                throw mismatch;
              }
            }
            if (timing == GateSimulator.Timing.DELAYS || done >= span[0]) {
              checked += layout.outputs().size(); // each record counted once, though both runs may check it
            }
          }
          if (done + 1 == batchEnd(ti, b)) {
            batchDone(ti, b, m, into);
            b++;
          }
        }
      }
      return new Stretch(start, g.registers(), checked, into, mismatch);
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
        int lanes = (int) Math.min(64, batchEnd(1, b) - done);
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
            int l = lane;
            String bad = failingOutput((port, offset) -> z.outputEquals(port, l, buf, offset), buf, base);
            if (bad != null) {
              throw mismatch("ZERO_DELAY", done + lane, bad);
            }
            if (done + lane >= span[0]) {
              checks.addAndGet(layout.outputs().size());
            }
          }
        }
        done += lanes;
        if (done == batchEnd(1, b)) {
          batchDone(1, b, m, total[1]);
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

    /**
     * A design with flip-flops at zero delay on 64 lanes ({@link BitParallelStretches}): each batch
     * is played in rounds of up to 64 stretches of consecutive records, one per lane, each lane
     * starting a few records early (a warm-up, not counted) so that its registers reach the state
     * the records before its stretch leave. That they did is checked lane by lane against the
     * registers the stretch before it ended with (a round's first stretch against the last of the
     * round before); a round that fails is played again with twice the warm-up (16 records
     * at first, up to {@link #MAX_WARM_UP}), and past that the whole figure is measured by the
     * event simulator over all records in order. The batches are shared among {@code threads}
     * groups, one per thread ({@link #stretches}). Either way the counts are those of one run in
     * order: the figures are the event simulator's to the last bit.
     */
    Void stretchesOrEvents(int threads) {
      if (!stretches(threads)) {
        FALLBACKS.incrementAndGet();
        zeroDelayEvents();
      }
      return null;
    }

    /** Zero delay on the event simulator, all records in order. */
    Void zeroDelayEvents() {
      Stretch all = events(GateSimulator.Timing.ZERO_DELAY, 0, batches, 0);
      total[1] = all.counts();
      checks.addAndGet(all.checks());
      return null;
    }

    static final int MAX_WARM_UP = 4096;

    private static final long BUFFER_WORDS = 1L << 22;

    /** The records a round needs, read once, in order. */
    private final class Window {
      final RecordSource source = sources.get();
      final int rec = layout.recordWords();
      long[] buf = new long[0];
      long start;
      long count;

      /** Makes records [from, to) available ({@code from} never goes back). */
      void hold(long from, long to) {
        long[] part = new long[CHUNK * rec];
        if (from > start + count) { // records no round needs (another thread's): read past them
          for (long gap = from - start - count; gap > 0; gap -= CHUNK) {
            source.fill(part, (int) Math.min(CHUNK, gap));
          }
          start = from;
          count = 0;
        }
        long keep = Math.max(0, start + count - from);
        int need = (int) (to - from) * rec;
        if (need > buf.length) {
          long[] bigger = new long[need];
          System.arraycopy(buf, (int) (from - start) * rec, bigger, 0, (int) keep * rec);
          buf = bigger;
        } else if (keep > 0 && from > start) {
          System.arraycopy(buf, (int) (from - start) * rec, buf, 0, (int) keep * rec);
        }
        start = from;
        count = keep;
        while (start + count < to) {
          int n = (int) Math.min(CHUNK, to - start - count);
          source.fill(part, n);
          System.arraycopy(part, 0, buf, (int) count * rec, n * rec);
          count += n;
        }
      }

      int offset(long record) {
        return (int) (record - start) * rec;
      }
    }

    /**
     * The batches in as many groups as threads, each group's rounds on its own thread. A group's
     * first round (its head) cannot be checked against the registers the group before it ends
     * with until that group is done: its counts are held apart and its batch left open until then;
     * a head that fails the check sends the whole run to the event simulator (its other lanes,
     * warmed up alike, passed their checks, so this is rare: none in 20 configurations of
     * {@code EnergyEstimatorTest}).
     */
    private boolean stretches(int threads) {
      int n = Math.max(1, Math.min(threads, batches / 2));
      int[] from = new int[n + 1];
      for (int t = 0; t <= n; t++) {
        from[t] = (int) ((long) batches * t / n);
      }
      Group[] groups = new Group[n];
      List<Callable<Void>> tasks = new ArrayList<>();
      for (int t = 0; t < n; t++) {
        int k = t;
        tasks.add(() -> {
          groups[k] = group(from[k], from[k + 1]);
          return null;
        });
      }
      Parallel.runAll(tasks, n, "zero-delay energy of " + top);
      for (Group g : groups) {
        if (g == null) {
          return false;
        }
      }
      for (int t = 1; t < n; t++) {
        if (!java.util.Arrays.equals(groups[t].head.round().start(), groups[t - 1].end)) {
          return false; // its warm-up sufficed for the lanes after it, not for the first: rare, and then the events decide
        }
      }
      for (Group g : groups) {
        g.firstBatch.add(g.head.counts());
        batchDone(1, g.fromBatch, g.firstBatch, g.total);
        total[1].add(g.total);
        checks.addAndGet(g.checks + g.head.round().checked());
      }
      return true;
    }

    /** A round played and checked within itself, with its counts. */
    private record Played(Round round, LibertyEnergyModel counts) {}

    /** One thread's share of the zero-delay run: batches {@code fromBatch..} played in rounds. */
    private final class Group {
      final int fromBatch;
      final LibertyEnergyModel firstBatch = model();
      final LibertyEnergyModel total = model();
      Played head;
      long[] end;
      long checks;

      Group(int fromBatch) {
        this.fromBatch = fromBatch;
      }
    }

    /** Batches {@code fromBatch..toBatch - 1} in rounds, each checked against the one before; null if the warm-up never suffices. */
    private Group group(int fromBatch, int toBatch) {
      Group g = new Group(fromBatch);
      LibertyEnergyModel batch = g.firstBatch;
      BitParallelStretches z = new BitParallelStretches(e, null);
      Window w = new Window();
      int maxStretch = (int) Math.max(2 * MAX_WARM_UP, (BUFFER_WORDS / w.rec - MAX_WARM_UP) / 64);
      int warmUp = 16;
      long[] lastEnd = null; // the registers after the previous round's last record (none before the head)
      LibertyEnergyModel round = model();
      for (int b = fromBatch; b < toBatch; b++) {
        long roundStart = batchStart(1, b);
        while (roundStart < batchEnd(1, b)) {
          stopIfInterrupted();
          // all 64 lanes, however long the warm-up: a round costs a word evaluation per step (warm-up
          // steps too) and counts per record, so the fewest steps are the shortest stretches
          long stretch = Math.min(maxStretch, (batchEnd(1, b) - roundStart + 63) / 64);
          long roundEnd = Math.min(batchEnd(1, b), roundStart + 64 * stretch);
          w.hold(Math.max(0, roundStart - MAX_WARM_UP), roundEnd);
          Round done = null;
          while (done == null) { // more warm-up until the lanes' registers check out
            round.reset();
            z.countingInto(round);
            done = round(z, w, roundStart, roundEnd, stretch, warmUp, lastEnd);
            if (done == null) {
              if (warmUp == MAX_WARM_UP) {
                return null;
              }
              warmUp *= 2;
            }
          }
          if (g.head == null) {
            g.head = new Played(done, round);
            round = model();
          } else {
            batch.add(round);
            g.checks += done.checked();
          }
          lastEnd = done.end();
          roundStart = roundEnd;
        }
        if (b == fromBatch) {
          batch = model(); // the first batch stays open until the head is checked
        } else {
          batchDone(1, b, batch, g.total);
        }
      }
      g.end = lastEnd;
      return g;
    }

    /** A round that checked out: the registers at its first lane's start and after its last record, and the outputs it checked. */
    private record Round(long[] start, long[] end, long checked) {}

    /**
     * One round: records [roundStart, roundEnd) in stretches of {@code stretch}, lane j the j-th,
     * each after {@code warmUp} records of warm-up. Null if a lane's registers at its stretch's
     * start differ from those the stretch before it ended with.
     */
    private Round round(BitParallelStretches z, Window w, long roundStart, long roundEnd, long stretch, int warmUp, long[] lastEnd) {
      int lanes = (int) ((roundEnd - roundStart + stretch - 1) / stretch);
      long[][] startState = new long[lanes][];
      long[][] endState = new long[lanes][];
      ToolException mismatch = null;
      long checked = 0;
      long fromReset = 0;
      for (int j = 0; j < lanes; j++) {
        if (roundStart + j * stretch - warmUp <= 0) {
          fromReset |= 1L << j; // the lane plays from record 0: from reset, as one run does
        }
      }
      if (fromReset != 0) {
        z.reset(fromReset);
      }
      for (int k = 0; k < warmUp + stretch; k++) {
        long edge = 0;
        long count = 0;
        for (int j = 0; j < lanes; j++) {
          long rs = roundStart + j * stretch;
          long r = rs - warmUp + k;
          if (r < 0 || r >= Math.min(roundEnd, rs + stretch)) {
            continue;
          }
          int base = w.offset(r);
          for (int i = 0; i < layout.inputs().size(); i++) {
            z.set(layout.inputs().get(i).name(), j, w.buf, base + layout.inputOffset(i));
          }
          if (clocked && r > 0) {
            edge |= 1L << j;
          }
          if (r >= rs) {
            count |= 1L << j;
          }
        }
        if (k == warmUp) {
          for (int j = 0; j < lanes; j++) {
            startState[j] = z.registers(j);
          }
        }
        z.step(edge, count);
        for (long c = count; c != 0; c &= c - 1) { // the counted records' outputs against the golden model
          final int j = Long.numberOfTrailingZeros(c);
          long r = roundStart + j * stretch - warmUp + k;
          int base = w.offset(r);
          if (w.buf[base] != 0) {
            String bad = mismatch != null ? null : failingOutput((port, offset) -> z.outputEquals(port, j, w.buf, offset), w.buf, base);
            if (bad != null) {
              mismatch = mismatch("ZERO_DELAY", r, bad); // thrown if the round's registers check out (else it is replayed)
            }
            if (r >= span[0]) {
              checked += layout.outputs().size();
            }
          }
        }
        for (int j = 0; j < lanes; j++) {
          long rs = roundStart + j * stretch;
          if (rs - warmUp + k == Math.min(roundEnd, rs + stretch) - 1) {
            endState[j] = z.registers(j);
          }
        }
      }
      for (int j = 0; j < lanes; j++) {
        long rs = roundStart + j * stretch;
        long[] before = j > 0 ? endState[j - 1] : lastEnd;
        // a group's head (no registers before it yet) has its first lane checked when the group before it is done
        boolean exact = rs - warmUp <= 0 || (before == null ? j == 0 : java.util.Arrays.equals(before, startState[j]));
        if (!exact) {
          return null;
        }
      }
      if (mismatch != null) {
        throw mismatch;
      }
      return new Round(startState[0], endState[lanes - 1], checked);
    }

    private ToolException mismatch(String timing, long record, String port) {
      return new ToolException("the mapped netlist of " + top + " (" + synth.library() + ", " + timing
          + ") disagrees with the golden model at record " + record + ", output '" + port + "'");
    }

    EnergyEstimate estimate(int timing, double ops, double perRecordToPerOp) {
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
