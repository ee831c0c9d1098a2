package dev.qrtl.kind;

import dev.qrtl.core.Module;
import dev.qrtl.gen.mac.UnifiedGenerator;
import dev.qrtl.scheme.Schemes;
import dev.qrtl.spec.UnifiedSpec;
import dev.qrtl.golden.MacArrayModel;
import dev.qrtl.spec.MacArraySpec;
import java.util.List;
import java.util.function.LongUnaryOperator;
import java.util.function.ToLongFunction;
import java.util.Map;
import java.util.Optional;

/** The unified module: a MAC array with one fused requantizer per output (bias, batch norm and ReLU folded), of any scheme. */
final class UnifiedKind extends TileKind<UnifiedSpec> {
  @Override
  public String name() {
    return "unified";
  }

  @Override
  public Optional<Class<UnifiedSpec>> specType() {
    return Optional.of(UnifiedSpec.class);
  }

  @Override
  public Module generate(UnifiedSpec spec) {
    return UnifiedGenerator.generate(spec, Schemes::generate);
  }

  @Override
  public UnifiedSpec fromFormat1(Map<String, String> p) {
    return new UnifiedSpec(Format1Specs.array(p, "array_"), Format1Specs.quantizer(p, "epilogue_"));
  }

  @Override
  TileModel tileModel(UnifiedSpec spec) {
    return new TileModel() {
      @Override
      public MacArraySpec array() {
        return spec.array();
      }

      @Override
      public List<TileModel.Stage> stages() {
        return List.of(new TileModel.Stage(Schemes.model(spec.epilogue()), "", Double.NaN));
      }

      @Override
      public long[][] expected(long[][] acc, LongUnaryOperator[][] stage, ToLongFunction<String> param) {
        return MacArrayModel.unified(acc, j -> stage[0][j]);
      }
    };
  }
}
