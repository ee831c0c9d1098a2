package dev.qrtl.kind;

import dev.qrtl.core.Module;
import dev.qrtl.gen.mac.MacArrayGenerator;

import dev.qrtl.spec.MacArraySpec;
import java.util.List;
import java.util.function.LongUnaryOperator;
import java.util.function.ToLongFunction;
import java.util.Map;
import java.util.Optional;

/** MAC arrays (systolic or broadcast): tiles of K terms in, R x C accumulators out. */
final class MacArrayKind extends TileKind<MacArraySpec> {
  @Override
  public String name() {
    return "mac-array";
  }

  @Override
  public Optional<Class<MacArraySpec>> specType() {
    return Optional.of(MacArraySpec.class);
  }

  @Override
  public Module generate(MacArraySpec spec) {
    return MacArrayGenerator.generate(spec);
  }

  @Override
  public MacArraySpec fromFormat1(Map<String, String> p) {
    return Format1Specs.array(p, "");
  }

  @Override
  TileModel tileModel(MacArraySpec spec) {
    return new TileModel() {
      @Override
      public MacArraySpec array() {
        return spec;
      }

      @Override
      public List<TileModel.Stage> stages() {
        return List.of();
      }

      @Override
      public long[][] expected(long[][] acc, LongUnaryOperator[][] stage, ToLongFunction<String> param) {
        return acc;
      }
    };
  }
}
