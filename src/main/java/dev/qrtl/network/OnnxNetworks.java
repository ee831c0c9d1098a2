package dev.qrtl.network;

import dev.qrtl.results.Layer;
import dev.qrtl.onnx.OnnxLayer;
import dev.qrtl.onnx.OnnxModel;
import java.util.ArrayList;
import java.util.List;

/** An imported ONNX model as a network: each quantized layer with its shapes, as the built-in tables describe theirs. */
public final class OnnxNetworks {
  private OnnxNetworks() {}

  public static Network of(OnnxModel m) {
    if (m.layers().isEmpty()) {
      throw new IllegalArgumentException(m.file() + " has no quantized Conv, MatMul or Gemm (QDQ, QLinearConv/QLinearMatMul or"
          + " ConvInteger/MatMulInteger): nothing to requantize");
    }
    List<Layer> layers = new ArrayList<>();
    for (OnnxLayer l : m.layers()) {
      layers.add(layer(l));
    }
    List<String> notes = new ArrayList<>();
    m.skipped().forEach(s -> notes.add("skipped (--skip-unknown): " + s));
    notes.addAll(m.notes());
    return new Network(m.name(), m.file() + " (SHA-256 " + m.sha256() + ", " + m.producer() + ", opset " + m.opset() + ")", m.input(),
        layers, m.elementwise(), notes);
  }

  static Layer layer(OnnxLayer l) {
    long[] y = l.output();
    if (l.convolution()) {
      long[] k = l.kernel();
      int spatial = y.length - 2;
      long outH = product(y, 2, y.length - 1, l, "output");
      long kh = product(k, 0, k.length - 1, l, "kernel");
      int groups = l.groups();
      int cin = toInt(l.input()[1], l);
      int cout = toInt(y[1], l);
      Layer.Op op = groups > 1 && groups == cin && groups == cout ? Layer.Op.DEPTHWISE_CONV : Layer.Op.CONV;
      return new Layer(l.node(), op, cin, cout, toInt(kh, l), toInt(k[k.length - 1], l), toInt(l.strides().length > 0 ? l.strides()[0] : 1, l),
          groups, toInt(spatial > 1 ? outH : 1, l), toInt(y[y.length - 1], l), toInt(y[0], l), cout, l.batchNorm(), l.relu(),
          l.quantization(), l.activation(), l.widths(), l.blocks());
    }
    long[] a = l.input();
    long k = a[a.length - 1];
    long cols = y.length == 0 ? 1 : y[y.length - 1];
    long rows = y.length >= 2 ? y[y.length - 2] : 1;
    long batch = product(y, 0, Math.max(0, y.length - 2), l, "output");
    if (l.constantWeights()) {
      return new Layer(l.node(), Layer.Op.GEMM, toInt(k, l), toInt(cols, l), 1, 1, 1, 1, toInt(product(new long[] {batch, rows}, 0, 2, l, "output"), l), 1, 1, toInt(cols, l), l.batchNorm(),
          l.relu(), l.quantization(), l.activation(), l.widths(), l.blocks());
    }
    return new Layer(l.node(), Layer.Op.MATMUL, toInt(k, l), toInt(cols, l), 1, 1, 1, 1, toInt(rows, l), 1, toInt(batch, l), 1, l.batchNorm(),
        l.relu(), l.quantization(), l.activation(), l.widths(), l.blocks());
  }

  /** The product of {@code v[from..to)} in checked arithmetic: an overflow names the node and the dimensions. */
  private static long product(long[] v, int from, int to, OnnxLayer l, String what) {
    long p = 1;
    for (int i = from; i < to; i++) {
      try {
        p = Math.multiplyExact(p, v[i]);
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("node '" + l.node() + "': its " + what + " dimensions " + java.util.Arrays.toString(v)
            + " multiply past " + Long.MAX_VALUE);
      }
    }
    return p;
  }

  private static int toInt(long v, OnnxLayer l) {
    if (v < 1 || v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("node '" + l.node() + "': dimension " + v + " is outside 1.." + Integer.MAX_VALUE);
    }
    return (int) v;
  }
}
