package dev.qrtl.kind;

import dev.qrtl.spec.Fp32ScaleSpec;
import dev.qrtl.spec.MacArraySpec;
import dev.qrtl.spec.MacForm;
import dev.qrtl.spec.OutputSpec;
import dev.qrtl.spec.QuantizerSpec;
import dev.qrtl.spec.Rounding;
import dev.qrtl.spec.ShiftRoundSpec;
import dev.qrtl.spec.TfliteSpec;
import dev.qrtl.spec.ThresholdSpec;
import dev.qrtl.spec.UnifiedSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The designs the main job generates into {@code rtl-out/}, in a fixed order: every scheme at
 * 32 -> 8 and 32 -> 4 bits with run-time parameters (the configurable, per-channel-capable form),
 * shift-round also with a constant shift (the cheapest per-layer form) and at 16 -> 8, the
 * default 8x8 int8 unified module.
 */
public final class DefaultDesigns {
  /** The constant shift of the per-layer shift-round default. */
  public static final int DEFAULT_CONSTANT_SHIFT = 10;

  private DefaultDesigns() {}

  public static List<QuantizerSpec> quantizers() {
    List<QuantizerSpec> q = new ArrayList<>();
    for (int out : new int[] {8, 4}) {
      OutputSpec o = new OutputSpec(out, true, false, true);
      q.add(new ShiftRoundSpec(32, o, Rounding.HALF_UP, OptionalInt.empty(), false, 0, false));
      q.add(new ShiftRoundSpec(32, o, Rounding.HALF_UP, OptionalInt.of(DEFAULT_CONSTANT_SHIFT), false, 0, false));
      q.add(new ShiftRoundSpec(32, o, Rounding.FLOOR, OptionalInt.empty(), false, 0, true));
      q.add(new TfliteSpec(32, o, false, OptionalInt.empty(), OptionalInt.empty(), OptionalLong.empty(), false, 0));
      q.add(new TfliteSpec(32, o, true, OptionalInt.empty(), OptionalInt.empty(), OptionalLong.empty(), false, 0));
      q.add(new Fp32ScaleSpec(32, o, Optional.empty(), OptionalLong.empty(), false, 0));
      q.add(new ThresholdSpec(32, o, Optional.empty(), 0));
    }
    q.add(new ShiftRoundSpec(16, new OutputSpec(8, true, false, true), Rounding.HALF_UP, OptionalInt.empty(), false, 0, false));
    return q;
  }

  /** The 8x8 int8 systolic array (K = 256) with a fused shift-round epilogue (bias, ReLU, run-time shift). */
  public static UnifiedSpec defaultUnified() {
    MacArraySpec a = new MacArraySpec(8, 8, 8, true, 8, true, 256, OptionalInt.empty(), MacForm.SYSTOLIC, 1, true, false);
    OutputSpec relu8 = new OutputSpec(8, true, true, true);
    return new UnifiedSpec(a, new ShiftRoundSpec(a.accBits(), relu8, Rounding.HALF_UP, OptionalInt.empty(), true, 0, false));
  }

  public static List<GeneratedDesign> all() {
    List<GeneratedDesign> all = new ArrayList<>();
    for (QuantizerSpec s : quantizers()) {
      all.add(Designs.generate(s));
    }
    all.add(Designs.generate(defaultUnified()));
    return all;
  }
}
