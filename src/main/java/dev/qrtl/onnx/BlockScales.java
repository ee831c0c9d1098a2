package dev.qrtl.onnx;

import java.util.Arrays;
import java.util.Optional;

/**
 * A QuantizeLinear or DequantizeLinear with ONNX opset 21's {@code block_size}: one scale per
 * {@code block} consecutive elements along {@code axis}, the scale tensor the input's shape with
 * that axis divided by the block size. qrtl prices whole blocks only: a block size that does not
 * divide the axis is refused, as is a scale tensor of another shape.
 *
 * @param zeroPoints one per block, in the scales' order ({0} when the node has none)
 * @param powerOfTwo every scale an exact power of two (an MX-style E8M0 scale)
 */
record BlockScales(String node, int block, int axis, double[] scales, long[] zeroPoints, boolean powerOfTwo) {
  static Optional<BlockScales> read(OnnxImport g, Node n, long[] shape) {
    long bs = n.intAttr("block_size", 0);
    if (bs == 0) {
      return Optional.empty();
    }
    if (bs < 0 || bs > 1 << 20) {
      throw new OnnxException(n.where() + ": block_size " + bs + " is outside 1..2^20");
    }
    int axis = Shapes.axis(n, n.intAttr("axis", 1), shape.length, false);
    long d = shape[axis];
    if (d % bs != 0) {
      throw new OnnxException(n.where() + ": block size " + bs + " does not divide axis " + axis + " of " + Shapes.show(shape) + " (" + d
          + " elements): qrtl prices whole blocks");
    }
    Tensor s = g.requireConstant(n.requiredInput(1, "scale"), n, "scale");
    long[] expect = shape.clone();
    expect[axis] = d / bs;
    if (!Arrays.equals(s.dims(), expect)) {
      throw new OnnxException(n.where() + ": block scales of shape " + Shapes.show(s.dims()) + ", not " + Shapes.show(expect) + " for blocks"
          + " of " + bs + " along axis " + axis + " of " + Shapes.show(shape));
    }
    boolean pow2 = true;
    for (double v : s.values()) {
      if (!(v > 0) || Double.isInfinite(v)) {
        throw new OnnxException(n.where() + ": block scale " + v + " is not a positive finite number");
      }
      pow2 &= v == Math.scalb(1.0, Math.getExponent(v));
    }
    long[] zps = new long[] {0};
    if (n.input(2).isPresent()) {
      Tensor z = g.requireConstant(n.input(2).get(), n, "zero point");
      if (!Arrays.equals(z.dims(), expect)) {
        throw new OnnxException(n.where() + ": block zero points of shape " + Shapes.show(z.dims()) + ", not " + Shapes.show(expect));
      }
      zps = Arrays.stream(z.values()).mapToLong(v -> (long) v).toArray();
    }
    return Optional.of(new BlockScales(n.label(), (int) bs, axis, s.values(), zps, pow2));
  }

  String describe(String role) {
    return role + " " + node + ": block_size " + block + " along axis " + axis + ", " + scales.length + (powerOfTwo ? " power-of-two"
        : " float") + " scales";
  }
}
