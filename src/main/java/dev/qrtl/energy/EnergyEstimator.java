package dev.qrtl.energy;

import dev.qrtl.kind.DesignKind;
import dev.qrtl.kind.DesignKinds;
import dev.qrtl.kind.Designs;
import dev.qrtl.kind.Workload;
import dev.qrtl.liberty.Library;
import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestException;
import dev.qrtl.manifest.PortSpec;
import dev.qrtl.power.Elaboration;
import dev.qrtl.power.Energy;
import dev.qrtl.power.GateSimulator;
import dev.qrtl.power.LibertyEnergyModel;
import dev.qrtl.sim.PortLayout;
import dev.qrtl.sim.RecordSource;
import dev.qrtl.synth.SynthResult;
import dev.qrtl.synth.YosysNetlist;
import dev.qrtl.tools.ToolException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Estimates a design's energy per operation: its mapped netlist (from {@link SynthResult}) is
 * simulated at gate level with and without cell delays on the records co-simulation would use
 * (run-time parameters held for {@link EnergyOptions#paramPeriod()} operations), every checked
 * output compared with the golden model, and the counted transitions priced by the library. The
 * run is cut into equal batches; the spread of the batch means gives the 95 % confidence interval.
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
  public static EnergyReport cached(String key, String top, java.util.function.Supplier<EnergyReport> measure) {
    return EnergyCache.get(key, top, measure);
  }

  /** The gate-level run without the cache (tests check that two runs agree; the energy benchmark times it). */
  public static EnergyReport measure(Path manifestPath, Manifest m, SynthResult synth, Library lib, EnergyOptions o) {
    long start = System.nanoTime();
    YosysNetlist net = netlist(synth, m.top());
    DesignKind<?> kind = DesignKinds.find(m.kind()).filter(k -> k.specType().isPresent()).orElseThrow(() -> new ManifestException(
        "no energy estimate for designs of kind '" + m.kind() + "' (" + m.top() + ")"));
    Workload w = kind.workloadAny(m, Designs.specOf(m, m.top()), Workload.Request.energy(o.stimulus(), o.operations(), o.seed(),
        o.paramPeriod()));
    RecordSource source = w.source();
    long records = w.records();
    long ops = w.operations();
    return estimate(m.top(), kind.operation(), net, synth, lib, o, PortLayout.of(m), m.clock() != null,
        source, records, ops, start);
  }

  /**
   * The gate-level run itself, for any record stream laid out by {@code layout} (check word
   * non-zero: compare the outputs); {@code ops} operations over {@code records} records.
   */
  public static EnergyReport estimate(String top, String operation, YosysNetlist net, SynthResult synth, Library lib, EnergyOptions o,
      PortLayout layout, boolean clocked, RecordSource source, long records, long ops, long start) {
    double clockNs = o.clockNs().orElse(synth.criticalPathNs() > 0 ? synth.criticalPathNs() : 1.0);
    String clockSource = o.clockNs().isPresent() ? "--clock-ns" : synth.criticalPathNs() > 0 ? "critical path" : "1 ns (no logic path)";
    Elaboration elaboration = new Elaboration(net, top, lib, synth.conditions());
    GateSimulator[] sims = {
        new GateSimulator(elaboration, GateSimulator.Timing.DELAYS, new LibertyEnergyModel(elaboration, o.conventions(), clockNs)),
        new GateSimulator(elaboration, GateSimulator.Timing.ZERO_DELAY, new LibertyEnergyModel(elaboration, o.conventions(), clockNs))};
    int rec = layout.recordWords();
    long[] buf = new long[CHUNK * rec];
    int batches = o.batches();
    long perBatch = records / batches;
    SummaryStatistics[] batchMeans = {new SummaryStatistics(), new SummaryStatistics()};
    Energy[] last = {new Energy(0, 0, 0), new Energy(0, 0, 0)};
    long checks = 0;
    long done = 0;
    long batchStart = 0;
    while (done < records) {
      int n = (int) Math.min(CHUNK, records - done);
      source.fill(buf, n);
      for (int r = 0; r < n; r++, done++) {
        int base = r * rec;
        for (GateSimulator g : sims) {
          if (clocked && done > 0) {
            g.edge();
          }
          for (int i = 0; i < layout.inputs().size(); i++) {
            g.set(layout.inputs().get(i).name(), buf, base + layout.inputOffset(i));
          }
          g.eval();
          if (buf[base] != 0) {
            for (int k = 0; k < layout.outputs().size(); k++) {
              PortSpec p = layout.outputs().get(k);
              if (!g.outputEquals(p.name(), buf, base + layout.outputOffset(k))) {
                throw new ToolException("the mapped netlist of " + top + " (" + synth.library() + ", " + g.timing()
                    + ") disagrees with the golden model at record " + done + ", output '" + p.name() + "'");
              }
            }
          }
        }
        if (buf[base] != 0) {
          checks += layout.outputs().size();
        }
        boolean batchEnd = done + 1 - batchStart == perBatch && batchMeans[0].getN() < batches - 1 || done + 1 == records;
        if (batchEnd) {
          long count = done + 1 - batchStart;
          for (int s = 0; s < 2; s++) {
            Energy now = sims[s].energy(clockNs);
            batchMeans[s].addValue(now.minus(last[s]).totalPj() / count);
            last[s] = now;
          }
          batchStart = done + 1;
        }
      }
    }
    double perRecordToPerOp = (double) records / ops;
    EnergyEstimate delays = estimate(sims[0], batchMeans[0], clockNs, ops, perRecordToPerOp);
    EnergyEstimate zero = estimate(sims[1], batchMeans[1], clockNs, ops, perRecordToPerOp);
    return new EnergyReport(top, synth.library(), synth.corner(), synth.yosys(), o.stimulus().text(), o.seed(),
        operation, ops, clockNs, clockSource, synth.conditions().describe(synth.wireLoad()), o.conventions().describe(), delays, zero,
        checks, (System.nanoTime() - start) / 1e9);
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

  private static EnergyEstimate estimate(GateSimulator g, SummaryStatistics batchMeans, double clockNs, long ops, double perRecordToPerOp) {
    Energy e = g.energy(clockNs);
    double t = new TDistribution(batchMeans.getN() - 1).inverseCumulativeProbability(0.975);
    double ci = t * batchMeans.getStandardDeviation() / Math.sqrt(batchMeans.getN()) * perRecordToPerOp;
    Map<String, Double> byGroup = new LinkedHashMap<>();
    g.energyByGroup(clockNs).forEach((k, v) -> byGroup.put(k, v.totalPj() / ops));
    return new EnergyEstimate(e.totalPj() / ops, ci, e.combinationalPj() / ops, e.sequentialPj() / ops, e.leakagePj() / ops, byGroup);
  }
}
