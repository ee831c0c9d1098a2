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
 * {@code np.save(path, t.numpy())}. Anything else - a bad magic, an unknown version, a header
 * length past the end, a malformed header, a negative or huge dimension, no values, Fortran
 * order, floating-point data, truncated data - is refused with one line naming the file, the
 * position and what was expected.
 */
public final class NpyReader {
  /** The values, flattened in C order, and the shape. */
  public record NpyArray(long[] values, List<Integer> shape) {}

  /** The most values qrtl reads from one file (a long[] of this size is 2 GiB). */
  static final long MAX_VALUES = 1L << 28;

  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-zA-Z])(\\d{1,2})'");
  private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private NpyReader() {}

  public static NpyArray read(Path file) {
    return parse(bytes(file), file.toString());
  }

  private static byte[] bytes(Path file) {
    byte[] all;
    try {
      long size = Files.size(file);
      if (size > MAX_VALUES * 8 + (1 << 20)) {
        throw bad(file, "is " + size + " bytes, more than qrtl reads from a stimulus file");
      }
      all = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
    }
    return all;
  }

  /** Parses the bytes of a .npy file; {@code name} names it in messages. */
  public static NpyArray parse(byte[] all, String name) {
    Layout l = layout(all, name);
    String kind = l.kind();
    if (kind.equals("f")) {
      throw new IllegalArgumentException(name + " holds floating-point data (" + l.descr()
          + "); qrtl needs integers: quantize first, e.g. np.save(path, np.round(x).astype(np.int32))");
    }
    if (!kind.equals("i") && !kind.equals("u")) {
      throw new IllegalArgumentException(name + ": unsupported .npy type " + l.descr() + " (qrtl reads signed and unsigned integers)");
    }
    int size = l.size();
    boolean unsigned = kind.equals("u");
    if (size != 1 && size != 2 && size != 4 && size != 8 || unsigned && size == 8) {
      throw new IllegalArgumentException(name + ": unsupported integer type " + l.descr() + " (int8..int64, uint8..uint32)");
    }
    ByteBuffer data = l.data(all);
    long[] values = new long[l.count()];
    for (int i = 0; i < values.length; i++) {
      values[i] = switch (size) {
        case 1 -> unsigned ? data.get(i) & 0xffL : data.get(i);
        case 2 -> unsigned ? data.getShort(i * 2) & 0xffffL : data.getShort(i * 2);
        case 4 -> unsigned ? data.getInt(i * 4) & 0xffffffffL : data.getInt(i * 4);
        default -> data.getLong(i * 8);
      };
    }
    return new NpyArray(values, l.shape());
  }

  /** A float32 or float64 .npy file's values, flattened in C order (real scales, for instance). */
  public static double[] readDoubles(Path file) {
    return parseDoubles(bytes(file), file.toString());
  }

  /** Parses the bytes of a float32 or float64 .npy file. */
  public static double[] parseDoubles(byte[] all, String name) {
    Layout l = layout(all, name);
    if (!l.kind().equals("f") || l.size() != 4 && l.size() != 8) {
      throw new IllegalArgumentException(name + ": unsupported .npy type " + l.descr() + " (float32 or float64 expected)");
    }
    ByteBuffer data = l.data(all);
    double[] values = new double[l.count()];
    for (int i = 0; i < values.length; i++) {
      values[i] = l.size() == 4 ? data.getFloat(i * 4) : data.getDouble(i * 8);
    }
    return values;
  }

  /** Where a .npy file's values are and how they are stored. */
  private record Layout(String kind, int size, ByteOrder order, List<Integer> shape, int count, int dataStart, String descr) {
    ByteBuffer data(byte[] all) {
      return ByteBuffer.wrap(all, dataStart, count * size).slice().order(order);
    }
  }

  /** Parses the bytes of a .npy file; {@code name} names it in messages. */
  private static Layout layout(byte[] all, String name) {
    if (all.length < 10 || (all[0] & 0xff) != 0x93 || !new String(all, 1, 5, StandardCharsets.ISO_8859_1).equals("NUMPY")) {
      throw new IllegalArgumentException(name + " is not a NumPy .npy file (bad magic at byte 0)");
    }
    int major = all[6] & 0xff;
    ByteBuffer bb = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
    long headerLen;
    int headerStart;
    if (major == 1) {
      headerLen = bb.getShort(8) & 0xffff;
      headerStart = 10;
    } else if (major == 2 || major == 3) {
      if (all.length < 12) {
        throw new IllegalArgumentException(name + ": truncated .npy header (" + all.length + " bytes)");
      }
      headerLen = bb.getInt(8) & 0xffffffffL;
      headerStart = 12;
    } else {
      throw new IllegalArgumentException(name + ": unsupported .npy format version " + major + " at byte 6 (qrtl reads 1, 2 and 3)");
    }
    if (headerStart + headerLen > all.length) {
      throw new IllegalArgumentException(name + ": the .npy header claims " + headerLen + " bytes at byte " + headerStart + ", but the file has "
          + all.length);
    }
    int dataStart = (int) (headerStart + headerLen);
    String header = new String(all, headerStart, (int) headerLen, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    Matcher d = DESCR.matcher(header);
    Matcher o = ORDER.matcher(header);
    Matcher s = SHAPE.matcher(header);
    if (!d.find() || !o.find() || !s.find()) {
      throw new IllegalArgumentException(name + ": malformed .npy header at byte " + headerStart
          + " (expected 'descr', 'fortran_order' and 'shape'): " + printable(header));
    }
    if (o.group(1).equals("True")) {
      throw new IllegalArgumentException(name + ": Fortran-ordered arrays are not supported; save with np.ascontiguousarray");
    }
    int size = Integer.parseInt(d.group(3));
    ByteOrder order = d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    List<Integer> shape = new ArrayList<>();
    long count = 1;
    for (String dim : s.group(1).split(",")) {
      String t = dim.strip();
      if (t.isEmpty()) {
        continue;
      }
      if (!t.matches("\\d{1,10}") || Long.parseLong(t) > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(name + ": the .npy shape (" + printable(s.group(1)) + ") has a dimension '" + printable(t)
            + "' that is not a size (a non-negative integer below 2^31)");
      }
      int n = Integer.parseInt(t);
      shape.add(n);
      count = count > MAX_VALUES || n > MAX_VALUES ? MAX_VALUES + 1 : count * n;
    }
    if (count > MAX_VALUES) {
      throw new IllegalArgumentException(name + ": the .npy shape " + shape + " holds more than " + MAX_VALUES + " values");
    }
    if (count == 0) {
      throw new IllegalArgumentException(name + ": the .npy array of shape " + shape + " holds no values");
    }
    if ((long) dataStart + count * size > all.length) {
      throw new IllegalArgumentException(name + ": truncated data: the header promises " + count + " values of " + size + " bytes from byte "
          + dataStart + ", the file has " + all.length + " bytes");
    }
    return new Layout(d.group(2), size, order, shape, (int) count, dataStart, printable(d.group(0)));
  }

  private static IllegalArgumentException bad(Path file, String why) {
    return new IllegalArgumentException(file + " " + why);
  }

  /** A header excerpt for a one-line message: control characters escaped, at most 120 characters. */
  static String printable(String text) {
    StringBuilder sb = new StringBuilder();
    for (char c : text.strip().toCharArray()) {
      if (sb.length() >= 120) {
        return sb.append("...").toString();
      }
      sb.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return sb.toString();
  }
}
