package dev.qrtl.cli;

import dev.qrtl.spec.Fp32ScaleSpec;
import dev.qrtl.spec.OutputSpec;
import dev.qrtl.spec.QuantizerSpec;
import dev.qrtl.spec.ShiftRoundSpec;
import dev.qrtl.spec.ThresholdSpec;
import dev.qrtl.spec.TfliteSpec;
import dev.qrtl.golden.OutputRange;
import dev.qrtl.golden.ShiftRoundModel;
import dev.qrtl.golden.ThresholdModel;
import dev.qrtl.golden.TfliteModel;
import dev.qrtl.spec.Rounding;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import picocli.CommandLine.Option;

/** The options that describe a requantizer, shared by every command that builds one. */
public final class QuantizerOptions {
  public static final List<String> SCHEMES =
      List.of("shift-round", "floor", "tflite-double", "tflite-single", "fp32-scale", "threshold");

  @Option(names = {"--scheme", "--epilogue"}, description = "One of: ${COMPLETION-CANDIDATES}.", completionCandidates = Schemes.class)
  String scheme;

  @Option(names = "--acc-bits", description = "Signed accumulator width, 2..64 (tflite: ..32); for a MAC array, its explicit accumulator width.")
  Integer accBits;

  @Option(names = "--out-bits", description = "Output width, 2..16 (threshold: ..8).")
  Integer outBits;

  @Option(names = "--unsigned", description = "Unsigned output (default signed).")
  boolean unsigned;

  @Option(names = "--rounding", defaultValue = "half-up", description = "shift-round rounding: half-up, half-away, half-even, floor (default: ${DEFAULT-VALUE}).")
  String rounding;

  @Option(names = "--shift", description = "shift-round/floor: constant k; tflite: constant shift (-31..30).")
  Integer shift;

  @Option(names = "--runtime-shift", description = "shift-round/floor: k is a run-time input.")
  boolean runtimeShift;

  @Option(names = "--real-scale", description = "Derive the constants from a real scale: k = round(-log2 s) for shift-round, QuantizeMultiplier for tflite, the binary32 scale for fp32-scale.")
  Double realScale;

  @Option(names = "--channel-shifts", split = ",", description = "shift-round: per-output-channel constant shifts, chosen by a 'channel' input.")
  int[] channelShifts;

  @Option(names = "--channel-scales", split = ",", description = "shift-round/tflite: per-output-channel real scales, turned into constant shifts or (M0, shift) pairs.")
  double[] channelScales;

  @Option(names = "--m0", description = "tflite: constant M0 (0 or 2^30..2^31-1); default a run-time input.")
  Integer m0;

  @Option(names = "--zero-point", description = "tflite/fp32-scale: constant output zero point; default a run-time input.")
  Long zeroPoint;

  @Option(names = "--scale", description = "fp32-scale: constant binary32 scale; default a run-time input (IEEE-754 bits).")
  Float scale;

  @Option(names = "--thresholds", split = ",", description = "threshold: constant ascending thresholds (2^b - 1 of them); default run-time inputs.")
  long[] thresholds;

  @Option(names = "--derive-thresholds", description = "threshold: derive constant thresholds from shift-round with --shift and --rounding (and --relu).")
  boolean deriveThresholds;

  @Option(names = "--bias", description = "Add a run-time bias input before requantizing.")
  boolean bias;

  @Option(names = "--relu", description = "Fold ReLU into the lower clamp bound.")
  boolean relu;

  @Option(names = "--wrap", description = "Keep the low output bits instead of saturating.")
  boolean wrap;

  @Option(names = "--pipeline", defaultValue = "0", description = "Registered stages, 0..4 (default: ${DEFAULT-VALUE}).")
  int pipeline;

  /** picocli completion candidates: the scheme names. */
  static final class Schemes extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Schemes() {
      super(SCHEMES);
    }
  }

  /** Whether a requantizer was asked for at all (a MAC array without one is fine). */
  public boolean present() {
    return scheme != null;
  }

  /** The validated spec, or an exception whose message names the problem. */
  public QuantizerSpec toSpec() {
    if (scheme == null) {
      throw new UserError("--scheme is required: one of " + String.join(", ", SCHEMES));
    }
    if (accBits == null) {
      throw new UserError("--acc-bits is required");
    }
    return toSpec(accBits);
  }

  /** The spec for an accumulator width fixed by the caller (a MAC array's). */
  public QuantizerSpec toSpec(int accBits) {
    if (outBits == null) {
      throw new UserError("--out-bits is required");
    }
    if (!SCHEMES.contains(scheme)) {
      throw new UserError("unknown scheme '" + scheme + "'; use one of " + String.join(", ", SCHEMES));
    }
    OutputSpec out = new OutputSpec(outBits, !unsigned, relu, !wrap);
    switch (scheme) {
      case "shift-round":
      case "floor":
        {
          boolean floor = scheme.equals("floor");
          Rounding r = floor ? Rounding.FLOOR : Rounding.parse(rounding);
          if (channelShifts != null || channelScales != null) {
            List<Integer> ks = channelScales != null
                ? Arrays.stream(channelScales).mapToInt(ShiftRoundModel::shiftForScale).boxed().toList()
                : Arrays.stream(channelShifts).boxed().toList();
            return new ShiftRoundSpec(accBits, out, r, OptionalInt.empty(), bias, pipeline, floor, ks);
          }
          return new ShiftRoundSpec(accBits, out, r, shiftRoundShift(), bias, pipeline, floor);
        }
      case "tflite-double":
      case "tflite-single":
        {
          OptionalInt m = m0 == null ? OptionalInt.empty() : OptionalInt.of(m0);
          OptionalInt s = shift == null ? OptionalInt.empty() : OptionalInt.of(shift);
          if (realScale != null) {
            TfliteModel.Multiplier q = TfliteModel.quantizeMultiplier(realScale);
            m = OptionalInt.of(q.m0());
            s = OptionalInt.of(q.shift());
          }
          if (channelScales != null) {
            List<int[]> pairs = Arrays.stream(channelScales).mapToObj(TfliteModel::quantizeMultiplier)
                .map(q -> new int[] {q.m0(), q.shift()}).toList();
            return new TfliteSpec(accBits, out, scheme.equals("tflite-single"), OptionalInt.empty(), OptionalInt.empty(), zp(), bias, pipeline, pairs);
          }
          return new TfliteSpec(accBits, out, scheme.equals("tflite-single"), m, s, zp(), bias, pipeline);
        }
      case "fp32-scale":
        {
          Optional<Float> f = Optional.ofNullable(scale);
          if (realScale != null) {
            f = Optional.of(realScale.floatValue());
          }
          return new Fp32ScaleSpec(accBits, out, f, zp(), bias, pipeline);
        }
      case "threshold":
        return thresholdSpec(out, accBits);
      default:
        throw new AssertionError(scheme);
    }
  }

  private OptionalInt shiftRoundShift() {
    if (realScale != null) {
      return OptionalInt.of(ShiftRoundModel.shiftForScale(realScale));
    }
    if (shift != null && runtimeShift) {
      throw new UserError("give either --shift K or --runtime-shift, not both");
    }
    if (shift == null && !runtimeShift) {
      throw new UserError(scheme + " needs --shift K (a constant) or --runtime-shift");
    }
    return shift == null ? OptionalInt.empty() : OptionalInt.of(shift);
  }

  private OptionalLong zp() {
    return zeroPoint == null ? OptionalLong.empty() : OptionalLong.of(zeroPoint);
  }

  private ThresholdSpec thresholdSpec(OutputSpec out, int thresholdAccBits) {
    OutputSpec levels = new OutputSpec(out.bits(), out.signed(), false, true);
    if (deriveThresholds) {
      if (shift == null) {
        throw new UserError("--derive-thresholds needs --shift K of the shift-round scheme to imitate");
      }
      Rounding r = Rounding.parse(rounding);
      OutputRange range = new OutputRange(outBits, !unsigned, relu, true);
      long accMin = -(1L << (thresholdAccBits - 1));
      long accMax = (1L << (thresholdAccBits - 1)) - 1;
      int k = shift;
      long[] t = ThresholdModel.fromMonotone(a -> ShiftRoundModel.requantize(a, 0, k, r, range), accMin, accMax,
          range.min(), range.max());
      return new ThresholdSpec(thresholdAccBits, levels, Optional.of(t), pipeline);
    }
    return new ThresholdSpec(thresholdAccBits, levels, Optional.ofNullable(thresholds).map(long[]::clone), pipeline);
  }

  @Override
  public String toString() {
    return scheme + " " + accBits + "->" + outBits + (thresholds == null ? "" : " " + Arrays.toString(thresholds));
  }
}
