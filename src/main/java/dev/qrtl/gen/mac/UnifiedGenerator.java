package dev.qrtl.gen.mac;

import dev.qrtl.core.InstanceBuilder;
import dev.qrtl.core.Module;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.core.Signal;
import dev.qrtl.spec.MacArraySpec;
import dev.qrtl.spec.QuantizerSpec;
import dev.qrtl.spec.UnifiedSpec;
import java.util.function.Function;

/**
 * The unified module: the MAC array and one requantizer per output (identical requantizers are
 * emitted once). Run-time requantizer parameters (bias, shift, M0, ...) are per output channel:
 * inputs {@code bias_<j>}, {@code shift_<j>}, ... shared along column j. Outputs {@code q_<i>_<j>}.
 */
public final class UnifiedGenerator {
  private UnifiedGenerator() {}

  /** {@code requantizers} builds the epilogue's module (the scheme registry's generator). */
  public static Module generate(UnifiedSpec spec, Function<QuantizerSpec, Module> requantizers) {
    return generate(spec, requantizers, true);
  }

  /**
   * With {@code isolate} (what qrtl ships) each requantizer's input is held at 0 while its
   * accumulator is summing, so the epilogue switches once per output, not on every partial sum;
   * without it (named {@code ..._noiso}, kept to measure the saving) it follows every partial sum.
   */
  public static Module generate(UnifiedSpec spec, Function<QuantizerSpec, Module> requantizers, boolean isolate) {
    MacArraySpec a = spec.array();
    Module array = MacArrayGenerator.generate(a, isolate);
    Module requant = requantizers.apply(spec.epilogue());
    ModuleBuilder m = new ModuleBuilder(dev.qrtl.gen.ModuleNames.bounded("unified_" + a.tag() + "__" + requant.name())
        + (isolate ? "" : "_noiso"))
        .description("unified module: " + a.rows() + "x" + a.cols() + " MAC array with one fused "
            + spec.epilogue().scheme() + " requantization per output")
        .param("array", array.name()).param("epilogue", requant.name())
        .param("quantization_ops_per_output", 1)
        .param("tile_protocol", MacArrayGenerator.protocol(a) + " Then q_<i>_<j> follows after "
            + requant.latency() + " more cycle(s).")
        .latency(array.latency() + requant.latency());
    // The parts' parameters, so tools can rebuild the golden model from the manifest alone.
    array.params().forEach((k, v) -> m.param("array_" + k, v));
    requant.params().forEach((k, v) -> m.param("epilogue_" + k, v));
    InstanceBuilder arr = m.instance("array", array);
    for (Signal in : array.inputs()) {
      if (array.clock().orElse(null) != in && array.reset().orElse(null) != in) {
        arr.in(in.name(), m.input(in.name(), in.type()));
      }
    }
    EpilogueWiring wiring = new EpilogueWiring(m, "");
    for (int i = 0; i < a.rows(); i++) {
      for (int j = 0; j < a.cols(); j++) {
        Signal q = wiring.place(requant, "requant_" + i + "_" + j, j, EpilogueWiring.isolated(m, arr, i, j, isolate));
        m.assign(m.output("q_" + i + "_" + j, q.type()), q);
      }
    }
    return m.build();
  }
}
