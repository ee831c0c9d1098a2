package dev.qrtl.scheme;

import dev.qrtl.core.Module;
import dev.qrtl.gen.quant.DyadicGenerator;
import dev.qrtl.gen.quant.Structure;
import dev.qrtl.golden.DyadicModel;
import dev.qrtl.golden.OutputRange;
import dev.qrtl.manifest.PortSpec;
import dev.qrtl.scheme.SchemeOption.Kind;
import dev.qrtl.spec.ChannelPair;
import dev.qrtl.spec.DyadicSpec;
import dev.qrtl.spec.OutputSpec;
import dev.qrtl.spec.Param;
import dev.qrtl.spec.QuantizerSpec;
import dev.qrtl.spec.Rounding;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.stimulus.ValueSampler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;

/**
 * The narrow-multiplier family: requantization by an m-bit dyadic scale M / 2^s, any rounding
 * rule, M and s constant, run-time or per channel. It spans the axis between shift-round (m = 1)
 * and TFLite's 31-bit multiplier (m = 31, half-up: single rounding). From a real scale, M and s
 * follow {@link DyadicModel#scaleFor} (the nearest normalized M in the linear domain). In a
 * comparison it is named {@code dyadic:m=8}.
 */
final class DyadicScheme implements Scheme<DyadicSpec> {
  static final SchemeOption M_BITS = SchemeOption.of("--m-bits", Kind.INT, "M", "the multiplier width m, 1..31 (required)");
  static final SchemeOption ROUNDING = SchemeOption.of("--rounding", Kind.STRING, "RULE", "half-up (default), half-away, half-even or floor");
  static final SchemeOption MULTIPLIER = SchemeOption.of("--multiplier", Kind.LONG, "M", "constant M (0..2^m-1); default a run-time input");
  static final SchemeOption SHIFT = SchemeOption.of("--shift", Kind.INT, "K", "constant s; default a run-time input");
  static final SchemeOption ZERO_POINT = SchemeOption.of("--zero-point", Kind.LONG, "Z", "constant output zero point; default a run-time input");
  static final SchemeOption REAL_SCALE = SchemeOption.of("--real-scale", Kind.DOUBLE, "S", "constant (M, s): the normalized m-bit M nearest to S 2^s");
  static final SchemeOption CHANNEL_SCALES = SchemeOption.of("--channel-scales", Kind.DOUBLE_LIST, "S,S,...",
      "per-output-channel real scales, turned into (M, s) pairs chosen by a 'channel' input");
  private static final String FORM = "dyadic:m=";

  @Override
  public String name() {
    return "dyadic";
  }

  @Override
  public Class<DyadicSpec> specType() {
    return DyadicSpec.class;
  }

  @Override
  public String summary() {
    return "m-bit dyadic scale: q = clamp(R((acc + bias) M / 2^s) + zp), M unsigned m-bit; m = 31 half-up is TFLite single rounding";
  }

  @Override
  public List<SchemeOption> options() {
    List<SchemeOption> o = new ArrayList<>(List.of(M_BITS, ROUNDING, MULTIPLIER, SHIFT, ZERO_POINT, REAL_SCALE, CHANNEL_SCALES));
    o.addAll(SchemeOption.COMMON);
    return o;
  }

  @Override
  public DyadicSpec fromOptions(SpecBase b, OptionValues v) {
    int m = v.integer(M_BITS.name()).orElseThrow(() -> new IllegalArgumentException("dyadic needs --m-bits M (the multiplier width, 1..31)"));
    Rounding r = Rounding.parse(v.string(ROUNDING.name()).orElse("half-up"));
    OptionalLong zp = v.longValue(ZERO_POINT.name());
    int maxShift = DyadicSpec.maxShift(b.accBits(), m);
    if (v.given(CHANNEL_SCALES.name())) {
      for (SchemeOption o : List.of(MULTIPLIER, SHIFT, REAL_SCALE)) {
        Options.exclusive(v, o, CHANNEL_SCALES);
      }
      List<ChannelPair> pairs = Arrays.stream(v.reals(CHANNEL_SCALES.name()).orElseThrow()).mapToObj(s -> DyadicModel.scaleFor(s, m,
          maxShift)).map(s -> new ChannelPair(s.multiplier(), s.shift())).toList();
      return new DyadicSpec(b.accBits(), b.out(), m, r, OptionalLong.empty(), OptionalInt.empty(), zp, b.bias(), b.pipeline(), pairs);
    }
    OptionalLong multiplier = v.longValue(MULTIPLIER.name());
    OptionalInt shift = v.integer(SHIFT.name());
    if (v.given(REAL_SCALE.name())) {
      Options.exclusive(v, REAL_SCALE, MULTIPLIER);
      Options.exclusive(v, REAL_SCALE, SHIFT);
      DyadicModel.Scale s = DyadicModel.scaleFor(v.real(REAL_SCALE.name()).getAsDouble(), m, maxShift);
      multiplier = OptionalLong.of(s.multiplier());
      shift = OptionalInt.of(s.shift());
    }
    return new DyadicSpec(b.accBits(), b.out(), m, r, multiplier, shift, zp, b.bias(), b.pipeline(), List.of());
  }

  @Override
  public Module generate(DyadicSpec spec) {
    return DyadicGenerator.generate(spec);
  }

  @Override
  public Optional<Module> generatePlain(DyadicSpec spec) {
    return Optional.of(DyadicGenerator.generate(spec, Structure.PLAIN));
  }

  /** The run-time unit at m = 8, half-up (another m: a {@code dyadic:m=M} form). */
  @Override
  public DyadicSpec runtimeUnit(SpecBase b) {
    return runtime(b, 8);
  }

  private static DyadicSpec runtime(SpecBase b, int m) {
    return new DyadicSpec(b.accBits(), b.out(), m, Rounding.HALF_UP, OptionalLong.empty(), OptionalInt.empty(), OptionalLong.empty(), b.bias(),
        b.pipeline(), List.of());
  }

  @Override
  public Optional<String> unsupported(int accBits, int outBits) {
    return Optional.empty();
  }

  @Override
  public Optional<dev.qrtl.spec.ResidualAddSpec> residualAdd(CompareForm form, int bits) {
    int m = form.variables().getOrDefault("m", 8);
    return m < 2 || m > 16 ? Optional.empty() : Optional.of(new dev.qrtl.spec.ResidualAddSpec(dev.qrtl.spec.ResidualAddSpec.AddScheme.DYADIC,
        bits, true, Rounding.HALF_UP, m));
  }

  @Override
  public List<CompareForm> compareForms() {
    return List.of(form(8));
  }

  private static CompareForm form(int m) {
    return new CompareForm(FORM + m, "dyadic", Map.of("m", m));
  }

  @Override
  public Optional<CompareForm> parseForm(String label) {
    if (!label.startsWith(FORM) || !label.substring(FORM.length()).matches("\\d{1,2}")) {
      return Optional.empty();
    }
    int m = Integer.parseInt(label.substring(FORM.length()));
    if (m < 1 || m > DyadicSpec.MAX_M_BITS) {
      throw new IllegalArgumentException("dyadic: multiplier width m = " + m + " in '" + label + "' is outside 1.." + DyadicSpec.MAX_M_BITS);
    }
    return Optional.of(form(m));
  }

  @Override
  public DyadicSpec forComparison(CompareForm form, int accBits, int outBits, Stimulus stimulus, int pipeline) {
    return runtime(new SpecBase(accBits, new OutputSpec(outBits, true, false, true), false, pipeline), form.variables().get("m"));
  }

  @Override
  public RealScaleUnit atRealScale(CompareForm form, RealScale s) {
    int m = form.variables().getOrDefault("m", 8);
    DyadicModel.Scale d = DyadicModel.scaleFor(s.scale(), m, DyadicSpec.maxShift(s.accBits(), m));
    long multiplier = d.multiplier();
    int shift = d.shift();
    return new RealScaleUnit("M=" + multiplier + " s=" + shift,
        acc -> DyadicModel.requantize(acc, 0, multiplier, shift, Rounding.HALF_UP, s.zeroPoint(), s.out()));
  }

  @Override
  public List<String> costTerms(CompareForm form) {
    return List.of("1", "A", "A*m", "A*log2(A)", "B");
  }

  @Override
  public double relativeSize(CompareForm form, int accBits, int outBits) {
    return (double) accBits * form.variables().get("m");
  }

  @Override
  public RequantizerModel model(DyadicSpec spec) {
    return new Model(spec);
  }

  /** The golden model of one dyadic spec. */
  private static final class Model implements RequantizerModel {
    private final DyadicSpec spec;
    private final OutputRange out;

    Model(DyadicSpec spec) {
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
      long m = CommonInputs.value(spec, Param.Role.MULTIPLIER, in);
      int s = (int) CommonInputs.value(spec, Param.Role.SHIFT, in);
      long zp = CommonInputs.value(spec, Param.Role.ZERO_POINT, in);
      return DyadicModel.requantize(acc, b, m, s, spec.rounding(), zp, out);
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
      Rounding r = spec.rounding();
      OutputRange o = out;
      return v -> DyadicModel.requantize(v[acc], b < 0 ? 0 : v[b], v[mi], (int) v[si], r, v[zi], o);
    }

    @Override
    public List<long[]> corners(List<PortSpec> inputs) {
      long min = CornerVectors.accMin(spec.accBits());
      long max = CornerVectors.accMax(spec.accBits());
      int m = spec.mBits();
      Param mp = CommonInputs.param(spec, Param.Role.MULTIPLIER);
      Param sp = CommonInputs.param(spec, Param.Role.SHIFT);
      long[] ms = mp.isConst() ? new long[] {mp.constant()} : new long[] {0, 1, 1L << (m - 1), (1L << m) - 1};
      int sMax = CornerVectors.width(inputs, sp.name()) < 0 ? spec.maxShift() : (1 << CornerVectors.width(inputs, sp.name())) - 1;
      int[] ss = sp.isConst() ? new int[] {(int) sp.constant()} : new int[] {0, 1, m, spec.accBits() / 2 + m, sMax};
      long[] zps = {out.min(), 0, out.max()};
      List<long[]> vectors = new ArrayList<>();
      for (long mul : ms) {
        for (int s : ss) {
          for (long acc : CornerVectors.aroundDivision(Math.min(s, 61), min, max, out)) {
            for (long zp : zps) {
              vectors.add(CornerVectors.vector(inputs, acc, mp.name(), mul, sp.name(), s, CommonInputs.name(spec, Param.Role.ZERO_POINT), zp));
            }
          }
        }
      }
      return vectors;
    }

    @Override
    public long random(PortSpec p, SplittableRandom rnd, ValueSampler accs) {
      int m = spec.mBits();
      if (CommonInputs.isChannel(p)) {
        return CommonInputs.channel(p, rnd);
      }
      return switch (CommonInputs.role(spec, p)) {
        case BIAS -> CommonInputs.randomBias(accs);
        case MULTIPLIER -> rnd.nextInt(50) == 0 ? rnd.nextLong(1L << m) : (1L << (m - 1)) + rnd.nextLong(1L << (m - 1));
        case SHIFT -> rnd.nextLong(1L << p.width());
        case ZERO_POINT -> CommonInputs.randomZeroPoint(rnd, out);
        default -> throw CommonInputs.noSuchInput(spec.scheme(), p);
      };
    }

    /** A normalized multiplier, and the shift that maps three spreads times about 1.5 x 2^(m-1) onto the output's largest value. */
    @Override
    public long fitted(PortSpec p, SplittableRandom rnd, double spread) {
      int m = spec.mBits();
      if (CommonInputs.isChannel(p)) {
        return CommonInputs.channel(p, rnd);
      }
      return switch (CommonInputs.role(spec, p)) {
        case BIAS -> CommonInputs.fittedBias(rnd, spread);
        case MULTIPLIER -> (1L << (m - 1)) + rnd.nextLong(1L << (m - 1));
        case SHIFT -> Math.max(0, Math.min((1L << p.width()) - 1,
            Math.round(CommonInputs.log2Down(spread, out) + (m - 1) + 0.58) + rnd.nextInt(-1, 2)));
        case ZERO_POINT -> CommonInputs.fittedZeroPoint(rnd, out);
        default -> throw CommonInputs.noSuchInput(spec.scheme(), p);
      };
    }

    @Override
    public boolean enumerable(PortSpec p) {
      return CommonInputs.isChannel(p) || CommonInputs.carries(spec, p, Param.Role.SHIFT) || CommonInputs.carries(spec, p, Param.Role.MULTIPLIER);
    }
  }
}
