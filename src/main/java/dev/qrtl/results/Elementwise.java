package dev.qrtl.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A requantization outside a convolution or product: the integer operators between layers that
 * rescale their inputs to their output's scale. Each output element is one operation of the
 * operator's requantizing unit:
 *
 * <ul>
 *   <li>{@code ADD}: a residual add of two quantized tensors with their own scales and zero
 *       points (TFLite's int8 Add: both inputs rescaled, summed, the sum requantized);
 *   <li>{@code AVERAGE_POOL}: the sum of a {@code window} of inputs requantized by 1 / window;
 *   <li>{@code CONCAT}: an input whose scale or zero point differs from the output's, rescaled
 *       ({@code outputs} counts only such inputs' elements);
 *   <li>{@code MUL}: an element-wise product of two tensors (a gate), requantized;
 *   <li>{@code LOOKUP}: sigmoid, leaky ReLU and the like on int8, a 256-entry table per tensor in
 *       ONNX Runtime and TFLite: counted, not priced as a requantizer;
 *   <li>{@code TRUNC}: QONNX's Trunc, a power-of-two requantization of an {@code inBits} integer to
 *       {@code outBits} (FINN puts one after an average pool's sum).
 * </ul>
 *
 * @param op the model's operator (QLinearAdd, Add in QDQ form, ...) or the architecture's
 * @param outputs output elements per inference that pass through the unit
 * @param window the elements an average pool sums (1 for the others)
 * @param quantization the scales a model file gives (null for a built-in table)
 * @param inBits the width of the value the unit requantizes where the model fixes it (QONNX Trunc), else null
 * @param outBits the width it produces where the model fixes it, else null (the bill's activation width)
 */
@JsonPropertyOrder({"name", "kind", "op", "outputs", "window", "quantization", "inBits", "outBits"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Elementwise(String name, Kind kind, String op, long outputs, int window, @Nullable Scales quantization,
    @Nullable Integer inBits, @Nullable Integer outBits) {
  /** An operator whose widths follow the bill's activations. */
  public Elementwise(String name, Kind kind, String op, long outputs, int window, Scales quantization) {
    this(name, kind, op, outputs, window, quantization, null, null);
  }

  /** What the operator does to its inputs. */
  public enum Kind {
    ADD, AVERAGE_POOL, CONCAT, MUL, LOOKUP, TRUNC;

    /** How tables name it: add, average-pool, ... */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * The scales and zero points: one per input, and the output's.
   *
   * @param outputSigned int8 (true) or uint8 output
   */
  @JsonPropertyOrder({"inputScales", "inputZeroPoints", "outputScale", "outputZeroPoint", "outputSigned"})
  public record Scales(double[] inputScales, long[] inputZeroPoints, double outputScale, long outputZeroPoint, boolean outputSigned) {}

  public Elementwise {
    if (name == null || name.isBlank() || kind == null || op == null) {
      throw new IllegalArgumentException("an element-wise operator needs a name, a kind and an operator");
    }
    if (outputs < 0 || outputs > Layer.MAX_OUTPUTS) {
      throw new IllegalArgumentException("'" + name + "': " + outputs + " outputs is outside 0.." + Layer.MAX_OUTPUTS);
    }
    if (window < 1 || window > 1 << 24 || kind != Kind.AVERAGE_POOL && window != 1) {
      throw new IllegalArgumentException("'" + name + "': window " + window + " (an average pool's is 1..2^24, every other operator's 1)");
    }
    if (inBits != null && (inBits < 2 || inBits > 64) || outBits != null && (outBits < 2 || outBits > 16)) {
      throw new IllegalArgumentException("'" + name + "': a " + inBits + "-bit value to " + outBits + " bits: qrtl requantizes 2..64-bit"
          + " values to 2..16 bits");
    }
  }

  /** The width the unit produces: the operator's own, else the bill's activation width. */
  public int outBits(int aBits) {
    return outBits != null ? outBits : aBits;
  }

  /**
   * The width of the value its requantizer takes: an add's and a concat's input less its zero point
   * ({@code aBits + 1}), a pool's sum of {@code window} of them, a product's of two.
   */
  public int valueBits(int aBits) {
    if (inBits != null) {
      return inBits;
    }
    return switch (kind) {
      case ADD, CONCAT, LOOKUP, TRUNC -> aBits + 1;
      case AVERAGE_POOL -> aBits + 1 + Layer.ceilLog2(window);
      case MUL -> 2 * (aBits + 1);
    };
  }
}
