package dev.qrtl.spec;

import dev.qrtl.spec.QuantizerSpec;

/**
 * The non-fused deployment of the same layer, per output: requantize the convolution result
 * ({@code convRequant}, with the conv bias), a separate integer batch-norm stage
 * {@code y = q1 * bn_mul + bn_add} with its own requantization ({@code bnRequant}), then a
 * separate ReLU stage. Two requantizations and an activation where the unified module has one
 * requantization.
 *
 * @param array the MAC array
 * @param convRequant the first requantizer (accumulator width = the array's)
 * @param bnMulBits signed width of the batch-norm multiplier
 * @param bnAddBits signed width of the batch-norm addend
 * @param bnRequant the second requantizer (accumulator width = {@link #bnValueBits()})
 */
public record ConventionalSpec(MacArraySpec array, QuantizerSpec convRequant, int bnMulBits, int bnAddBits, QuantizerSpec bnRequant) implements DesignSpec {
  public ConventionalSpec {
    if (convRequant.accBits() != array.accBits()) {
      throw new IllegalArgumentException("conventional: the conv requantizer takes " + convRequant.accBits()
          + "-bit values but the array makes " + array.accBits() + "-bit ones");
    }
    if (bnMulBits < 2 || bnMulBits > 32 || bnAddBits < 2 || bnAddBits > 48) {
      throw new IllegalArgumentException("conventional: batch-norm widths " + bnMulBits + "/" + bnAddBits + " are out of range");
    }
    int y = bnValueBits(convRequant, bnMulBits, bnAddBits);
    if (bnRequant.accBits() != y) {
      throw new IllegalArgumentException("conventional: the batch-norm requantizer takes " + bnRequant.accBits()
          + "-bit values but the batch-norm stage makes " + y + "-bit ones");
    }
  }

  /** Width of {@code q1 * bn_mul + bn_add}. */
  public static int bnValueBits(QuantizerSpec conv, int bnMulBits, int bnAddBits) {
    int q1 = conv.out().bits() + (conv.out().signed() ? 0 : 1); // as a signed value
    return Math.max(q1 + bnMulBits, bnAddBits) + 1;
  }

  public int bnValueBits() {
    return bnValueBits(convRequant, bnMulBits, bnAddBits);
  }

}
