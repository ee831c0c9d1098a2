package dev.qrtl.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small NumPy {@code .npy} files (format 1.0, C order), as {@code np.save} does. */
public final class NpyFiles {
  private NpyFiles() {}

  /** A 1-D little-endian int32 array. */
  public static Path int32(Path file, int[] values) throws IOException {
    StringBuilder h = new StringBuilder("{'descr': '<i4', 'fortran_order': False, 'shape': (" + values.length + ",), }");
    while ((10 + h.length() + 1) % 64 != 0) {
      h.append(' ');
    }
    h.append('\n');
    ByteBuffer b = ByteBuffer.allocate(10 + h.length() + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0).putShort((short) h.length());
    b.put(h.toString().getBytes(StandardCharsets.US_ASCII));
    for (int v : values) {
      b.putInt(v);
    }
    return Files.write(file, b.array());
  }
}
