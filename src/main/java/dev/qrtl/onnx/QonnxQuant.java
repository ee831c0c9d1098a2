package dev.qrtl.onnx;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * A QONNX quantizer node (domain {@code qonnx.custom_op.general}, or FINN's older
 * {@code finn.custom_op.general}): {@code Quant(x, scale, zeropt, bitwidth)} with its attributes
 * {@code signed} (default 1), {@code narrow} (default 0) and {@code rounding_mode} (default
 * ROUND), or {@code BipolarQuant(x, scale)}, values of +-scale. Its scale (one per tensor or per
 * output channel), zero point and bit width must be constants; the bit width an integer 1..32.
 *
 * @param bits the bit width the node gives (1 for BipolarQuant)
 */
record QonnxQuant(String node, double[] scales, long[] zeroPoints, int bits, boolean signed, boolean narrow, String rounding,
    boolean bipolar) {
  /** The domains QONNX's operators come from. */
  static final Set<String> DOMAINS = Set.of("qonnx.custom_op.general", "finn.custom_op.general");
  /** QONNX's rounding modes. */
  private static final Set<String> ROUNDING = Set.of("ROUND", "HALF_EVEN", "CEIL", "FLOOR", "ROUND_TO_ZERO", "UP", "DOWN", "HALF_UP",
      "HALF_DOWN");

  static QonnxQuant read(OnnxImport g, Node n, long channels) {
    String what = n.where();
    Tensor scale = g.requireConstant(n.requiredInput(1, "scale"), n, "scale");
    if (scale.values().length != 1 && scale.values().length != channels) {
      throw new OnnxException(what + ": " + scale.values().length + " scale values for " + channels + " channels");
    }
    for (double v : scale.values()) {
      if (!(v > 0) || Double.isInfinite(v)) {
        throw new OnnxException(what + ": scale " + v + " is not a positive finite number");
      }
    }
    if (n.op().equals("BipolarQuant")) {
      return new QonnxQuant(n.label(), scale.values(), new long[] {0}, 1, true, false, "SIGN", true);
    }
    Tensor zp = g.requireConstant(n.requiredInput(2, "zero point"), n, "zero point");
    if (zp.values().length != 1 && zp.values().length != channels) {
      throw new OnnxException(what + ": " + zp.values().length + " zero points for " + channels + " channels");
    }
    long[] zps = new long[zp.values().length];
    for (int i = 0; i < zps.length; i++) {
      double z = zp.values()[i];
      if (z != Math.rint(z) || Math.abs(z) > 1L << 32) {
        throw new OnnxException(what + ": zero point " + z + " is not an integer of at most 32 bits");
      }
      zps[i] = (long) z;
    }
    double bw = g.requireConstant(n.requiredInput(3, "bit width"), n, "bit width").scalar("bit width");
    if (bw != Math.rint(bw) || bw < 1 || bw > 32) {
      throw new OnnxException(what + ": bit width " + bw + " is not an integer 1..32");
    }
    long signed = n.intAttr("signed", 1);
    long narrow = n.intAttr("narrow", 0);
    if (signed != 0 && signed != 1 || narrow != 0 && narrow != 1) {
      throw new OnnxException(what + ": signed = " + signed + " and narrow = " + narrow + " must each be 0 or 1");
    }
    String rounding = n.stringAttr("rounding_mode", "ROUND").toUpperCase(Locale.ROOT);
    if (!ROUNDING.contains(rounding)) {
      throw new OnnxException(what + ": rounding_mode '" + Names.printable(rounding) + "' is not one of QONNX's (" + String.join(", ",
          ROUNDING.stream().sorted().toList()) + ")");
    }
    return new QonnxQuant(n.label(), scale.values(), zps, (int) bw, signed == 1, narrow == 1, rounding, false);
  }

  /** The width qrtl prices: the node's own, a bipolar (+-1) value as a 2-bit signed one. */
  int pricedBits() {
    return bipolar ? 2 : bits;
  }

  /** "6-bit unsigned" / "4-bit signed narrow" / "bipolar (+-1, priced as 2-bit signed)". */
  String describe() {
    if (bipolar) {
      return "bipolar (+-1, priced as 2-bit signed)";
    }
    return bits + "-bit " + (signed ? "signed" : "unsigned") + (narrow ? " narrow" : "") + (rounding.equals("ROUND") ? "" : " " + rounding);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QonnxQuant q && node.equals(q.node);
  }

  @Override
  public int hashCode() {
    return node.hashCode();
  }

  @Override
  public String toString() {
    return node + " " + describe() + " scales " + Arrays.toString(scales);
  }
}
