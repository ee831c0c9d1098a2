package dev.qrtl.network;

import dev.qrtl.results.Blocks;
import dev.qrtl.results.Elementwise;
import dev.qrtl.results.Layer;
import dev.qrtl.results.Widths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One decoder layer of a 7-billion-parameter Llama-style model (Touvron et al., "LLaMA: Open and
 * Efficient Foundation Language Models", 2023, Table 2 for 6.7B: hidden 4096, 32 heads of 128,
 * gated MLP (SwiGLU) of 11008): the Q, K, V and output projections, QK^T and AV per head, and the
 * gate, up and down projections, in one of two phases: prefill (T tokens at once, attention over
 * all T, computed dense as kernels do, masked) or decode (one token, attention over a KV cache of L
 * positions, the token's own included). Between the layers: the two residual adds (after
 * attention, after the MLP) and the SwiGLU product of gate and up (its SiLU a lookup); RMSNorm,
 * RoPE and softmax are not requantizers and are not priced.
 *
 * <p>The weight scheme sets the projections' MACs: {@code w8} int8 per output channel (the plain
 * PE), {@code w4g128} 4-bit weights with a binary16 scale per 128 along K (the group-scaled PE, as
 * GPTQ/AWQ kernels), {@code mxfp4} OCP MXFP4 (an E2M1 element is an integer of half units, -12..12,
 * so a 5-bit signed weight, with an E8M0 power of two per 32: the group-scaled PE with shifts). The
 * activation scheme sets what the outputs become: {@code int8} per tensor (each scheme's
 * requantizer), or {@code mxint8}/{@code mxfp8} (OCP MX, block 32: the MX block quantizer of that
 * format requantizes the accumulators, whatever the scheme, and the activations' shared exponent
 * per 32 along K joins the MACs' group scale). An MXFP8 activation is priced as 8-bit elements: the
 * E4M3 element's own exponent in the multiplier is not (docs/network.md).
 */
public final class LlamaLayer {
  private LlamaLayer() {}

  public static final int HIDDEN = 4096;
  public static final int HEADS = 32;
  public static final int HEAD_DIM = HIDDEN / HEADS;
  public static final int FFN = 11008;
  /** The MX block size along K. */
  static final int MX_BLOCK = 32;

  /** Prefill (a prompt of T tokens) or decode (one token against a KV cache). */
  public enum Phase {
    PREFILL, DECODE;

    public String cliName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The projections' weights. */
  public enum Weights {
    W8("w8"), W4G128("w4g128"), MXFP4("mxfp4");

    final String cliName;

    Weights(String cliName) {
      this.cliName = cliName;
    }

    public String cliName() {
      return cliName;
    }
  }

  /** The activations every layer's output becomes. */
  public enum Activations {
    INT8("int8", null), MXINT8("mxint8", "mxint8"), MXFP8("mxfp8", "mxfp8-e4m3");

    final String cliName;
    final String format;

    Activations(String cliName, String format) {
      this.cliName = cliName;
      this.format = format;
    }

    public String cliName() {
      return cliName;
    }
  }

  /**
   * The layer to bill.
   *
   * @param tokens prefill: the prompt's tokens; decode: 1
   * @param context attention's length: T in prefill, the KV cache's L in decode
   */
  public record Options(Phase phase, int tokens, int context, Weights weights, Activations activations) {
    public Options {
      if (tokens < 1 || tokens > 65_536 || context < 1 || context > 1 << 20) {
        throw new IllegalArgumentException("llama-layer: " + tokens + " tokens against " + context + " positions is outside 1..65536 and"
            + " 1..2^20");
      }
      if (phase == Phase.DECODE && tokens != 1 || phase == Phase.PREFILL && context != tokens) {
        throw new IllegalArgumentException("llama-layer: decode is one token against its KV cache; prefill attends over its own tokens");
      }
    }

    /** The bill's name: llama-layer-prefill, llama-layer-decode-w4g128-mxint8. */
    public String name() {
      return "llama-layer-" + phase.cliName() + (weights == Weights.W8 && activations == Activations.INT8 ? ""
          : "-" + weights.cliName + "-" + activations.cliName);
    }
  }

  public static Network build(Options o) {
    int t = o.tokens();
    int l = o.context();
    List<Layer> layers = new ArrayList<>();
    for (String p : new String[] {"q_proj", "k_proj", "v_proj"}) {
      layers.add(projection("self_attn." + p, t, HIDDEN, HIDDEN, o));
    }
    layers.add(attention("self_attn.scores (QK^T)", t, HEAD_DIM, l, o));
    layers.add(attention("self_attn.context (AV)", t, l, HEAD_DIM, o));
    layers.add(projection("self_attn.o_proj", t, HIDDEN, HIDDEN, o));
    layers.add(projection("mlp.gate_proj", t, HIDDEN, FFN, o));
    layers.add(projection("mlp.up_proj", t, HIDDEN, FFN, o));
    layers.add(projection("mlp.down_proj", t, FFN, HIDDEN, o));
    List<Elementwise> ew = List.of(
        new Elementwise("self_attn.residual", Elementwise.Kind.ADD, "residual add", (long) t * HIDDEN, 1, null),
        new Elementwise("mlp.act_fn (SiLU)", Elementwise.Kind.LOOKUP, "SiLU", (long) t * FFN, 1, null),
        new Elementwise("mlp.gate * up", Elementwise.Kind.MUL, "SwiGLU product", (long) t * FFN, 1, null),
        new Elementwise("mlp.residual", Elementwise.Kind.ADD, "residual add", (long) t * HIDDEN, 1, null));
    String shape = o.phase() == Phase.PREFILL ? "prefill of " + t + " tokens" : "decode of 1 token against a KV cache of " + l;
    return new Network(o.name(), "Touvron et al., LLaMA, 2023 (7B: hidden 4096, 32 heads of 128, SwiGLU MLP 11008); one decoder layer, "
        + shape + "; weights " + o.weights().cliName() + ", activations " + o.activations().cliName(), "1 x " + t + " tokens x 4096",
        layers, ew, List.of(), t);
  }

  /** A projection: {@code rows x k} activations by the {@code k x n} weight in the scheme's form. */
  private static Layer projection(String name, int rows, int k, int n, Options o) {
    Widths w = switch (o.weights()) {
      case W8 -> null;
      case W4G128 -> new Widths(8, 4, 8, "W4 per group of 128 along K (binary16 scales)");
      case MXFP4 -> new Widths(8, 5, 8, "MXFP4 weights: E2M1 in half units is a 5-bit signed integer");
    };
    int weightGroup = switch (o.weights()) {
      case W8 -> 0;
      case W4G128 -> 128;
      case MXFP4 -> MX_BLOCK;
    };
    String weightScale = o.weights() == Weights.W4G128 ? "fp16" : "shift";
    // Llama's projections have no bias; their scales are calibrated (no model file gives them)
    return new Layer(name, Layer.Op.GEMM, k, n, 1, 1, 1, 1, rows, 1, 1, n, false, false, NO_BIAS, null, w,
        blocks(weightGroup, weightScale, o));
  }

  private static final dev.qrtl.results.Quantization NO_BIAS = new dev.qrtl.results.Quantization(null, null, 0, true, 0, null, false);

  /** A product of two activations per head: one scale per tensor in int8, a shared exponent per 32 along K in MX. */
  private static Layer attention(String name, int rows, int k, int cols, Options o) {
    return new Layer(name, Layer.Op.MATMUL, k, cols, 1, 1, 1, 1, rows, 1, HEADS, 1, false, false, NO_BIAS, null, null, blocks(0, "shift", o));
  }

  /**
   * The K-groups of a layer's MACs and its output's MX blocks: MX activations bring a power of two
   * per 32 along K, which divides a weight group of 128 (then the group is 32, with the weight's
   * binary16 scale times the activation's power of two: still a binary16 multiply).
   */
  private static Blocks blocks(int weightGroup, String weightScale, Options o) {
    boolean mx = o.activations().format != null;
    int group = mx ? (weightGroup == 0 ? MX_BLOCK : Math.min(weightGroup, MX_BLOCK)) : weightGroup;
    if (group == 0 && !mx) {
      return null;
    }
    String scale = weightGroup > 0 ? weightScale : "shift";
    List<String> why = new ArrayList<>();
    if (weightGroup > 0) {
      why.add("weights " + o.weights().cliName() + ": a " + weightScale + " scale per " + weightGroup + " along K");
    }
    if (mx) {
      why.add("activations " + o.activations().cliName() + ": an E8M0 exponent per " + MX_BLOCK + " along K, outputs requantized by the"
          + " MX block quantizer");
    }
    return new Blocks(group, scale, mx ? MX_BLOCK : 0, mx ? o.activations().format : null, String.join("; ", why));
  }
}
