package dev.qrtl.scheme;

import dev.qrtl.core.Module;
import dev.qrtl.gen.quant.ThresholdGenerator;
import dev.qrtl.golden.OutputRange;
import dev.qrtl.golden.ShiftRoundModel;
import dev.qrtl.golden.ThresholdModel;
import dev.qrtl.manifest.PortSpec;
import dev.qrtl.scheme.SchemeOption.Kind;
import dev.qrtl.spec.OutputSpec;
import dev.qrtl.spec.Param;
import dev.qrtl.spec.QuantizerSpec;
import dev.qrtl.spec.Rounding;
import dev.qrtl.spec.ThresholdSpec;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.stimulus.ValueSampler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;

/**
 * FINN-style multi-threshold unit, {@code q = out_min + #{i : acc >= T_i}}: 2^b - 1 comparators.
 * Thresholds are run-time inputs, constants, or derived from a shift-round unit (any monotone
 * requantizer can be written so).
 */
final class ThresholdScheme implements Scheme<ThresholdSpec> {
  static final SchemeOption THRESHOLDS = SchemeOption.of("--thresholds", Kind.LONG_LIST, "T,T,...",
      "constant ascending thresholds (2^b - 1 of them); default run-time inputs");
  static final SchemeOption DERIVE = SchemeOption.flag("--derive-thresholds",
      "derive constant thresholds from shift-round with --shift, --rounding and --relu");
  static final SchemeOption SHIFT = SchemeOption.of("--shift", Kind.INT, "K", "with --derive-thresholds: the k of the shift-round unit to imitate");
  static final SchemeOption ROUNDING = SchemeOption.of("--rounding", Kind.STRING, "RULE",
      "with --derive-thresholds: the rounding of the shift-round unit to imitate (default half-up)");

  @Override
  public String name() {
    return "threshold";
  }

  @Override
  public Class<ThresholdSpec> specType() {
    return ThresholdSpec.class;
  }

  @Override
  public String summary() {
    return "multi-threshold (FINN): q = out_min + #{i : acc >= T_i}, 2^b - 1 comparators; up to 8 output bits";
  }

  @Override
  public List<SchemeOption> options() {
    return List.of(THRESHOLDS, DERIVE, SHIFT, ROUNDING, SchemeOption.RELU, SchemeOption.UNSIGNED);
  }

  @Override
  public ThresholdSpec fromOptions(SpecBase b, OptionValues v) {
    OutputSpec levels = new OutputSpec(b.out().bits(), b.out().signed(), false, true);
    Options.exclusive(v, THRESHOLDS, DERIVE);
    Options.requires(v, SHIFT, DERIVE);
    Options.requires(v, ROUNDING, DERIVE);
    Options.requires(v, SchemeOption.RELU, DERIVE);
    if (v.flag(DERIVE.name())) {
      if (!v.given(SHIFT.name())) {
        throw new IllegalArgumentException("--derive-thresholds needs --shift K of the shift-round scheme to imitate");
      }
      Rounding r = Rounding.parse(v.string(ROUNDING.name()).orElse("half-up"));
      OutputRange range = new OutputRange(b.out().bits(), b.out().signed(), b.out().relu(), true);
      int k = v.integer(SHIFT.name()).getAsInt();
      long[] t = ThresholdModel.fromMonotone(a -> ShiftRoundModel.requantize(a, 0, k, r, range), CornerVectors.accMin(b.accBits()),
          CornerVectors.accMax(b.accBits()), range.min(), range.max());
      return new ThresholdSpec(b.accBits(), levels, ThresholdSpec.constants(t), b.pipeline());
    }
    return new ThresholdSpec(b.accBits(), levels, v.longs(THRESHOLDS.name()).map(t -> Arrays.stream(t).boxed().toList()), b.pipeline());
  }

  @Override
  public Module generate(ThresholdSpec spec) {
    return ThresholdGenerator.generate(spec);
  }

  @Override
  public ThresholdSpec runtimeUnit(SpecBase b) {
    if (b.bias()) {
      throw new IllegalArgumentException("threshold: a multi-threshold unit has no bias input (fold the bias into its thresholds)");
    }
    return new ThresholdSpec(b.accBits(), b.out(), Optional.empty(), b.pipeline());
  }

  @Override
  public Optional<String> unsupported(int accBits, int outBits) {
    return outBits > 8 ? Optional.of("threshold needs 2^b - 1 comparators; qrtl builds it up to 8 output bits") : Optional.empty();
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
  public ThresholdSpec forComparison(CompareForm form, int accBits, int outBits, Stimulus stimulus, int pipeline) {
    return runtimeUnit(new SpecBase(accBits, new OutputSpec(outBits, true, false, true), false, pipeline));
  }

  @Override
  public RealScaleUnit atRealScale(CompareForm form, RealScale s) {
    unsupported(s.accBits(), s.out().bits()).ifPresent(why -> {
      throw new IllegalArgumentException(why);
    });
    long accMin = -(1L << (s.accBits() - 1));
    long accMax = (1L << (s.accBits() - 1)) - 1;
    long lower = s.out().lower();
    // thresholds of the exact requantizer itself, so the scheme is exact by construction
    long[] t = ThresholdModel.fromMonotone(s.ideal()::exact, accMin, accMax, lower, s.out().max());
    return new RealScaleUnit(t.length + " thresholds from q*", acc -> ThresholdModel.requantize(acc, t, lower));
  }

  @Override
  public List<String> costTerms(CompareForm form) {
    return List.of("1", "(2^B-1)*A", "2^B-1");
  }

  @Override
  public double relativeSize(CompareForm form, int accBits, int outBits) {
    return Math.pow(2, outBits) * accBits * 4.0;
  }

  @Override
  public RequantizerModel model(ThresholdSpec spec) {
    return new Model(spec);
  }

  /** The golden model of one threshold spec. */
  private static final class Model implements RequantizerModel {
    private final ThresholdSpec spec;
    private final int count;

    Model(ThresholdSpec spec) {
      this.spec = spec;
      this.count = ThresholdSpec.count(spec.out());
    }

    @Override
    public QuantizerSpec spec() {
      return spec;
    }

    @Override
    public long apply(long acc, Inputs in) {
      List<Param> params = spec.params();
      long[] t = new long[count];
      for (int i = 0; i < count; i++) {
        t[i] = params.get(i).value(in::get);
      }
      return ThresholdModel.requantize(acc, t, spec.out().min().longValue());
    }

    @Override
    public ToLongFunction<long[]> bind(List<String> names) {
      List<Param> params = spec.params();
      if (params.stream().anyMatch(x -> !x.isPort())) {
        return RequantizerModel.super.bind(names);
      }
      int acc = RequantizerModel.position(names, "acc");
      int[] t = new int[count];
      for (int i = 0; i < t.length; i++) {
        t[i] = RequantizerModel.position(names, params.get(i).name());
      }
      long offset = spec.out().min().longValue();
      return v -> {
        long a = v[acc];
        long c = 0;
        for (int ti : t) {
          c += a >= v[ti] ? 1 : 0;
        }
        return offset + c;
      };
    }

    @Override
    public List<long[]> corners(List<PortSpec> inputs) {
      long min = CornerVectors.accMin(spec.accBits());
      long max = CornerVectors.accMax(spec.accBits());
      List<long[]> vectors = new ArrayList<>();
      for (long acc : new long[] {min, max, 0, 1, -1}) {
        long[] v = CornerVectors.vector(inputs, acc);
        List<Param> params = spec.params();
        for (int i = 0; i < inputs.size(); i++) {
          for (int t = 0; t < params.size(); t++) {
            if (params.get(t).isPort() && params.get(t).name().equals(inputs.get(i).name())) {
              v[i] = CornerVectors.clamp(acc + t - count / 2, min, max); // thresholds around acc: ties at acc itself
            }
          }
        }
        vectors.add(v);
      }
      return vectors;
    }

    @Override
    public long random(PortSpec p, SplittableRandom rnd, ValueSampler accs) {
      if (CommonInputs.role(spec, p) == Param.Role.THRESHOLD) {
        return rnd.nextInt(4) == 0 ? accs.uniform() : accs.uniform() >> (spec.accBits() / 2);
      }
      throw CommonInputs.noSuchInput(spec.scheme(), p);
    }

    @Override
    public long fitted(PortSpec p, SplittableRandom rnd, double spread) {
      if (CommonInputs.role(spec, p) == Param.Role.THRESHOLD) {
        return Math.round(rnd.nextDouble(-3, 3) * spread);
      }
      throw CommonInputs.noSuchInput(spec.scheme(), p);
    }

    @Override
    public boolean layerParameter(PortSpec p) {
      return CommonInputs.carries(spec, p, Param.Role.THRESHOLD);
    }

    /** Thresholds must ascend: sorts the {@code thr_<i>} values of one vector in place. */
    @Override
    public void arrange(long[] values, List<PortSpec> inputs) {
      int first = -1;
      int n = 0;
      for (int i = 0; i < inputs.size(); i++) {
        if (CommonInputs.carries(spec, inputs.get(i), Param.Role.THRESHOLD)) {
          first = first < 0 ? i : first;
          n++;
        }
      }
      if (n > 0) {
        Arrays.sort(values, first, first + n);
      }
    }
  }
}
