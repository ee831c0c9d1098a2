package dev.qrtl.spec;

import dev.qrtl.spec.QuantizerSpec;

/**
 * The unified module: a MAC array and, per output, one requantizer that adds the bias (with
 * batch-norm folded into weights, bias and scale) and applies ReLU in its clamp.
 */
public record UnifiedSpec(MacArraySpec array, QuantizerSpec epilogue) implements DesignSpec {
  public UnifiedSpec {
    if (epilogue.accBits() != array.accBits()) {
      throw new IllegalArgumentException("unified: the epilogue takes " + epilogue.accBits()
          + "-bit accumulators but the array makes " + array.accBits() + "-bit ones");
    }
  }

}
