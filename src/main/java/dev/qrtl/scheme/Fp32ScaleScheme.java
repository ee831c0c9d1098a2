package dev.qrtl.scheme;

import dev.qrtl.core.Module;
import dev.qrtl.gen.quant.Fp32ScaleGenerator;
import dev.qrtl.gen.quant.Structure;
import dev.qrtl.golden.Fp32ScaleModel;
import dev.qrtl.golden.OutputRange;
import dev.qrtl.manifest.PortSpec;
import dev.qrtl.scheme.SchemeOption.Kind;
import dev.qrtl.spec.Fp32ScaleSpec;
import dev.qrtl.spec.OutputSpec;
import dev.qrtl.spec.Param;
import dev.qrtl.spec.QuantizerSpec;
import dev.qrtl.stimulus.Stimulus;
import dev.qrtl.stimulus.ValueSampler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;

/**
 * Float fake-quant deployment, {@code q = clamp(rne(float32(acc + bias) * scale) + zp)}, bit-exact
 * to IEEE-754 binary32 in integer hardware. From a real scale, the nearest binary32.
 */
final class Fp32ScaleScheme implements Scheme<Fp32ScaleSpec> {
  static final SchemeOption SCALE = SchemeOption.of("--scale", Kind.FLOAT, "F", "constant binary32 scale; default a run-time input (IEEE-754 bits)");
  static final SchemeOption ZERO_POINT = SchemeOption.of("--zero-point", Kind.LONG, "Z", "constant output zero point; default a run-time input");
  static final SchemeOption REAL_SCALE = SchemeOption.of("--real-scale", Kind.DOUBLE, "S", "constant scale: the binary32 nearest to S");

  @Override
  public String name() {
    return "fp32-scale";
  }

  @Override
  public Class<Fp32ScaleSpec> specType() {
    return Fp32ScaleSpec.class;
  }

  @Override
  public String summary() {
    return "float32 scale: q = clamp(rne(float32(acc + bias) * scale) + zp), bit-exact binary32 in integer logic";
  }

  @Override
  public List<SchemeOption> options() {
    List<SchemeOption> o = new ArrayList<>(List.of(SCALE, ZERO_POINT, REAL_SCALE));
    o.addAll(SchemeOption.COMMON);
    return o;
  }

  @Override
  public Fp32ScaleSpec fromOptions(SpecBase b, OptionValues v) {
    Options.exclusive(v, SCALE, REAL_SCALE);
    Optional<Float> f = v.real(REAL_SCALE.name()).isPresent()
        ? Optional.of((float) v.real(REAL_SCALE.name()).getAsDouble()) : v.floatValue(SCALE.name());
    return new Fp32ScaleSpec(b.accBits(), b.out(), f, v.longValue(ZERO_POINT.name()), b.bias(), b.pipeline());
  }

  @Override
  public Module generate(Fp32ScaleSpec spec) {
    return Fp32ScaleGenerator.generate(spec);
  }

  @Override
  public Optional<Module> generatePlain(Fp32ScaleSpec spec) {
    return Optional.of(Fp32ScaleGenerator.generate(spec, Structure.PLAIN));
  }

  @Override
  public Fp32ScaleSpec runtimeUnit(SpecBase b) {
    return new Fp32ScaleSpec(b.accBits(), b.out(), Optional.empty(), OptionalLong.empty(), b.bias(), b.pipeline());
  }

  @Override
  public Optional<String> unsupported(int accBits, int outBits) {
    return Optional.empty();
  }

  @Override
  public Optional<dev.qrtl.spec.ResidualAddSpec> residualAdd(CompareForm form, int bits) {
    return Optional.of(dev.qrtl.spec.ResidualAddSpec.of(dev.qrtl.spec.ResidualAddSpec.AddScheme.FP32_SCALE, bits));
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
  public Fp32ScaleSpec forComparison(CompareForm form, int accBits, int outBits, Stimulus stimulus, int pipeline) {
    return runtimeUnit(new SpecBase(accBits, new OutputSpec(outBits, true, false, true), false, pipeline));
  }

  @Override
  public RealScaleUnit atRealScale(CompareForm form, RealScale s) {
    float f = (float) s.scale(); // the binary32 nearest to S
    if (f == 0 || Float.isInfinite(f)) {
      throw new IllegalArgumentException("scale " + s.scale() + " is outside binary32's range (it rounds to " + f + ")");
    }
    return new RealScaleUnit("scale_f32=" + f, acc -> Fp32ScaleModel.requantize(acc, f, s.zeroPoint(), s.out()));
  }

  @Override
  public List<String> costTerms(CompareForm form) {
    return List.of("1", "A", "A*log2(A)", "B");
  }

  @Override
  public double relativeSize(CompareForm form, int accBits, int outBits) {
    return 32.0 * accBits;
  }

  @Override
  public RequantizerModel model(Fp32ScaleSpec spec) {
    return new Model(spec);
  }

  /** The golden model of one float-scale spec. */
  private static final class Model implements RequantizerModel {
    private final Fp32ScaleSpec spec;
    private final OutputRange out;

    Model(Fp32ScaleSpec spec) {
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
      float f = Float.intBitsToFloat((int) CommonInputs.value(spec, Param.Role.SCALE, in));
      long zp = CommonInputs.value(spec, Param.Role.ZERO_POINT, in);
      return Fp32ScaleModel.requantize(acc + b, f, zp, out);
    }

    @Override
    public ToLongFunction<long[]> bind(List<String> names) {
      if (!CommonInputs.param(spec, Param.Role.SCALE).isPort() || !CommonInputs.param(spec, Param.Role.ZERO_POINT).isPort()) {
        return RequantizerModel.super.bind(names);
      }
      int acc = RequantizerModel.position(names, "acc");
      int b = CommonInputs.position(spec, Param.Role.BIAS, names);
      int fi = CommonInputs.position(spec, Param.Role.SCALE, names);
      int zi = CommonInputs.position(spec, Param.Role.ZERO_POINT, names);
      OutputRange o = out;
      return v -> Fp32ScaleModel.requantize(v[acc] + (b < 0 ? 0 : v[b]), Float.intBitsToFloat((int) v[fi]), v[zi], o);
    }

    @Override
    public List<long[]> corners(List<PortSpec> inputs) {
      long min = CornerVectors.accMin(spec.accBits());
      long max = CornerVectors.accMax(spec.accBits());
      long big = 1L << 24;
      long[] accs = {min, max, 0, 1, -1, big + 1, -(big + 1), big + 3, -(big + 3), 2 * big + 2, 5, -5, 7, -7};
      float[] scales = {0f, -0f, Float.MIN_VALUE, 1e-40f, 0.5f, 1f, -1f, 0x1p-24f, 1f / 3, 1.5f / 16, Float.MAX_VALUE, 0x1p-25f};
      long[] zps = {out.min(), 0, out.max()};
      List<long[]> vectors = new ArrayList<>();
      for (long acc : accs) {
        for (float f : scales) {
          for (long zp : zps) {
            vectors.add(CornerVectors.vector(inputs, CornerVectors.clamp(acc, min, max), CommonInputs.name(spec, Param.Role.SCALE),
                Float.floatToRawIntBits(f) & 0xFFFFFFFFL, CommonInputs.name(spec, Param.Role.ZERO_POINT), zp));
          }
        }
      }
      return vectors;
    }

    @Override
    public long random(PortSpec p, SplittableRandom rnd, ValueSampler accs) {
      return switch (CommonInputs.role(spec, p)) {
        case BIAS -> CommonInputs.randomBias(accs);
        case ZERO_POINT -> CommonInputs.randomZeroPoint(rnd, out);
        case SCALE -> {
          if (rnd.nextInt(50) == 0) {
            yield 0;
          }
          double mag = Math.scalb(1.0 + rnd.nextDouble(), -rnd.nextInt(40));
          yield Float.floatToRawIntBits((float) (rnd.nextBoolean() ? mag : -mag)) & 0xFFFFFFFFL;
        }
        default -> throw CommonInputs.noSuchInput(spec.scheme(), p);
      };
    }

    @Override
    public long fitted(PortSpec p, SplittableRandom rnd, double spread) {
      return switch (CommonInputs.role(spec, p)) {
        case BIAS -> CommonInputs.fittedBias(rnd, spread);
        case ZERO_POINT -> CommonInputs.fittedZeroPoint(rnd, out);
        case SCALE -> Float.floatToRawIntBits((float) (Math.pow(2, -CommonInputs.log2Down(spread, out)) * rnd.nextDouble(0.5, 2)))
            & 0xFFFFFFFFL;
        default -> throw CommonInputs.noSuchInput(spec.scheme(), p);
      };
    }
  }
}
