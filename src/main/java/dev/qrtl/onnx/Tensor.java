package dev.qrtl.onnx;

import dev.qrtl.onnx.proto.OnnxProto.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A constant tensor's shape and values (initializer, Constant node or test feed), values as
 * doubles: every integer type qrtl reads (8..32-bit, and 64-bit shapes and zero points) is exact in
 * a double, and a 64-bit value beyond 2^53 is refused rather than rounded.
 */
public record Tensor(String name, int dataType, long[] dims, double[] values) {
  /** The most elements qrtl decodes from one tensor (a ResNet-50 has 25 M weights in all). */
  static final long MAX_ELEMENTS = 1L << 28;

  public long size() {
    return count(dims);
  }

  /** The only value of a scalar (or one-element) tensor. */
  public double scalar(String role) {
    if (values.length != 1) {
      throw new OnnxException(role + " '" + name + "' has " + values.length + " values where one is expected");
    }
    return values[0];
  }

  static long count(long[] dims) {
    long n = 1;
    for (long d : dims) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  /** Only the shape: a weight whose values qrtl never needs. */
  static long[] dimsOf(TensorProto t) {
    long[] dims = t.getDimsList().stream().mapToLong(Long::longValue).toArray();
    for (long d : dims) {
      if (d < 0) {
        throw new OnnxException("tensor '" + t.getName() + "' has a negative dimension " + Arrays.toString(dims));
      }
    }
    return dims;
  }

  /** Decodes a tensor's values; the count must match its shape. */
  static Tensor decode(TensorProto t) {
    String name = t.getName();
    long[] dims = dimsOf(t);
    long n;
    try {
      n = count(dims);
    } catch (ArithmeticException e) {
      throw new OnnxException("tensor '" + name + "' has a shape too large to count: " + Arrays.toString(dims));
    }
    if (n > MAX_ELEMENTS) {
      throw new OnnxException("tensor '" + name + "' has " + n + " elements, more than qrtl decodes (" + MAX_ELEMENTS + ")");
    }
    if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
      throw new OnnxException("tensor '" + name + "' keeps its data in an external file, which qrtl does not read for values");
    }
    int type = t.getDataType();
    double[] v;
    boolean raw = t.hasRawData();
    ByteBuffer b = raw ? t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN) : null;
    int width = switch (type) {
      case 1, 6, 12 -> 4; // float, int32, uint32
      case 2, 3, 9 -> 1; // uint8, int8, bool
      case 4, 5 -> 2; // uint16, int16
      case 7, 11, 13 -> 8; // int64, double, uint64
      default -> throw new OnnxException("tensor '" + name + "' has data type " + type + " (" + typeName(type)
          + "), which qrtl does not read");
    };
    long given = raw ? b.remaining() / width : switch (type) {
      case 1 -> t.getFloatDataCount();
      case 7 -> t.getInt64DataCount();
      case 11 -> t.getDoubleDataCount();
      case 12, 13 -> t.getUint64DataCount();
      default -> t.getInt32DataCount();
    };
    if (raw && b.remaining() % width != 0 || given != n) {
      throw new OnnxException("tensor '" + name + "' has " + (raw ? b.remaining() + " bytes of " : given + " ") + "data for shape "
          + Arrays.toString(dims) + " (" + n + " elements of " + width + " bytes)");
    }
    v = new double[(int) n];
    for (int i = 0; i < n; i++) {
      v[i] = raw ? rawValue(b, type, name) : listValue(t, type, i, name);
    }
    return new Tensor(name, type, dims, v);
  }

  private static double rawValue(ByteBuffer b, int type, String name) {
    return switch (type) {
      case 1 -> b.getFloat();
      case 2, 9 -> Byte.toUnsignedInt(b.get());
      case 3 -> b.get();
      case 4 -> Short.toUnsignedInt(b.getShort());
      case 5 -> b.getShort();
      case 6 -> b.getInt();
      case 12 -> Integer.toUnsignedLong(b.getInt());
      case 11 -> b.getDouble();
      default -> exact(b.getLong(), type == 13, name);
    };
  }

  private static double listValue(TensorProto t, int type, int i, String name) {
    return switch (type) {
      case 1 -> t.getFloatData(i);
      case 7 -> exact(t.getInt64Data(i), false, name);
      case 11 -> t.getDoubleData(i);
      case 12, 13 -> exact(t.getUint64Data(i), true, name);
      case 2, 9 -> t.getInt32Data(i) & 0xff;
      case 3 -> (byte) t.getInt32Data(i);
      case 4 -> t.getInt32Data(i) & 0xffff;
      case 5 -> (short) t.getInt32Data(i);
      default -> t.getInt32Data(i);
    };
  }

  private static double exact(long v, boolean unsigned, String name) {
    if (unsigned ? Long.compareUnsigned(v, 1L << 53) > 0 : Math.abs(v) > 1L << 53) {
      throw new OnnxException("tensor '" + name + "' holds " + (unsigned ? Long.toUnsignedString(v) : v)
          + ", beyond the integers qrtl represents exactly (2^53)");
    }
    return v;
  }

  static String typeName(int type) {
    TensorProto.DataType d = TensorProto.DataType.forNumber(type);
    return d == null ? "unknown" : d.name().toLowerCase(java.util.Locale.ROOT);
  }
}
