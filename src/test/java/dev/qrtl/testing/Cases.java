package dev.qrtl.testing;

import dev.qrtl.spec.ConventionalSpec;
import dev.qrtl.spec.DesignSpec;
import dev.qrtl.spec.DyadicSpec;
import dev.qrtl.spec.Fp32ScaleSpec;
import dev.qrtl.spec.MacArraySpec;
import dev.qrtl.spec.MacForm;
import dev.qrtl.spec.OutputSpec;
import dev.qrtl.spec.QuantizerSpec;
import dev.qrtl.spec.Rounding;
import dev.qrtl.spec.ShiftRoundSpec;
import dev.qrtl.spec.ThresholdSpec;
import dev.qrtl.spec.TfliteSpec;
import dev.qrtl.spec.UnifiedSpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The one case registry of the tests (the PyMTL3 idea): every quantizer and MAC design the
 * checks exercise, named, with the checks it feeds. The generator-versus-golden equivalence (IR
 * evaluator, on the scheme's corner vectors and seeded random ones), the lint, Verilator and
 * Icarus co-simulation and the cocotb benches ({@code testbench/cases.json}, written from here)
 * all iterate these lists, so a case added here is checked everywhere at once. A new scheme adds
 * its cases here.
 */
public final class Cases {
  private Cases() {}

  /** What a case feeds. */
  public enum Check { EQUIVALENCE, LINT, VERILATOR, ICARUS, COCOTB }

  private static final Set<Check> ALL = EnumSet.allOf(Check.class);
  private static final Set<Check> NO_COCOTB = EnumSet.of(Check.EQUIVALENCE, Check.LINT, Check.VERILATOR, Check.ICARUS);
  private static final Set<Check> LOCAL = EnumSet.of(Check.EQUIVALENCE, Check.LINT);

  /** A requantizer case. */
  public record Quantizer(String name, QuantizerSpec spec, Set<Check> checks) {
    public boolean feeds(Check c) {
      return checks.contains(c);
    }
  }

  /** A MAC array, unified module or conventional pipeline case. */
  public record Array(String name, DesignSpec spec, Set<Check> checks) {
    public boolean feeds(Check c) {
      return checks.contains(c);
    }
  }

  static OutputSpec s(int bits) {
    return new OutputSpec(bits, true, false, true);
  }

  /** The requantizer cases: every scheme in each of its forms, small widths and the 32 -> 8 units. */
  public static List<Quantizer> quantizers() {
    List<Quantizer> q = new ArrayList<>();
    OutputSpec relu4u = new OutputSpec(4, false, true, true);
    OutputSpec wrap6 = new OutputSpec(6, true, false, false);
    for (Rounding r : Rounding.values()) {
      String rn = r.cliName().replace('-', '_');
      q.add(new Quantizer("shift_round_a16_q8_" + rn + "_rt", new ShiftRoundSpec(16, s(8), r, OptionalInt.empty(), false, 0, false),
          r == Rounding.HALF_EVEN ? ALL : NO_COCOTB));
    }
    q.add(new Quantizer("shift_round_a32_q4u_relu_k10_bias", new ShiftRoundSpec(32, relu4u, Rounding.HALF_UP, OptionalInt.of(10), true, 0,
        false), ALL));
    q.add(new Quantizer("shift_round_a20_q6_wrap_half_away_k5", new ShiftRoundSpec(20, wrap6, Rounding.HALF_AWAY, OptionalInt.of(5), false, 0,
        false), NO_COCOTB));
    q.add(new Quantizer("shift_round_a24_q8_channels", new ShiftRoundSpec(24, s(8), Rounding.HALF_EVEN, OptionalInt.empty(), true, 0, false,
        List.of(3, 9, 17)), NO_COCOTB));
    q.add(new Quantizer("shift_round_a32_q8_rt_bias_p1", new ShiftRoundSpec(32, s(8), Rounding.HALF_UP, OptionalInt.empty(), true, 1, false),
        NO_COCOTB));
    q.add(new Quantizer("floor_a32_q8_pipelined", new ShiftRoundSpec(32, s(8), Rounding.FLOOR, OptionalInt.empty(), false, 2, true), ALL));
    q.add(new Quantizer("floor_a16_q4u_k3", new ShiftRoundSpec(16, new OutputSpec(4, false, false, true), Rounding.FLOOR, OptionalInt.of(3),
        false, 0, true), NO_COCOTB));
    for (boolean single : new boolean[] {false, true}) {
      String n = single ? "tflite_single" : "tflite_double";
      q.add(new Quantizer(n + "_a32_q8", new TfliteSpec(32, s(8), single, OptionalInt.empty(), OptionalInt.empty(), OptionalLong.empty(),
          false, 0), ALL));
      q.add(new Quantizer(n + "_a24_q8_const_bias", new TfliteSpec(24, s(8), single, OptionalInt.of(1832519380), OptionalInt.of(-8),
          OptionalLong.of(-3), true, 0), NO_COCOTB));
      q.add(new Quantizer(n + "_a32_q4_channels_p1", new TfliteSpec(32, s(4), single, OptionalInt.empty(), OptionalInt.empty(),
          OptionalLong.empty(), false, 1, List.of(new dev.qrtl.spec.ChannelPair(1 << 30, -3), new dev.qrtl.spec.ChannelPair(Integer.MAX_VALUE, -12))), NO_COCOTB));
    }
    q.add(new Quantizer("fp32_scale_a32_q8", new Fp32ScaleSpec(32, s(8), Optional.empty(), OptionalLong.empty(), false, 0), ALL));
    q.add(new Quantizer("fp32_scale_a24_q8_const_bias", new Fp32ScaleSpec(24, s(8), Optional.of(0.0123f), OptionalLong.of(2), true, 0),
        NO_COCOTB));
    q.add(new Quantizer("threshold_a16_q3", new ThresholdSpec(16, s(3), Optional.empty(), 0), ALL));
    for (int m : new int[] {4, 8, 16, 31}) {
      q.add(new Quantizer("dyadic_m" + m + "_a32_q8_rt", dyadic(32, s(8), m, Rounding.HALF_UP, OptionalLong.empty(), OptionalInt.empty(),
          OptionalLong.empty(), false, 0, List.of()), m == 8 ? ALL : NO_COCOTB));
    }
    q.add(new Quantizer("dyadic_m6_a20_q6_wrap_half_even_const", dyadic(20, wrap6, 6, Rounding.HALF_EVEN, OptionalLong.of(45),
        OptionalInt.of(9), OptionalLong.of(2), false, 0, List.of()), NO_COCOTB));
    q.add(new Quantizer("dyadic_m5_a24_q8_channels_bias", dyadic(24, s(8), 5, Rounding.HALF_AWAY, OptionalLong.empty(), OptionalInt.empty(),
        OptionalLong.empty(), true, 0, List.of(new dev.qrtl.spec.ChannelPair(17, 9), new dev.qrtl.spec.ChannelPair(31, 14),
        new dev.qrtl.spec.ChannelPair(16, 3))), NO_COCOTB));
    q.add(new Quantizer("dyadic_m12_a32_q4u_relu_floor_p1", dyadic(32, relu4u, 12, Rounding.FLOOR, OptionalLong.empty(), OptionalInt.empty(),
        OptionalLong.of(0), false, 1, List.of()), NO_COCOTB));
    q.add(new Quantizer("threshold_a12_q2_const_p1", new ThresholdSpec(12, s(2), ThresholdSpec.constants(-40, 0, 33), 1), NO_COCOTB));
    return q;
  }

  /** A wider matrix, for lint only: every scheme across widths 2..64, signedness, ReLU, wrapping and pipelines. */
  public static List<Quantizer> lintMatrix() {
    List<Quantizer> specs = new ArrayList<>(quantizers());
    int[][] widths = {{2, 2}, {12, 4}, {16, 8}, {32, 8}, {40, 16}, {64, 8}};
    for (int[] w : widths) {
      for (boolean signed : new boolean[] {true, false}) {
        OutputSpec out = new OutputSpec(w[1], signed, !signed, true);
        String tag = "a" + w[0] + "_q" + w[1] + (signed ? "s" : "u");
        for (Rounding r : Rounding.values()) {
          specs.add(lint("sr_" + tag + "_" + r, new ShiftRoundSpec(w[0], out, r, OptionalInt.empty(), true, 0, false)));
          specs.add(lint("sr_" + tag + "_" + r + "_kmax", new ShiftRoundSpec(w[0], out, r, OptionalInt.of(w[0] - 1), false, 1, false)));
          specs.add(lint("sr_" + tag + "_" + r + "_k0", new ShiftRoundSpec(w[0], out, r, OptionalInt.of(0), false, 0, false)));
        }
        specs.add(lint("sr_" + tag + "_wrap", new ShiftRoundSpec(w[0], new OutputSpec(w[1], signed, true, false), Rounding.HALF_EVEN,
            OptionalInt.of(w[0] / 2), false, 2, false)));
        specs.add(lint("fp_" + tag, new Fp32ScaleSpec(w[0], out, Optional.empty(), OptionalLong.empty(), true, 1)));
        specs.add(lint("fp_" + tag + "_const", new Fp32ScaleSpec(w[0], out, Optional.of(0.01f), OptionalLong.of(1), false, 0)));
        if (w[0] <= 32) {
          for (boolean single : new boolean[] {false, true}) {
            String n = (single ? "tfs_" : "tfd_") + tag;
            specs.add(lint(n, new TfliteSpec(w[0], out, single, OptionalInt.empty(), OptionalInt.empty(), OptionalLong.empty(), true, 2)));
            specs.add(lint(n + "_m30", new TfliteSpec(w[0], out, single, OptionalInt.of(1 << 30), OptionalInt.of(-5), OptionalLong.of(0), false, 0)));
            specs.add(lint(n + "_mmax", new TfliteSpec(w[0], out, single, OptionalInt.of(Integer.MAX_VALUE), OptionalInt.of(3),
                OptionalLong.of(1), false, 0)));
          }
        }
        for (int m : new int[] {1, 3, 8, 31}) {
          specs.add(lint("dy_" + tag + "_m" + m, dyadic(w[0], out, m, Rounding.HALF_EVEN, OptionalLong.empty(), OptionalInt.empty(),
              OptionalLong.empty(), true, m % 2, List.of())));
        }
        specs.add(lint("dy_" + tag + "_const", dyadic(w[0], out, 7, Rounding.HALF_AWAY, OptionalLong.of(100), OptionalInt.of(w[0] / 2),
            OptionalLong.of(0), false, 0, List.of())));
        if (w[1] <= 4) {
          specs.add(lint("th_" + tag, new ThresholdSpec(w[0], out, Optional.empty(), 1)));
          long[] t = new long[(1 << w[1]) - 1];
          for (int i = 0; i < t.length; i++) {
            t[i] = i - t.length / 2;
          }
          specs.add(lint("th_" + tag + "_const", new ThresholdSpec(w[0], out, ThresholdSpec.constants(t), 0)));
        }
      }
    }
    return specs;
  }

  private static DyadicSpec dyadic(int acc, OutputSpec out, int m, Rounding r, OptionalLong mul, OptionalInt shift, OptionalLong zp,
      boolean bias, int pipeline, List<dev.qrtl.spec.ChannelPair> channels) {
    return new DyadicSpec(acc, out, m, r, mul, shift, zp, bias, pipeline, channels);
  }

  private static Quantizer lint(String name, QuantizerSpec spec) {
    return new Quantizer(name, spec, EnumSet.of(Check.LINT));
  }

  /** The MAC cases: systolic and broadcast arrays, unified modules with every scheme, the conventional pipeline. */
  public static List<Array> arrays() {
    List<Array> a = new ArrayList<>();
    a.add(new Array("systolic_4x3_a8s_w8s_k16", array(4, 3, 8, true, 8, true, 16, MacForm.SYSTOLIC, 1, true, false), ALL));
    a.add(new Array("systolic_3x3_noskew_a4u_w6s_k8", array(3, 3, 4, false, 6, true, 8, MacForm.SYSTOLIC, 1, false, false), ALL));
    a.add(new Array("broadcast_3x2_lanes2_k12", array(3, 2, 8, true, 8, true, 12, MacForm.BROADCAST, 2, true, true), ALL));
    a.add(new Array("broadcast_2x2_uu_k16", array(2, 2, 8, false, 8, false, 16, MacForm.BROADCAST, 4, true, false), LOCAL));
    MacArraySpec u44 = array(4, 4, 8, true, 8, true, 32, MacForm.SYSTOLIC, 1, true, false);
    a.add(new Array("unified_4x4_shift_round_relu", new UnifiedSpec(u44, new ShiftRoundSpec(u44.accBits(), new OutputSpec(8, true, true, true),
        Rounding.HALF_UP, OptionalInt.empty(), true, 0, false)), ALL));
    MacArraySpec u23 = array(2, 3, 8, true, 8, true, 16, MacForm.SYSTOLIC, 1, true, false);
    a.add(new Array("unified_2x3_tflite_double", new UnifiedSpec(u23, new TfliteSpec(u23.accBits(), s(8), false, OptionalInt.empty(),
        OptionalInt.empty(), OptionalLong.empty(), true, 0)), ALL));
    a.add(new Array("unified_2x3_fp32_scale_p1", new UnifiedSpec(u23, new Fp32ScaleSpec(u23.accBits(), s(8), Optional.empty(),
        OptionalLong.empty(), true, 1)), NO_COCOTB));
    a.add(new Array("unified_2x3_threshold", new UnifiedSpec(u23, new ThresholdSpec(u23.accBits(), s(3), Optional.empty(), 0)), NO_COCOTB));
    a.add(new Array("unified_2x3_channel_shifts", new UnifiedSpec(u23, new ShiftRoundSpec(u23.accBits(), s(8), Rounding.HALF_EVEN,
        OptionalInt.empty(), false, 0, false, List.of(3, 4, 5))), NO_COCOTB));
    a.add(new Array("unified_2x3_dyadic_m8", new UnifiedSpec(u23, dyadic(u23.accBits(), new OutputSpec(8, true, true, true), 8,
        Rounding.HALF_EVEN, OptionalLong.empty(), OptionalInt.empty(), OptionalLong.of(0), true, 0, List.of())), NO_COCOTB));
    MacArraySpec c22 = array(2, 2, 8, true, 8, true, 16, MacForm.SYSTOLIC, 1, true, false);
    ShiftRoundSpec conv = new ShiftRoundSpec(c22.accBits(), s(8), Rounding.HALF_UP, OptionalInt.empty(), true, 0, false);
    ShiftRoundSpec bn = new ShiftRoundSpec(ConventionalSpec.bnValueBits(conv, 8, 16), s(8), Rounding.HALF_UP, OptionalInt.empty(), false, 0,
        false);
    a.add(new Array("conventional_2x2_shift_round", new ConventionalSpec(c22, conv, 8, 16, bn), ALL));
    return a;
  }

  private static MacArraySpec array(int r, int c, int ab, boolean as, int wb, boolean ws, int k, MacForm f, int lanes, boolean skew,
      boolean productRegister) {
    return new MacArraySpec(r, c, ab, as, wb, ws, k, OptionalInt.empty(), f, lanes, skew, productRegister);
  }

  /** An OCP MX case (a block quantizer, a block dot product). */
  public record Mx(String name, DesignSpec spec, Set<Check> checks) {
    public boolean feeds(Check c) {
      return checks.contains(c);
    }
  }

  /** The MX cases the cocotb benches run (the Java checks of the MX kinds have their own, larger matrices). */
  public static List<Mx> mx() {
    List<Mx> m = new ArrayList<>();
    m.add(new Mx("mxq_e4m3_k8_i16", dev.qrtl.spec.BlockQuantizerSpec.of(dev.qrtl.spec.MxFormat.MXFP8_E4M3, 8,
        dev.qrtl.spec.BlockQuantizerSpec.BlockInput.integer(16, OptionalInt.empty())), EnumSet.of(Check.COCOTB)));
    m.add(new Mx("mxdot_e4m3_k8_fp32", new dev.qrtl.spec.BlockDotSpec(dev.qrtl.spec.MxFormat.MXFP8_E4M3, true, 8,
        dev.qrtl.spec.BlockDotSpec.Accumulation.FP32, 0), EnumSet.of(Check.COCOTB)));
    return m;
  }
}
