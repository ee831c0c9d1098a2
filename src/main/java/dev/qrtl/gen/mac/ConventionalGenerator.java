package dev.qrtl.gen.mac;

import dev.qrtl.core.Expr;
import dev.qrtl.core.HwType;
import dev.qrtl.core.InstanceBuilder;
import dev.qrtl.core.Module;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.core.Signal;
import dev.qrtl.spec.ConventionalSpec;
import dev.qrtl.spec.MacArraySpec;
import dev.qrtl.spec.QuantizerSpec;
import java.util.function.Function;

/**
 * The conventional (non-fused) pipeline: the same MAC array, then per output a conv requantizer,
 * a batch-norm multiply-add stage, a second requantizer and a ReLU stage. Per output channel j:
 * {@code conv_<param>_<j>}, {@code bn_mul_<j>}, {@code bn_add_<j>}, {@code bn_<param>_<j>}.
 */
public final class ConventionalGenerator {
  private ConventionalGenerator() {}

  /** {@code requantizers} builds the two requantizers' modules (the scheme registry's generator). */
  public static Module generate(ConventionalSpec spec, Function<QuantizerSpec, Module> requantizers) {
    MacArraySpec a = spec.array();
    // Operand-isolated like the unified module's epilogue, so the comparison stays fair.
    Module array = MacArrayGenerator.generate(a, true);
    Module conv = requantizers.apply(spec.convRequant());
    Module bnq = requantizers.apply(spec.bnRequant());
    Module bn = batchNorm(spec);
    Module relu = relu(spec.bnRequant().out().bits(), spec.bnRequant().out().signed());
    ModuleBuilder m = new ModuleBuilder(dev.qrtl.gen.ModuleNames.bounded("conventional_" + a.tag() + "__" + conv.name() + "__" + bnq.name()))
        .description("conventional pipeline: MAC array, conv requantization, batch-norm with its own"
            + " requantization, separate ReLU")
        .param("array", array.name()).param("conv_requant", conv.name()).param("bn_requant", bnq.name())
        .param("quantization_ops_per_output", 2).param("activation_ops_per_output", 1)
        .param("bn_mul_bits", spec.bnMulBits()).param("bn_add_bits", spec.bnAddBits())
        .latency(array.latency() + conv.latency() + bnq.latency());
    array.params().forEach((k, v) -> m.param("array_" + k, v));
    conv.params().forEach((k, v) -> m.param("conv_" + k, v));
    bnq.params().forEach((k, v) -> m.param("bnq_" + k, v));
    InstanceBuilder arr = m.instance("array", array);
    for (Signal in : array.inputs()) {
      if (array.clock().orElse(null) != in && array.reset().orElse(null) != in) {
        arr.in(in.name(), m.input(in.name(), in.type()));
      }
    }
    EpilogueWiring convWiring = new EpilogueWiring(m, "conv_");
    EpilogueWiring bnWiring = new EpilogueWiring(m, "bn_");
    Signal[] bnMul = new Signal[a.cols()];
    Signal[] bnAdd = new Signal[a.cols()];
    for (int j = 0; j < a.cols(); j++) {
      bnMul[j] = m.input("bn_mul_" + j, HwType.s(spec.bnMulBits()));
      bnAdd[j] = m.input("bn_add_" + j, HwType.s(spec.bnAddBits()));
    }
    for (int i = 0; i < a.rows(); i++) {
      for (int j = 0; j < a.cols(); j++) {
        Signal q1 = convWiring.place(conv, "conv_requant_" + i + "_" + j, j, EpilogueWiring.isolated(m, arr, i, j, true));
        Signal y = m.instance("bn_" + i + "_" + j, bn).in("x", q1).in("mul", bnMul[j]).in("add", bnAdd[j]).out("y");
        Signal q2 = bnWiring.place(bnq, "bn_requant_" + i + "_" + j, j, y);
        Signal q = m.instance("relu_" + i + "_" + j, relu).in("x", q2).out("y");
        m.assign(m.output("q_" + i + "_" + j, q.type()), q);
      }
    }
    return m.build();
  }

  /** {@code y = x * mul + add}, exact. */
  public static Module batchNorm(ConventionalSpec spec) {
    HwType x = new HwType(spec.convRequant().out().bits(), spec.convRequant().out().signed());
    ModuleBuilder m = new ModuleBuilder("bn_scale_shift_x" + x + "_m" + spec.bnMulBits() + "_a" + spec.bnAddBits())
        .description("integer batch-norm stage: y = x * mul + add");
    Signal in = m.input("x", x);
    Signal mul = m.input("mul", HwType.s(spec.bnMulBits()));
    Signal add = m.input("add", HwType.s(spec.bnAddBits()));
    Expr value = in.toSigned().mul(mul).add(add);
    m.assign(m.output("y", HwType.s(spec.bnValueBits())), value);
    return m.build();
  }

  /** {@code y = max(x, 0)}: the separate activation stage. */
  public static Module relu(int bits, boolean signed) {
    HwType t = new HwType(bits, signed);
    ModuleBuilder m = new ModuleBuilder("relu_" + t).description("separate ReLU stage");
    Signal x = m.input("x", t);
    Expr zero = Expr.lit(0, new HwType(1, signed));
    m.assign(m.output("y", t), x.lt(zero).select(zero, x));
    return m.build();
  }
}
