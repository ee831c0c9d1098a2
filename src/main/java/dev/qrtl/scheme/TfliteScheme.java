package dev.qrtl.scheme;

import dev.qrtl.core.Module;
import dev.qrtl.gen.quant.TfliteGenerator;
import dev.qrtl.gen.quant.Structure;
import dev.qrtl.golden.OutputRange;
import dev.qrtl.golden.TfliteModel;
import dev.qrtl.manifest.PortSpec;
import dev.qrtl.scheme.SchemeOption.Kind;
import dev.qrtl.spec.ChannelPair;
import dev.qrtl.spec.OutputSpec;
import dev.qrtl.spec.Param;
import dev.qrtl.spec.QuantizerSpec;
import dev.qrtl.spec.TfliteSpec;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.stimulus.ValueSampler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;

/**
 * The TFLite / gemmlowp fixed-point multiplier, {@code q = clamp(MBQM(acc + bias, M0, shift) + zp)},
 * with double rounding (the default) or single rounding: one class, two registry entries. From a
 * real scale, (M0, shift) come from {@code QuantizeMultiplier}.
 */
final class TfliteScheme implements Scheme<TfliteSpec> {
  static final SchemeOption M0 = SchemeOption.of("--m0", Kind.INT, "M0", "constant M0 (0 or 2^30..2^31-1); default a run-time input");
  static final SchemeOption SHIFT = SchemeOption.of("--shift", Kind.INT, "K", "constant shift (-31..30); default a run-time input");
  static final SchemeOption ZERO_POINT = SchemeOption.of("--zero-point", Kind.LONG, "Z", "constant output zero point; default a run-time input");
  static final SchemeOption REAL_SCALE = SchemeOption.of("--real-scale", Kind.DOUBLE, "S", "constant (M0, shift) = QuantizeMultiplier(S)");
  static final SchemeOption CHANNEL_SCALES = SchemeOption.of("--channel-scales", Kind.DOUBLE_LIST, "S,S,...",
      "per-output-channel real scales, turned into (M0, shift) pairs chosen by a 'channel' input");

  private final boolean single;

  TfliteScheme(boolean single) {
    this.single = single;
  }

  @Override
  public String name() {
    return single ? "tflite-single" : "tflite-double";
  }

  @Override
  public Class<TfliteSpec> specType() {
    return TfliteSpec.class;
  }

  @Override
  public String summary() {
    return single ? "TFLite fixed-point multiplier, single rounding: q = clamp(((acc + bias) M0 + 2^(t-1)) >> t + zp), t = 31 - shift"
        : "TFLite fixed-point multiplier (the baseline): q = clamp(RDBPOT(SRDHM((acc + bias) << L, M0), R) + zp)";
  }

  @Override
  public List<SchemeOption> options() {
    List<SchemeOption> o = new ArrayList<>(List.of(M0, SHIFT, ZERO_POINT, REAL_SCALE, CHANNEL_SCALES));
    o.addAll(SchemeOption.COMMON);
    return o;
  }

  @Override
  public TfliteSpec fromOptions(SpecBase b, OptionValues v) {
    OptionalLong zp = v.longValue(ZERO_POINT.name());
    if (v.given(CHANNEL_SCALES.name())) {
      for (SchemeOption o : List.of(M0, SHIFT, REAL_SCALE)) {
        if (v.given(o.name())) {
          throw new IllegalArgumentException("give " + o.name() + " or " + CHANNEL_SCALES.name() + ", not both");
        }
      }
      List<ChannelPair> pairs = Arrays.stream(v.reals(CHANNEL_SCALES.name()).orElseThrow()).mapToObj(TfliteModel::quantizeMultiplier)
          .map(q -> new ChannelPair(q.m0(), q.shift())).toList();
      return new TfliteSpec(b.accBits(), b.out(), single, OptionalInt.empty(), OptionalInt.empty(), zp, b.bias(), b.pipeline(), pairs);
    }
    OptionalInt m = v.integer(M0.name());
    OptionalInt s = v.integer(SHIFT.name());
    if (v.given(REAL_SCALE.name())) {
      Options.exclusive(v, REAL_SCALE, M0);
      Options.exclusive(v, REAL_SCALE, SHIFT);
      TfliteModel.Multiplier q = TfliteModel.quantizeMultiplier(v.real(REAL_SCALE.name()).getAsDouble());
      m = OptionalInt.of(q.m0());
      s = OptionalInt.of(q.shift());
    }
    return new TfliteSpec(b.accBits(), b.out(), single, m, s, zp, b.bias(), b.pipeline());
  }

  @Override
  public Module generate(TfliteSpec spec) {
    return TfliteGenerator.generate(spec);
  }

  @Override
  public Optional<Module> generatePlain(TfliteSpec spec) {
    return Optional.of(TfliteGenerator.generate(spec, Structure.PLAIN));
  }

  @Override
  public TfliteSpec runtimeUnit(SpecBase b) {
    return new TfliteSpec(b.accBits(), b.out(), single, OptionalInt.empty(), OptionalInt.empty(), OptionalLong.empty(), b.bias(), b.pipeline());
  }

  @Override
  public Optional<String> unsupported(int accBits, int outBits) {
    return accBits > 32 ? Optional.of("TFLite requantizes 32-bit accumulators") : Optional.empty();
  }

  /**
   * TFLite's requantization is defined on int32 accumulators (a narrower one is sign-extended, and
   * the left shift then wraps at 32 bits), so its unit is the 32-bit one whatever the layer needs:
   * the multiplier is 32 x 32 either way (a 22-bit unit was 7921 um^2 against 8007 at 24 bits on the
   * default library, and took Yosys 28 to 93 s each).
   */
  @Override
  public int unitAccBits(int neededBits) {
    return Math.max(32, neededBits);
  }

  @Override
  public Optional<dev.qrtl.spec.ResidualAddSpec> residualAdd(CompareForm form, int bits) {
    return single || bits > 8 ? Optional.empty()
        : Optional.of(dev.qrtl.spec.ResidualAddSpec.of(dev.qrtl.spec.ResidualAddSpec.AddScheme.TFLITE, bits));
  }

  @Override
  public List<CompareForm> compareForms() {
    return List.of(CompareForm.plain(name()));
  }

  @Override
  public Optional<CompareForm> parseForm(String label) {
    return label.equals(name()) ? Optional.of(CompareForm.plain(name())) : Optional.empty();
  }

  @Override
  public TfliteSpec forComparison(CompareForm form, int accBits, int outBits, Stimulus stimulus, int pipeline) {
    return runtimeUnit(new SpecBase(accBits, new OutputSpec(outBits, true, false, true), false, pipeline));
  }

  @Override
  public RealScaleUnit atRealScale(CompareForm form, RealScale s) {
    if (s.accBits() > 32) {
      throw new IllegalArgumentException(name() + ": TFLite requantizes 32-bit accumulators, not " + s.accBits() + "-bit ones");
    }
    TfliteModel.Multiplier q = TfliteModel.quantizeMultiplier(s.scale());
    int largest = single ? 30 : 31; // single rounding needs shift <= 30; a left shift beyond 31 wraps every bit away
    if (q.shift() > largest) {
      throw new IllegalArgumentException("scale " + s.scale() + " makes the " + name() + " multiplier overflow (shift " + q.shift()
          + " > " + largest + ")");
    }
    int m0 = q.m0();
    int shift = q.shift();
    return new RealScaleUnit("M0=" + m0 + " shift=" + shift,
        acc -> TfliteModel.requantize(acc, 0, m0, shift, s.zeroPoint(), single, s.out()));
  }

  @Override
  public List<String> costTerms(CompareForm form) {
    return List.of("1", "A", "A^2", "B");
  }

  @Override
  public double relativeSize(CompareForm form, int accBits, int outBits) {
    return 32.0 * accBits;
  }

  @Override
  public RequantizerModel model(TfliteSpec spec) {
    return new Model(spec);
  }

  /** The golden model of one TFLite spec. */
  private static final class Model implements RequantizerModel {
    private final TfliteSpec spec;
    private final OutputRange out;

    Model(TfliteSpec spec) {
      this.spec = spec;
      this.out = range();
    }

    @Override
    public QuantizerSpec spec() {
      return spec;
    }

    @Override
    public long apply(long acc, Inputs in) {
      long b = CommonInputs.value(spec, Param.Role.BIAS, in);
      int m0 = (int) CommonInputs.value(spec, Param.Role.MULTIPLIER, in);
      int shift = (int) CommonInputs.value(spec, Param.Role.SHIFT, in);
      long zp = CommonInputs.value(spec, Param.Role.ZERO_POINT, in);
      return TfliteModel.requantize(acc, b, m0, shift, zp, spec.single(), out);
    }

    @Override
    public ToLongFunction<long[]> bind(List<String> names) {
      if (spec.params().stream().anyMatch(x -> x.role() != Param.Role.BIAS && !x.isPort())) {
        return RequantizerModel.super.bind(names);
      }
      int acc = RequantizerModel.position(names, "acc");
      int b = CommonInputs.position(spec, Param.Role.BIAS, names);
      int mi = CommonInputs.position(spec, Param.Role.MULTIPLIER, names);
      int si = CommonInputs.position(spec, Param.Role.SHIFT, names);
      int zi = CommonInputs.position(spec, Param.Role.ZERO_POINT, names);
      boolean single = spec.single();
      OutputRange o = out;
      return v -> TfliteModel.requantize(v[acc], b < 0 ? 0 : v[b], (int) v[mi], (int) v[si], v[zi], single, o);
    }

    @Override
    public List<long[]> corners(List<PortSpec> inputs) {
      long min = CornerVectors.accMin(spec.accBits());
      long max = CornerVectors.accMax(spec.accBits());
      long[] accs = {min, max, 0, 1, -1, 1 << 14, -(1 << 14), 12345, -12345};
      long[] m0s = spec.single() ? new long[] {0, 1 << 30, Integer.MAX_VALUE} : new long[] {0, 1 << 30, Integer.MAX_VALUE, Integer.MIN_VALUE};
      long[] shifts = spec.single() ? new long[] {-31, -1, 0, 30} : new long[] {-32, -31, -1, 0, 30, 31};
      long[] zps = {out.min(), 0, out.max()};
      List<long[]> vectors = new ArrayList<>();
      for (long acc : accs) {
        for (long m0 : m0s) {
          for (long sh : shifts) {
            for (long zp : zps) {
              vectors.add(CornerVectors.vector(inputs, CornerVectors.clamp(acc, min, max), CommonInputs.name(spec, Param.Role.MULTIPLIER),
                  m0, CommonInputs.name(spec, Param.Role.SHIFT), sh, CommonInputs.name(spec, Param.Role.ZERO_POINT), zp));
            }
          }
        }
      }
      return vectors;
    }

    @Override
    public long random(PortSpec p, SplittableRandom rnd, ValueSampler accs) {
      if (CommonInputs.isChannel(p)) {
        return CommonInputs.channel(p, rnd);
      }
      return switch (CommonInputs.role(spec, p)) {
        case BIAS -> CommonInputs.randomBias(accs);
        case SHIFT -> spec.single()
            ? (rnd.nextInt(8) == 0 ? rnd.nextInt(-31, 31) : -rnd.nextInt(32))
            : (rnd.nextInt(8) == 0 ? rnd.nextInt(-32, 32) : -rnd.nextInt(32));
        case MULTIPLIER -> rnd.nextInt(50) == 0 ? 0 : (1 << 30) + rnd.nextInt(1 << 30);
        case ZERO_POINT -> CommonInputs.randomZeroPoint(rnd, out);
        default -> throw CommonInputs.noSuchInput(spec.scheme(), p);
      };
    }

    @Override
    public long fitted(PortSpec p, SplittableRandom rnd, double spread) {
      if (CommonInputs.isChannel(p)) {
        return CommonInputs.channel(p, rnd);
      }
      return switch (CommonInputs.role(spec, p)) {
        case BIAS -> CommonInputs.fittedBias(rnd, spread);
        case SHIFT -> Math.max(-31, Math.min(30, -Math.round(CommonInputs.log2Down(spread, out)) + rnd.nextInt(-1, 2)));
        case MULTIPLIER -> (1 << 30) + rnd.nextInt(1 << 30);
        case ZERO_POINT -> CommonInputs.fittedZeroPoint(rnd, out);
        default -> throw CommonInputs.noSuchInput(spec.scheme(), p);
      };
    }
  }
}
