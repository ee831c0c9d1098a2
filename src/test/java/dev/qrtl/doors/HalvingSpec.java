package dev.qrtl.doors;

import dev.qrtl.spec.OutputSpec;
import dev.qrtl.spec.QuantizerSpec;

/** A test-only requantization scheme: {@code q = clamp(floor(acc / 2))}, combinational. */
public record HalvingSpec(int accBits, OutputSpec out, int pipeline) implements QuantizerSpec {
  public HalvingSpec {
    QuantizerSpec.checkCommon("halving", accBits, out, pipeline);
    if (pipeline != 0) {
      throw new IllegalArgumentException("halving: a combinational unit only");
    }
  }

  @Override
  public String scheme() {
    return "halving";
  }

  @Override
  public String moduleName() {
    return "requant_halving_a" + accBits + "_" + out.tag();
  }
}
