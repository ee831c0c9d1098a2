package dev.qrtl.onnx;

import dev.qrtl.onnx.proto.OnnxProto.OperatorSetIdProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Blocked-QDQ models (ONNX opset 21 {@code block_size} on DequantizeLinear), as LLM weight
 * quantizers write them: a [1, 64, 256] int8 activation per tensor times a [256, 128] weight with a
 * scale per {@code block} elements of K (axis 0), quantized again per tensor.
 */
public final class BlockedModels {
  private BlockedModels() {}

  /** @param axis the blocked axis of the weight (0 is K); @param powerOfTwo every block scale a power of two (MX-style) */
  public static Path matmul(Path file, int block, int axis, boolean powerOfTwo) throws IOException {
    ModelBuilder b = new ModelBuilder(ModelBuilder.Form.QDQ);
    String x = b.input("x", 1, 64, 256);
    b.initializer(ModelBuilder.floats("x_scale", new long[0], 0.02f));
    b.initializer(ModelBuilder.scalarU8("x_zp", 128));
    String xd = b.add(b.node("DequantizeLinear", "x_dq", x, "x_scale", "x_zp"));
    b.initializer(ModelBuilder.bytes("w", 3, new long[] {256, 128}, 256 * 128));
    long[] sdims = axis == 0 ? new long[] {256 / Math.max(1, gcdBlock(256, block)), 128} : new long[] {256, 128 / Math.max(1, gcdBlock(128, block))};
    int n = (int) (sdims[0] * sdims[1]);
    float[] s = new float[n];
    for (int i = 0; i < n; i++) {
      s[i] = powerOfTwo ? (float) Math.scalb(1.0, -6 - i % 4) : 0.001f * (1 + i % 7);
    }
    b.initializer(ModelBuilder.floats("w_scale", sdims, s));
    String wd = b.add(b.node("DequantizeLinear", "w_dq", "w", "w_scale").addAttribute(ModelBuilder.integer("axis", axis))
        .addAttribute(ModelBuilder.integer("block_size", block)));
    String y = b.add(b.node("MatMul", "proj", xd, wd));
    b.initializer(ModelBuilder.floats("y_scale", new long[0], 0.05f));
    b.initializer(ModelBuilder.scalarU8("y_zp", 128));
    b.output(b.add(b.node("QuantizeLinear", "y_q", y, "y_scale", "y_zp")));
    var m = b.build().toBuilder().clearOpsetImport().addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(21)).build();
    Files.write(file, m.toByteArray());
    return file;
  }

  /** The number of blocks' divisor the scale tensor is sized by (a block that does not divide still gets a plausible tensor). */
  private static int gcdBlock(int d, int block) {
    return d % block == 0 ? block : Math.max(1, d / Math.max(1, d / block));
  }
}
