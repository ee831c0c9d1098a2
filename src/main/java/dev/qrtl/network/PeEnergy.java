package dev.qrtl.network;

import dev.qrtl.results.UnitPrice;
import dev.qrtl.core.Module;
import dev.qrtl.energy.CustomWorkload;
import dev.qrtl.energy.GateLevelCost;
import dev.qrtl.energy.UnitCost;
import dev.qrtl.sim.RecordSource;
import dev.qrtl.energy.EnergyOptions;
import dev.qrtl.gen.mac.PeGenerator;
import dev.qrtl.manifest.PortSpec;
import dev.qrtl.sim.PortLayout;
import dev.qrtl.spec.MacArraySpec;
import dev.qrtl.spec.MacForm;
import dev.qrtl.stimulus.ProductsStimulus;
import dev.qrtl.stimulus.ValueSampler;
import dev.qrtl.synth.TechLibraries;
import dev.qrtl.synth.TimingConditions;
import dev.qrtl.util.CacheDirs;
import dev.qrtl.util.CodeDigest;
import dev.qrtl.util.Hashing;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * The energy of one multiply-accumulate: a single-lane processing element (the unified module's
 * broadcast PE: product, accumulator, first/valid control) at the layer's operand and accumulator
 * widths, synthesized and simulated at gate level on the layer's own data shape - dot products of
 * K terms back to back ({@code first} every K cycles, {@code valid} always), ReLU-sparse unsigned
 * activations times Gaussian weights as {@code products:k=K} draws them. Every accumulator value
 * is checked against the arithmetic done here (the PE's rule, written from its specification:
 * {@code acc <= first ? a*w : acc + a*w}, wrapping at the accumulator width). Cached like every
 * energy estimate, by the netlist, the options and the code.
 */
final class PeEnergy {
  private PeEnergy() {}

  static MacArraySpec spec(int aBits, int wBits, int accBits, int k) {
    return new MacArraySpec(1, 1, aBits, false, wBits, true, k, OptionalInt.of(accBits), MacForm.BROADCAST, 1, false, false);
  }

  static UnitPrice price(int aBits, int wBits, int accBits, int k, TechLibraries.Resolved tech, TimingConditions timing, EnergyOptions o,
      Duration timeout) {
    MacArraySpec s = spec(aBits, wBits, accBits, k);
    Module pe = PeGenerator.broadcast(s);
    Path manifest = dev.qrtl.kind.Designs.writeExample(pe, CacheDirs.root().resolve("designs"));
    ProductsStimulus data = new ProductsStimulus(k, aBits, wBits, 0.5, java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty());
    EnergyOptions opts = new EnergyOptions(o.operations(), o.seed(), data, o.clockNs(), o.paramPeriod(), o.batches(), o.conventions());
    List<PortSpec> ins = pe.inputs().stream().map(p -> new PortSpec(p.name(), "input", p.type().width(), p.type().signed())).toList();
    List<PortSpec> outs = pe.outputs().stream().map(p -> new PortSpec(p.name(), "output", p.type().width(), p.type().signed())).toList();
    PortLayout layout = new PortLayout(ins, outs);
    CustomWorkload w = new CustomWorkload("multiply-accumulate", layout, true, () -> records(layout, opts, s), opts.operations(),
        opts.operations(), r -> Hashing.sha256(CodeDigest.current(), Path.of(r.netlistDir()).getFileName().toString(), r.librarySha256(),
            r.conditions().toString(), opts.toString()).substring(0, 24));
    UnitCost u = new GateLevelCost(tech, timing, timeout).price(manifest, opts, w);
    return new UnitPrice(pe.name(), u.areaUm2(), u.energyPj(), u.energyCi95Pj(), u.delayNs(), 0, data.text(),
        "gate-level simulation with delays");
  }

  /** The PE's records: products of the layer's operand distributions, K terms per dot product, every accumulator checked. */
  private static RecordSource records(PortLayout layout, EnergyOptions o, MacArraySpec s) {
    List<PortSpec> ins = layout.inputs();
    List<PortSpec> outs = layout.outputs();
    ProductsStimulus data = (ProductsStimulus) o.stimulus();
    ValueSampler a = data.activations(s.aBits(), o.seed());
    ValueSampler w = data.weights(s.wBits(), o.seed() + 1);
    int rec = layout.recordWords();
    int k = s.k();
    long mask = s.accBits() == 64 ? -1L : (1L << s.accBits()) - 1;
    long[] state = {0, 0, 0}; // record index, accumulator after the last edge, previous input's contribution
    long[] prev = new long[4]; // a, w, first, valid of the previous record
    return (buf, count) -> {
          for (int i = 0; i < count; i++, state[0]++) {
            long n = state[0];
            int base = i * rec;
            // the register state now: reset by record 0, then the rule applied to the previous record's inputs
            if (n == 1) {
              state[1] = 0;
            } else if (n > 1 && prev[3] == 1) {
              long p = prev[0] * prev[1];
              state[1] = wrap(prev[2] == 1 ? p : state[1] + p, mask, s.accBits());
            }
            long first = n % k == 1 || k == 1 ? 1 : 0;
            long av = a.next();
            long wv = w.next();
            for (int j = 0; j < ins.size(); j++) {
              long v = switch (ins.get(j).name()) {
                case "rst" -> n == 0 ? 1 : 0;
                case "a" -> av;
                case "w" -> wv;
                case "first" -> n == 0 ? 0 : first;
                case "valid" -> n == 0 ? 0 : 1;
                default -> 0; // clk is driven by the simulator's edges
              };
              buf[base + layout.inputOffset(j)] = v;
            }
            buf[base] = n >= 1 ? 1 : 0; // compare from the first cycle after reset
            for (int j = 0; j < outs.size(); j++) {
              long v = outs.get(j).name().equals("acc") ? state[1] : (n == 0 ? 1 : first); // acc_final = !valid | first
              buf[base + layout.outputOffset(j)] = v;
            }
            prev[0] = av;
            prev[1] = wv;
            prev[2] = n == 0 ? 0 : first;
            prev[3] = n == 0 ? 0 : 1;
          }
        };
  }

  private static long wrap(long v, long mask, int bits) {
    long low = v & mask;
    return bits == 64 ? low : (low << (64 - bits)) >> (64 - bits);
  }
}
