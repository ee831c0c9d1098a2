package dev.qrtl.results;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One layer whose accumulators are requantized: a convolution (grouped or depthwise too), a fully
 * connected layer (Gemm) or a matrix product of two activations (attention's QK^T and AV).
 *
 * <p>Shape fields follow the operator: a convolution has {@code cin, cout, kh x kw, stride, groups}
 * and an {@code outH x outW} output per image; a Gemm or MatMul is {@code batch} products of
 * {@code rows x k} by {@code k x cout} ({@code cin = k}, kernel 1 x 1, {@code outH = rows},
 * {@code outW = 1}). {@code batchNorm} says a batch norm follows (folded into the unified module's
 * scale and bias, a second requantization in the conventional pipeline); {@code relu} that a
 * ReLU/Clip follows directly (foldable into the clamp).
 *
 * @param channels the output channels that carry their own scale (per-channel weights) - 1 for a
 *     product of two activations, which has one scale per tensor
 * @param quantization the scales and zero points a model file gives (null for a built-in table)
 * @param activation which activation the clamp absorbs and how it was detected (null: none, or a
 *     file written before qrtl recorded it)
 * @param widths the layer's own activation, weight and output widths (QONNX), null where the bill's
 *     apply
 * @param blocks its block-scaled weights, inputs or output (opset 21 block_size), null when none
 */
@JsonPropertyOrder({"name", "op", "cin", "cout", "kh", "kw", "stride", "groups", "outH", "outW", "batch", "k", "macs", "outputs",
    "channels", "batchNorm", "relu", "quantization", "activation", "widths", "blocks"})
@JsonInclude(JsonInclude.Include.NON_NULL)
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(value = {"k", "macs", "outputs"}, allowGetters = true)
public record Layer(String name, Op op, int cin, int cout, int kh, int kw, int stride, int groups, int outH, int outW, int batch,
    int channels, boolean batchNorm, boolean relu, @Nullable Quantization quantization, @Nullable Activation activation,
    @Nullable Widths widths, @Nullable Blocks blocks) {
  /** What a layer computes. */
  public enum Op {
    CONV, DEPTHWISE_CONV, GEMM, MATMUL
  }

  public Layer {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a layer needs a name");
    }
    if (cin < 1 || cout < 1 || kh < 1 || kw < 1 || stride < 1 || groups < 1 || outH < 1 || outW < 1 || batch < 1 || channels < 1) {
      throw new IllegalArgumentException("layer '" + name + "': every dimension must be at least 1");
    }
    if (quantization != null && quantization.accumulatorScale() != null && quantization.accumulatorScale().length != 1
        && quantization.accumulatorScale().length != channels) {
      throw new IllegalArgumentException("layer '" + name + "': " + quantization.accumulatorScale().length + " scales for " + channels
          + " channels");
    }
    if (activation != null && !relu) {
      throw new IllegalArgumentException("layer '" + name + "': an activation (" + activation.label() + ") that the clamp does not absorb");
    }
    if (cin % groups != 0 || cout % groups != 0) {
      throw new IllegalArgumentException("layer '" + name + "': " + groups + " groups do not divide " + cin + " input and " + cout
          + " output channels");
    }
    sizes(name, cin, cout, kh, kw, groups, outH, outW, batch);
  }

  /** The most terms of one dot product qrtl prices: its accumulator width must stay a machine width. */
  public static final long MAX_K = Integer.MAX_VALUE;
  /**
   * The most outputs, and weights, one layer may have (2^48, 10^7 times a 7-billion-parameter
   * model's largest layer): every count derived from them (twice the outputs, bits moved per
   * inference, parameter bits) then fits a signed 64-bit integer.
   */
  public static final long MAX_OUTPUTS = 1L << 48;

  /**
   * K, outputs and MACs in checked arithmetic: K = cin / groups x kh x kw must fit {@link #MAX_K},
   * outputs = batch x cout x outH x outW and weights = cout x K must fit {@link #MAX_OUTPUTS}, and
   * MACs = outputs x K a signed 64-bit count. Each overflow is one line naming the layer, its
   * dimensions and the limit.
   */
  private static long[] sizes(String name, int cin, int cout, int kh, int kw, int groups, int outH, int outW, int batch) {
    long k;
    try {
      k = Math.multiplyExact(Math.multiplyExact((long) (cin / groups), kh), kw);
    } catch (ArithmeticException e) {
      k = Long.MAX_VALUE;
    }
    if (k > MAX_K) {
      throw new IllegalArgumentException("layer '" + name + "': K = " + cin / groups + " x " + kh + " x " + kw + " terms per dot product"
          + " exceeds the limit of " + MAX_K);
    }
    long outputs;
    try {
      outputs = Math.multiplyExact(Math.multiplyExact(Math.multiplyExact((long) batch, cout), outH), outW);
    } catch (ArithmeticException e) {
      outputs = Long.MAX_VALUE;
    }
    if (outputs > MAX_OUTPUTS) {
      throw new IllegalArgumentException("layer '" + name + "': " + batch + " x " + cout + " x " + outH + " x " + outW
          + " outputs exceed the limit of " + MAX_OUTPUTS);
    }
    if ((long) cout * k > MAX_OUTPUTS) {
      throw new IllegalArgumentException("layer '" + name + "': " + cout + " x K = " + k + " weights exceed the limit of " + MAX_OUTPUTS);
    }
    try {
      return new long[] {k, outputs, Math.multiplyExact(outputs, k)};
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("layer '" + name + "': " + outputs + " outputs x K = " + k + " MACs exceed the limit of "
          + Long.MAX_VALUE);
    }
  }

  /** A convolution with a batch norm after it (as in ResNet and MobileNet); depthwise when groups = cin = cout. */
  public static Layer conv(String name, int cin, int cout, int kernel, int stride, int groups, int outSize, boolean relu) {
    return conv(name, cin, cout, kernel, stride, groups, outSize, relu ? Activation.Kind.RELU : null);
  }

  /** {@link #conv} with the architecture's activation ({@code null}: none the clamp absorbs). */
  public static Layer conv(String name, int cin, int cout, int kernel, int stride, int groups, int outSize, Activation.Kind activation) {
    Op op = groups > 1 && groups == cin && groups == cout ? Op.DEPTHWISE_CONV : Op.CONV;
    return new Layer(name, op, cin, cout, kernel, kernel, stride, groups, outSize, outSize, 1, cout, true, activation != null, null,
        architecture(activation), null, null);
  }

  private static Activation architecture(Activation.Kind k) {
    return k == null ? null : new Activation(k, "architecture");
  }

  /** A fully connected layer over {@code rows} inputs: {@code rows x cin} by {@code cin x cout}. */
  public static Layer gemm(String name, int rows, int cin, int cout, boolean relu) {
    return new Layer(name, Op.GEMM, cin, cout, 1, 1, 1, 1, rows, 1, 1, cout, false, relu, null, architecture(relu ? Activation.Kind.RELU
        : null), null, null);
  }

  /** {@code batch} products of two activations, {@code rows x k} by {@code k x cols}: one scale per tensor. */
  public static Layer matmul(String name, int batch, int rows, int k, int cols) {
    return new Layer(name, Op.MATMUL, k, cols, 1, 1, 1, 1, rows, 1, batch, 1, false, false, null, null, null, null);
  }

  /** The dot-product length: {@code cin / groups x kh x kw} (the shared dimension for a product). */
  @JsonProperty("k")
  public int k() {
    return (int) sizes(name, cin, cout, kh, kw, groups, outH, outW, batch)[0];
  }

  /** Output elements per inference: each one accumulator, so one requantization in the unified module. */
  @JsonProperty("outputs")
  public long outputs() {
    return sizes(name, cin, cout, kh, kw, groups, outH, outW, batch)[1];
  }

  /** Multiply-accumulates per inference. */
  @JsonProperty("macs")
  public long macs() {
    return sizes(name, cin, cout, kh, kw, groups, outH, outW, batch)[2];
  }

  /** Weight elements (0 for a product of two activations). */
  @JsonIgnore
  public long weights() {
    return op == Op.MATMUL ? 0 : Math.multiplyExact((long) cout, k());
  }

  /** The activation width: the layer's own, else the bill's. */
  public int aBits(int bill) {
    return widths == null ? bill : widths.aBits();
  }

  /** The weight width: the layer's own, else the bill's. */
  public int wBits(int bill) {
    return widths == null ? bill : widths.wBits();
  }

  /** The output width its requantizer produces: the layer's own, else the bill's activation width. */
  public int outBits(int bill) {
    return widths == null ? bill : widths.outBits();
  }

  /**
   * The accumulator width that cannot overflow: {@code aBits + wBits} for one signed product plus
   * {@code ceil(log2 K)} for the sum of K of them.
   */
  public int accBits(int aBits, int wBits) {
    return aBits + wBits + ceilLog2(k());
  }

  static int ceilLog2(long v) {
    return v <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(v - 1);
  }
}
