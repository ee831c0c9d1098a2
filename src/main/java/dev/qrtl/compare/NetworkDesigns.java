package dev.qrtl.compare;

import dev.qrtl.results.NetworkRow;
import dev.qrtl.core.Module;
import dev.qrtl.energy.CustomWorkload;
import dev.qrtl.energy.UnitCost;
import dev.qrtl.sim.RecordSource;
import dev.qrtl.energy.EnergyOptions;
import dev.qrtl.gen.mac.ConventionalGenerator;
import dev.qrtl.manifest.PortSpec;
import dev.qrtl.kind.DefaultDesigns;
import dev.qrtl.kind.Designs;
import dev.qrtl.scheme.Schemes;
import dev.qrtl.scheme.SpecBase;
import dev.qrtl.sim.PortLayout;
import dev.qrtl.spec.ConventionalSpec;
import dev.qrtl.spec.MacArraySpec;
import dev.qrtl.spec.OutputSpec;
import dev.qrtl.spec.QuantizerSpec;
import dev.qrtl.stimulus.Stimulus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The network-level view, per output value of the default 8x8 int8 array (24-bit accumulators):
 * the unified module's one fused requantization (bias, folded batch norm, ReLU) against the
 * conventional pipeline's requantize, batch-norm multiply-add, requantize again and ReLU, each
 * with shift-round or the TFLite multiplier. Every stage is synthesized and simulated at gate
 * level as its own unit on data shaped like what reaches it (requantizers golden-checked), and
 * the path's cost is the sum of its stages'. The stages are the very modules the unified and
 * conventional generators instantiate per output.
 */
final class NetworkDesigns {
  /** The spread of an int8 value fitted to three standard deviations, as requantizers leave it. */
  private static final double Q_SIGMA = 127 / 3.0;
  private static final int BN_MUL_BITS = 8;
  private static final int BN_ADD_BITS = 16;

  private NetworkDesigns() {}

  /** A stage: a requantizer (golden-checked) or a plain datapath module driven by {@link #drive}. */
  record Stage(String name, QuantizerSpec requant, Module module, String stimulus) {}

  /** A way of finishing the layer. */
  record Config(String name, int quantizationOpsPerOutput, List<Stage> stages) {}

  static List<Config> configs(Stimulus accumulators) {
    MacArraySpec a = DefaultDesigns.defaultUnified().array();
    int acc = a.accBits();
    OutputSpec s8 = new OutputSpec(8, true, false, true);
    OutputSpec relu8 = new OutputSpec(8, true, true, true);
    String accs = accumulators.text();
    List<Config> out = new ArrayList<>();
    for (String scheme : List.of("shift-round", "tflite-double")) {
      QuantizerSpec fused = requant(scheme, acc, relu8, true);
      out.add(new Config("unified, " + scheme, 1, List.of(new Stage("requantize (bias, BN, ReLU fused)", fused, null, accs))));
    }
    for (String scheme : List.of("shift-round", "tflite-double")) {
      QuantizerSpec conv = requant(scheme, acc, s8, true);
      ConventionalSpec spec = new ConventionalSpec(a, conv, BN_MUL_BITS, BN_ADD_BITS,
          requant(scheme, ConventionalSpec.bnValueBits(conv, BN_MUL_BITS, BN_ADD_BITS), s8, false));
      double bnSigma = Q_SIGMA * (1 << (BN_MUL_BITS - 2));
      out.add(new Config("conventional, " + scheme, 2, List.of(
          new Stage("requantize conv (bias)", conv, null, accs),
          new Stage("batch norm x * mul + add", null, ConventionalGenerator.batchNorm(spec), "x int8 ~ N(0, 42)"),
          new Stage("requantize BN", spec.bnRequant(), null, "gaussian:sigma=" + Math.round(bnSigma)),
          new Stage("ReLU", null, ConventionalGenerator.relu(8, true), "x int8 ~ N(0, 42)"))));
    }
    return out;
  }

  private static QuantizerSpec requant(String scheme, int acc, OutputSpec o, boolean bias) {
    return Schemes.named(scheme).runtimeUnit(new SpecBase(acc, o, bias, 0));
  }

  static NetworkRow row(Config n, Path designs, CompareConfig c) {
    List<NetworkRow.Stage> stages = new ArrayList<>();
    double area = 0;
    double energy = 0;
    double ci2 = 0;
    double zero = 0;
    for (Stage s : n.stages()) {
      NetworkRow.Stage st = s.requant() != null ? requantStage(s, designs, c) : datapathStage(s, designs, c);
      stages.add(st);
      area += st.areaUm2();
      energy += st.energyPj();
      ci2 += st.energyCi95Pj() * st.energyCi95Pj();
      zero += st.energyZeroDelayPj();
    }
    return new NetworkRow(n.name(), n.quantizationOpsPerOutput(), area, energy, Math.sqrt(ci2), zero, stages);
  }

  private static NetworkRow.Stage requantStage(Stage s, Path designs, CompareConfig c) {
    Path manifest = Designs.write(s.requant(), designs);
    EnergyOptions o = new EnergyOptions(c.energy().operations(), c.energy().seed(), Stimulus.parse(s.stimulus()), c.energy().clockNs(),
        c.energy().paramPeriod(), c.energy().batches(), c.energy().conventions());
    UnitCost u = Comparison.cost(c).price(manifest, o);
    return new NetworkRow.Stage(s.name(), u.design(), u.areaUm2(), u.energyPj(), u.energyCi95Pj(), u.energyZeroDelayPj(), s.stimulus());
  }

  /** The batch-norm and ReLU stages: int8 inputs ~ N(0, 42) clamped; mul and add held per layer (1024 values). */
  private static NetworkRow.Stage datapathStage(Stage s, Path designs, CompareConfig c) {
    Module mod = s.module();
    Path manifest = dev.qrtl.kind.Designs.writeExample(mod, designs);
    List<PortSpec> ins = mod.inputs().stream().map(p -> new PortSpec(p.name(), "input", p.type().width(), p.type().signed())).toList();
    List<PortSpec> outs = mod.outputs().stream().map(p -> new PortSpec(p.name(), "output", p.type().width(), p.type().signed())).toList();
    PortLayout layout = new PortLayout(ins, outs);
    long ops = c.energy().operations();
    UnitCost u = Comparison.cost(c).price(manifest, c.energy(), new CustomWorkload("output value", layout, false,
        () -> datapathRecords(layout, c.energy().seed()), ops, ops, null));
    return new NetworkRow.Stage(s.name(), mod.name(), u.areaUm2(), u.energyPj(), u.energyCi95Pj(), u.energyZeroDelayPj(), s.stimulus());
  }

  /** The stage's records: x int8 ~ N(0, 42), mul and add held for 1024 values (a layer's), no golden model (exact integer arithmetic). */
  private static RecordSource datapathRecords(PortLayout layout, long seed) {
    List<PortSpec> ins = layout.inputs();
    SplittableRandom rnd = new SplittableRandom(seed);
    long[] held = new long[ins.size()];
    long[] produced = {0};
    int rec = layout.recordWords();
    return (buf, count) -> {
          for (int k = 0; k < count; k++, produced[0]++) {
            int base = k * rec;
            buf[base] = 0; // no golden model: the stage is exact integer arithmetic, checked by lint and earlier tests
            for (int i = 0; i < ins.size(); i++) {
              String name = ins.get(i).name();
              if (name.equals("x")) {
                buf[base + layout.inputOffset(i)] = Math.max(-128, Math.min(127, Math.round(rnd.nextGaussian() * Q_SIGMA)));
              } else {
                if (produced[0] % 1024 == 0) {
                  held[i] = name.equals("mul") ? rnd.nextLong(1L << (BN_MUL_BITS - 2), 1L << (BN_MUL_BITS - 1))
                      : rnd.nextLong(-(1L << (BN_ADD_BITS - 3)), 1L << (BN_ADD_BITS - 3));
                }
                buf[base + layout.inputOffset(i)] = held[i];
              }
            }
          }
        };
  }
}
