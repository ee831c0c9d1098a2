package dev.qrtl.cosim;

import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestException;
import dev.qrtl.manifest.PortSpec;
import dev.qrtl.kind.DesignKind;
import dev.qrtl.kind.DesignKinds;
import dev.qrtl.kind.Designs;
import dev.qrtl.kind.Workload;
import dev.qrtl.sim.CosimResult;
import dev.qrtl.sim.Mismatch;
import dev.qrtl.sim.PortLayout;
import dev.qrtl.sim.RecordSource;
import dev.qrtl.sim.RtlSimulator;
import dev.qrtl.sim.Simulator;
import dev.qrtl.sim.VerilogPorts;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Co-simulates a design given by its manifest against the golden model its parameters name. */
public final class Cosim {
  private Cosim() {}

  /** A record stream for a manifest, and its length and description. */
  public record Plan(RecordSource source, long records, String stimulus) {}

  /** The record stream {@code qrtl cosim} would use, for other drivers (the cocotb benches). */
  public static Plan planFor(Manifest m, CosimOptions o) {
    return plan(m, o);
  }

  static Plan plan(Manifest m, CosimOptions o) {
    DesignKind<?> kind = DesignKinds.find(m.kind()).filter(k -> k.specType().isPresent()).orElseThrow(() -> new ManifestException(
        "no golden model for designs of kind '" + m.kind() + "' (" + m.top() + "); co-simulation supports "
            + String.join(", ", DesignKinds.all().stream().filter(k -> k.specType().isPresent()).map(DesignKind::name).toList())
            + " designs"));
    Workload w = kind.workloadAny(m, Designs.specOf(m, m.top()), Workload.Request.cosim(o.stimulus(), o.vectors(), o.seed()));
    return new Plan(w.source(), w.records(), w.stimulus());
  }

  public static CosimReport run(Path manifestPath, CosimOptions o) {
    Manifest m = Designs.read(manifestPath); // names, paths and the spec checked before any tool runs
    Path dir = manifestPath.toAbsolutePath().getParent();
    List<Path> files = m.resolveFiles(dir);
    if (o.simulator() == Simulator.VERILATOR || dev.qrtl.tools.ToolPaths.find("verilator", System.getenv("PATH")).isPresent()) {
      VerilogPorts.check(m, files); // before anything is built: a clear list of differences
    }
    Plan plan = plan(m, o);
    RtlSimulator backend = o.simulator().backend();
    RtlSimulator.Compiled sim = backend.compile(m, dir, false);
    CosimResult r = sim.run(plan.source(), plan.records(), o.keep(), o.timeout(), null);
    String vcd = null;
    if (r.mismatches() > 0 && o.vcd() != null) {
      vcd = dumpVcd(backend, m, dir, o, r.firstMismatches().get(0).index());
    }
    return report(m, sim.description(), plan, o, r, sim.cached(), vcd);
  }

  /** Replays the stream up to just past the first mismatch in a tracing build. */
  private static String dumpVcd(RtlSimulator backend, Manifest m, Path dir, CosimOptions o, long first) {
    RtlSimulator.Compiled traced = backend.compile(m, dir, true);
    Plan again = plan(m, o);
    long from = Math.max(0, first - 16);
    long upTo = Math.min(again.records(), first + 16);
    Path vcd = o.vcd().toAbsolutePath();
    traced.run(again.source(), upTo, 0, o.timeout(), new RtlSimulator.Waveform(vcd, from));
    return vcd.toString();
  }

  private static CosimReport report(Manifest m, String simulator, Plan plan, CosimOptions o, CosimResult r, boolean cached, String vcd) {
    PortLayout layout = PortLayout.of(m);
    List<CosimReport.MismatchReport> mm = new ArrayList<>();
    for (Mismatch x : r.firstMismatches()) {
      List<CosimReport.PortValue> in = new ArrayList<>();
      for (int i = 0; i < layout.inputs().size(); i++) {
        in.add(value(layout.inputs().get(i), x.record(), layout.inputOffset(i)));
      }
      List<CosimReport.PortValue> exp = new ArrayList<>();
      List<CosimReport.PortValue> act = new ArrayList<>();
      int base = layout.outputOffset(0);
      for (int i = 0; i < layout.outputs().size(); i++) {
        PortSpec p = layout.outputs().get(i);
        CosimReport.PortValue e = value(p, x.record(), layout.outputOffset(i));
        CosimReport.PortValue a = value(p, x.actual(), layout.outputOffset(i) - base);
        if (!e.hex().equals(a.hex())) {
          exp.add(e);
          act.add(a);
        }
      }
      mm.add(new CosimReport.MismatchReport(x.index(), in, exp, act, x.note()));
    }
    // A checked record compares every output: count values, not records.
    long values = r.checked() * layout.outputs().size();
    return new CosimReport(m.top(), simulator, plan.stimulus(), o.seed(), r.records(), values, r.mismatches(),
        r.seconds(), cached, mm, vcd);
  }

  /** A port's value from its words: decimal by the port's signedness, hex of the bit pattern. */
  public static CosimReport.PortValue value(PortSpec p, long[] words, int offset) {
    BigInteger v = BigInteger.ZERO;
    for (int w = PortLayout.words(p) - 1; w >= 0; w--) {
      v = v.shiftLeft(64).or(BigInteger.valueOf(words[offset + w]).and(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)));
    }
    BigInteger pattern = v.and(BigInteger.ONE.shiftLeft(p.width()).subtract(BigInteger.ONE));
    BigInteger dec = p.signed() && pattern.testBit(p.width() - 1) ? pattern.subtract(BigInteger.ONE.shiftLeft(p.width())) : pattern;
    return new CosimReport.PortValue(p.name(), dec.toString(), pattern.toString(16));
  }
}
