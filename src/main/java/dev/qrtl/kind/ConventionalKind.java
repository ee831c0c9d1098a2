package dev.qrtl.kind;

import dev.qrtl.core.Module;
import dev.qrtl.gen.mac.ConventionalGenerator;
import dev.qrtl.scheme.Schemes;
import dev.qrtl.spec.ConventionalSpec;
import dev.qrtl.golden.MacArrayModel;
import dev.qrtl.manifest.PortSpec;
import dev.qrtl.spec.MacArraySpec;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongUnaryOperator;
import java.util.function.ToLongFunction;
import java.util.Map;
import java.util.Optional;

/** The conventional pipeline: a MAC array, a requantizer, an integer batch norm, a second requantizer and a ReLU per output. */
final class ConventionalKind extends TileKind<ConventionalSpec> {
  @Override
  public String name() {
    return "conventional";
  }

  @Override
  public Optional<Class<ConventionalSpec>> specType() {
    return Optional.of(ConventionalSpec.class);
  }

  @Override
  public Module generate(ConventionalSpec spec) {
    return ConventionalGenerator.generate(spec, Schemes::generate);
  }

  @Override
  public ConventionalSpec fromFormat1(Map<String, String> p) {
    return new ConventionalSpec(Format1Specs.array(p, "array_"), Format1Specs.quantizer(p, "conv_"), Format1Specs.integer(p,
        "bn_mul_bits"), Format1Specs.integer(p, "bn_add_bits"), Format1Specs.quantizer(p, "bnq_"));
  }

  /** The spread of the batch norm's products reaching the second requantizer (int8 values times a 2^6-scaled multiplier). */
  private static final double BN_SPREAD = 128.0 * 64;

  @Override
  TileModel tileModel(ConventionalSpec spec) {
    return new TileModel() {
      @Override
      public MacArraySpec array() {
        return spec.array();
      }

      @Override
      public List<TileModel.Stage> stages() {
        return List.of(new TileModel.Stage(Schemes.model(spec.convRequant()), "conv_", Double.NaN),
            new TileModel.Stage(Schemes.model(spec.bnRequant()), "bn_", BN_SPREAD));
      }

      @Override
      public boolean ownsParameter(PortSpec p) {
        return p.name().startsWith("bn_mul_") || p.name().startsWith("bn_add_");
      }

      @Override
      public long drawParameter(PortSpec p, SplittableRandom rnd) {
        return p.name().startsWith("bn_mul_") ? rnd.nextLong(-(1L << (p.width() - 1)), 1L << (p.width() - 1))
            : rnd.nextLong(-(1L << (p.width() - 2)), 1L << (p.width() - 2));
      }

      @Override
      public long[][] expected(long[][] acc, LongUnaryOperator[][] stage, ToLongFunction<String> param) {
        int cols = spec.array().cols();
        long[] mul = new long[cols];
        long[] add = new long[cols];
        for (int j = 0; j < cols; j++) {
          mul[j] = param.applyAsLong("bn_mul_" + j);
          add[j] = param.applyAsLong("bn_add_" + j);
        }
        return MacArrayModel.conventional(acc, j -> stage[0][j], mul, add, j -> stage[1][j]);
      }
    };
  }
}
