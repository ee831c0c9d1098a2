package dev.qrtl.scheme;

import dev.qrtl.core.Module;
import dev.qrtl.gen.quant.ShiftRoundGenerator;
import dev.qrtl.gen.quant.Structure;
import dev.qrtl.golden.OutputRange;
import dev.qrtl.golden.ShiftRoundModel;
import dev.qrtl.manifest.PortSpec;
import dev.qrtl.scheme.SchemeOption.Kind;
import dev.qrtl.spec.OutputSpec;
import dev.qrtl.spec.Param;
import dev.qrtl.spec.QuantizerSpec;
import dev.qrtl.spec.Rounding;
import dev.qrtl.spec.ShiftRoundSpec;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.stimulus.ValueSampler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;

/**
 * The power-of-two scale, {@code q = clamp(R((acc + bias) / 2^k))}, and its floor (truncating)
 * form, the cheapest baseline: one class, two registry entries. The shift is a constant, a
 * run-time input or a per-channel table; from a real scale, k is the nearest power of two in the
 * log domain ({@link ShiftRoundModel#shiftForScale}).
 */
final class ShiftRoundScheme implements Scheme<ShiftRoundSpec> {
  static final SchemeOption ROUNDING = SchemeOption.of("--rounding", Kind.STRING, "RULE", "half-up (default), half-away, half-even or floor");
  static final SchemeOption SHIFT = SchemeOption.of("--shift", Kind.INT, "K", "constant k");
  static final SchemeOption RUNTIME_SHIFT = SchemeOption.flag("--runtime-shift", "k is a run-time input 'shift'");
  static final SchemeOption REAL_SCALE = SchemeOption.of("--real-scale", Kind.DOUBLE, "S", "constant k = round(-log2 S), nearest in the log domain");
  static final SchemeOption CHANNEL_SHIFTS = SchemeOption.of("--channel-shifts", Kind.INT_LIST, "K,K,...",
      "per-output-channel constant shifts, chosen by a 'channel' input");
  static final SchemeOption CHANNEL_SCALES = SchemeOption.of("--channel-scales", Kind.DOUBLE_LIST, "S,S,...",
      "per-output-channel real scales, turned into constant shifts");

  private final boolean floor;

  ShiftRoundScheme(boolean floor) {
    this.floor = floor;
  }

  @Override
  public String name() {
    return floor ? "floor" : "shift-round";
  }

  @Override
  public Class<ShiftRoundSpec> specType() {
    return ShiftRoundSpec.class;
  }

  @Override
  public String summary() {
    return floor ? "truncation: q = clamp((acc + bias) >> k), the floor of the cost scale"
        : "power-of-two scale: q = clamp(R((acc + bias) / 2^k)) with rounding rule R; no multiplier";
  }

  @Override
  public List<SchemeOption> options() {
    List<SchemeOption> o = new ArrayList<>(List.of(SHIFT, RUNTIME_SHIFT, REAL_SCALE, CHANNEL_SHIFTS, CHANNEL_SCALES));
    if (!floor) {
      o.add(0, ROUNDING);
    }
    o.addAll(SchemeOption.COMMON);
    return o;
  }

  @Override
  public ShiftRoundSpec fromOptions(SpecBase b, OptionValues v) {
    Rounding r = floor ? Rounding.FLOOR : Rounding.parse(v.string(ROUNDING.name()).orElse("half-up"));
    boolean perTensor = v.given(SHIFT.name()) || v.flag(RUNTIME_SHIFT.name()) || v.given(REAL_SCALE.name());
    boolean perChannel = v.given(CHANNEL_SHIFTS.name()) || v.given(CHANNEL_SCALES.name());
    if (perTensor && perChannel) {
      throw new IllegalArgumentException(name() + ": give a per-tensor shift (--shift, --runtime-shift, --real-scale) or per-channel"
          + " shifts (--channel-shifts, --channel-scales), not both");
    }
    if (perChannel) {
      Options.exclusive(v, CHANNEL_SHIFTS, CHANNEL_SCALES);
      List<Integer> ks = v.reals(CHANNEL_SCALES.name())
          .map(s -> Arrays.stream(s).mapToInt(ShiftRoundModel::shiftForScale).boxed().toList())
          .orElseGet(() -> Arrays.stream(v.ints(CHANNEL_SHIFTS.name()).orElseThrow()).boxed().toList());
      return new ShiftRoundSpec(b.accBits(), b.out(), r, OptionalInt.empty(), b.bias(), b.pipeline(), floor, ks);
    }
    Options.exclusive(v, SHIFT, RUNTIME_SHIFT, REAL_SCALE);
    if (!perTensor) {
      throw new IllegalArgumentException(name() + " needs --shift K (a constant), --runtime-shift, --real-scale S or per-channel shifts");
    }
    OptionalInt k = v.real(REAL_SCALE.name()).isPresent()
        ? OptionalInt.of(ShiftRoundModel.shiftForScale(v.real(REAL_SCALE.name()).getAsDouble()))
        : v.integer(SHIFT.name());
    return new ShiftRoundSpec(b.accBits(), b.out(), r, k, b.bias(), b.pipeline(), floor);
  }

  @Override
  public Module generate(ShiftRoundSpec spec) {
    return ShiftRoundGenerator.generate(spec);
  }

  @Override
  public Optional<Module> generatePlain(ShiftRoundSpec spec) {
    return Optional.of(ShiftRoundGenerator.generate(spec, Structure.PLAIN));
  }

  @Override
  public ShiftRoundSpec runtimeUnit(SpecBase b) {
    return new ShiftRoundSpec(b.accBits(), b.out(), floor ? Rounding.FLOOR : Rounding.HALF_UP, OptionalInt.empty(), b.bias(), b.pipeline(), floor);
  }

  @Override
  public Optional<String> unsupported(int accBits, int outBits) {
    return Optional.empty();
  }

  @Override
  public Optional<dev.qrtl.spec.ResidualAddSpec> residualAdd(CompareForm form, int bits) {
    return floor ? Optional.of(new dev.qrtl.spec.ResidualAddSpec(dev.qrtl.spec.ResidualAddSpec.AddScheme.SHIFT_ROUND, bits, true,
        Rounding.FLOOR, 0)) : Optional.of(dev.qrtl.spec.ResidualAddSpec.of(dev.qrtl.spec.ResidualAddSpec.AddScheme.SHIFT_ROUND, bits));
  }

  @Override
  public List<CompareForm> compareForms() {
    return floor ? List.of(CompareForm.plain("floor")) : List.of(CompareForm.plain("shift-round"), CompareForm.plain("shift-round-const"));
  }

  @Override
  public Optional<CompareForm> parseForm(String label) {
    return compareForms().stream().filter(f -> f.label().equals(label)).findFirst();
  }

  @Override
  public ShiftRoundSpec forComparison(CompareForm form, int accBits, int outBits, Stimulus stimulus, int pipeline) {
    ShiftRoundSpec unit = runtimeUnit(new SpecBase(accBits, new OutputSpec(outBits, true, false, true), false, pipeline));
    if (!form.label().equals("shift-round-const")) {
      return unit;
    }
    OptionalInt k = OptionalInt.of(stimulus.fittedShift(accBits, (1L << (outBits - 1)) - 1));
    return new ShiftRoundSpec(accBits, unit.out(), unit.rounding(), k, false, pipeline, floor);
  }

  @Override
  public RealScaleUnit atRealScale(CompareForm form, RealScale s) {
    Rounding rounding = floor ? Rounding.FLOOR : Rounding.HALF_UP; // as the unit a comparison prices
    int k = PowerOfTwoShift.choose(s, rounding);
    return new RealScaleUnit("k=" + k + " (" + s.kRule().text() + ")", acc -> PowerOfTwoShift.apply(acc, k, rounding, s));
  }

  @Override
  public List<String> costTerms(CompareForm form) {
    return form.label().equals("shift-round-const") ? List.of("1", "A", "B") : List.of("1", "A", "A*log2(A)", "B");
  }

  @Override
  public double relativeSize(CompareForm form, int accBits, int outBits) {
    return accBits;
  }

  @Override
  public RequantizerModel model(ShiftRoundSpec spec) {
    return new Model(spec);
  }

  /** The golden model of one shift-round (or floor) spec. */
  private static final class Model implements RequantizerModel {
    private final ShiftRoundSpec spec;
    private final OutputRange out;

    Model(ShiftRoundSpec spec) {
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
      int k = (int) CommonInputs.param(spec, Param.Role.SHIFT).value(in::get);
      return ShiftRoundModel.requantize(acc, b, k, spec.rounding(), out);
    }

    @Override
    public ToLongFunction<long[]> bind(List<String> names) {
      if (!CommonInputs.param(spec, Param.Role.SHIFT).isPort()) {
        return RequantizerModel.super.bind(names);
      }
      int acc = RequantizerModel.position(names, "acc");
      int b = CommonInputs.position(spec, Param.Role.BIAS, names);
      int k = CommonInputs.position(spec, Param.Role.SHIFT, names);
      Rounding r = spec.rounding();
      OutputRange o = out;
      return v -> ShiftRoundModel.requantize(v[acc], b < 0 ? 0 : v[b], (int) v[k], r, o);
    }

    @Override
    public List<long[]> corners(List<PortSpec> inputs) {
      Param shift = CommonInputs.param(spec, Param.Role.SHIFT);
      List<Integer> ks = new ArrayList<>();
      if (shift.isConst()) {
        ks.add((int) shift.constant());
      } else {
        int w = CornerVectors.width(inputs, shift.name());
        int kMax = w < 0 ? spec.accBits() - 1 : (int) Math.min(62, (1L << w) - 1);
        for (int k : new int[] {0, 1, 2, spec.accBits() / 2, spec.accBits() - 1, kMax}) {
          if (!ks.contains(k) && k <= kMax) {
            ks.add(k);
          }
        }
      }
      long min = CornerVectors.accMin(spec.accBits());
      long max = CornerVectors.accMax(spec.accBits());
      List<long[]> vectors = new ArrayList<>();
      for (int k : ks) {
        for (long acc : CornerVectors.aroundDivision(k, min, max, out)) {
          vectors.add(CornerVectors.vector(inputs, acc, shift.name(), k));
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
        case SHIFT -> rnd.nextLong(1L << p.width());
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
        case SHIFT -> Math.max(0, Math.min((1L << p.width()) - 1, Math.round(CommonInputs.log2Down(spread, out)) + rnd.nextInt(-1, 2)));
        default -> throw CommonInputs.noSuchInput(spec.scheme(), p);
      };
    }

    @Override
    public boolean enumerable(PortSpec p) {
      return CommonInputs.isChannel(p) || CommonInputs.carries(spec, p, Param.Role.SHIFT);
    }
  }
}
