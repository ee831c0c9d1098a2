package dev.qrtl.stimulus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads integer NumPy {@code .npy} files (format versions 1 to 3, C order, little- or big-endian
 * int8..int64 and uint8..uint32), such as tensors dumped from PyTorch with
 * {@code np.save(path, t.numpy())}. Anything else is refused with a message saying why.
 */
public final class NpyReader {
  /** The values, flattened in C order, and the shape. */
  public record NpyArray(long[] values, List<Integer> shape) {}

  private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([<>|=])([iuf])(\\d+)'");
  private static final Pattern ORDER = Pattern.compile("'fortran_order':\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

  private NpyReader() {}

  public static NpyArray read(Path file) {
    byte[] all;
    try {
      all = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
    }
    if (all.length < 10 || (all[0] & 0xff) != 0x93 || !new String(all, 1, 5, StandardCharsets.ISO_8859_1).equals("NUMPY")) {
      throw new IllegalArgumentException(file + " is not a NumPy .npy file (bad magic)");
    }
    int major = all[6];
    ByteBuffer bb = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
    int headerLen;
    int dataStart;
    if (major == 1) {
      headerLen = bb.getShort(8) & 0xffff;
      dataStart = 10 + headerLen;
    } else if (major == 2 || major == 3) {
      headerLen = bb.getInt(8);
      dataStart = 12 + headerLen;
    } else {
      throw new IllegalArgumentException(file + ": unsupported .npy format version " + major);
    }
    if (dataStart > all.length) {
      throw new IllegalArgumentException(file + ": truncated .npy header");
    }
    String header = new String(all, dataStart - headerLen, headerLen, StandardCharsets.ISO_8859_1);
    Matcher d = DESCR.matcher(header);
    Matcher o = ORDER.matcher(header);
    Matcher s = SHAPE.matcher(header);
    if (!d.find() || !o.find() || !s.find()) {
      throw new IllegalArgumentException(file + ": malformed .npy header: " + header.trim());
    }
    if (d.group(2).equals("f")) {
      throw new IllegalArgumentException(file + " holds floating-point data (" + d.group(0)
          + "); qrtl needs integers: quantize first, e.g. np.save(path, np.round(x).astype(np.int32))");
    }
    if (o.group(1).equals("True")) {
      throw new IllegalArgumentException(file + ": Fortran-ordered arrays are not supported; save with np.ascontiguousarray");
    }
    int size = Integer.parseInt(d.group(3));
    boolean unsigned = d.group(2).equals("u");
    if (size != 1 && size != 2 && size != 4 && size != 8 || unsigned && size == 8) {
      throw new IllegalArgumentException(file + ": unsupported integer type " + d.group(0).split(":")[1].trim());
    }
    ByteOrder order = d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    List<Integer> shape = new ArrayList<>();
    long count = 1;
    for (String dim : s.group(1).split(",")) {
      if (!dim.isBlank()) {
        int n = Integer.parseInt(dim.trim());
        shape.add(n);
        count *= n;
      }
    }
    if ((long) dataStart + count * size > all.length) {
      throw new IllegalArgumentException(file + ": truncated data: the header promises " + count + " values");
    }
    if (count > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(file + ": too many values (" + count + ")");
    }
    ByteBuffer data = ByteBuffer.wrap(all, dataStart, (int) (count * size)).slice().order(order);
    long[] values = new long[(int) count];
    for (int i = 0; i < values.length; i++) {
      values[i] = switch (size) {
        case 1 -> unsigned ? data.get(i) & 0xffL : data.get(i);
        case 2 -> unsigned ? data.getShort(i * 2) & 0xffffL : data.getShort(i * 2);
        case 4 -> unsigned ? data.getInt(i * 4) & 0xffffffffL : data.getInt(i * 4);
        default -> data.getLong(i * 8);
      };
    }
    return new NpyArray(values, shape);
  }
}
