package dev.qrtl.onnx;

import java.util.Arrays;

/**
 * Static shape rules for the operators a quantized CNN or transformer graph uses (ONNX operator
 * specification, opset 10..19): convolutions and pools with pads, strides, dilations and
 * {@code auto_pad}, NumPy broadcasting and matrix products, Gemm, Reshape, Flatten, Transpose,
 * Concat. Each rule checks its inputs and names the node when they disagree.
 */
final class Shapes {
  private Shapes() {}

  static String show(long[] s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length; i++) {
      b.append(i == 0 ? "" : "x").append(s[i]);
    }
    return s.length == 0 ? "scalar" : b.toString();
  }

  /** Conv-like output: {@code x} is N x C x spatial..., {@code w} is M x C/group x kernel...; also pools (w null). */
  static long[] window(Node n, long[] x, long[] kernel, long channels, boolean ceil) {
    int spatial = x.length - 2;
    if (spatial < 1 || kernel.length != spatial) {
      throw new OnnxException(n.where() + ": input " + show(x) + " and a " + kernel.length + "-D kernel do not make a "
          + "convolution or pool");
    }
    long[] strides = n.intsAttr("strides", ones(spatial));
    long[] dilations = n.intsAttr("dilations", ones(spatial));
    long[] pads = n.intsAttr("pads", new long[2 * spatial]);
    if (strides.length != spatial || dilations.length != spatial || pads.length != 2 * spatial) {
      throw new OnnxException(n.where() + ": strides, dilations or pads do not match its " + spatial + " spatial dimensions");
    }
    String autoPad = n.stringAttr("auto_pad", "NOTSET");
    long[] out = new long[x.length];
    out[0] = x[0];
    out[1] = channels;
    for (int i = 0; i < spatial; i++) {
      long in = x[i + 2];
      long k = Math.addExact(Math.multiplyExact(kernel[i] - 1, dilations[i]), 1);
      if (strides[i] < 1 || dilations[i] < 1 || kernel[i] < 1 || pads[i] < 0 || pads[i + spatial] < 0) {
        throw new OnnxException(n.where() + ": strides, dilations and kernel must be positive, pads not negative");
      }
      long o = switch (autoPad) {
        case "NOTSET" -> {
          long span = Math.subtractExact(Math.addExact(Math.addExact(in, pads[i]), pads[i + spatial]), k);
          yield span < 0 ? 0 : (ceil ? Math.floorDiv(span + strides[i] - 1, strides[i]) : Math.floorDiv(span, strides[i])) + 1;
        }
        case "SAME_UPPER", "SAME_LOWER" -> Math.floorDiv(Math.addExact(in, strides[i] - 1), strides[i]);
        case "VALID" -> in < k ? 0 : (in - k) / strides[i] + 1;
        default -> throw new OnnxException(n.where() + ": unknown auto_pad '" + Names.printable(autoPad) + "'");
      };
      if (o < 1) {
        throw new OnnxException(n.where() + ": a " + show(kernel) + " window does not fit input " + show(x));
      }
      out[i + 2] = o;
    }
    return out;
  }

  static long[] ones(int n) {
    long[] a = new long[n];
    Arrays.fill(a, 1);
    return a;
  }

  /** NumPy broadcasting of two shapes. */
  static long[] broadcast(Node n, long[] a, long[] b) {
    int r = Math.max(a.length, b.length);
    long[] out = new long[r];
    for (int i = 0; i < r; i++) {
      long x = i - (r - a.length) >= 0 ? a[i - (r - a.length)] : 1;
      long y = i - (r - b.length) >= 0 ? b[i - (r - b.length)] : 1;
      if (x != y && x != 1 && y != 1) {
        throw new OnnxException(n.where() + ": shapes " + show(a) + " and " + show(b) + " do not broadcast");
      }
      out[i] = x == 1 ? y : x;
    }
    return out;
  }

  /** NumPy matmul: [..., n, k] x [..., k, m]; a 1-D operand gains and then loses a unit dimension. */
  static long[] matmul(Node n, long[] a, long[] b) {
    if (a.length == 0 || b.length == 0) {
      throw new OnnxException(n.where() + ": a matrix product of a scalar");
    }
    long[] a2 = a.length == 1 ? new long[] {1, a[0]} : a;
    long[] b2 = b.length == 1 ? new long[] {b[0], 1} : b;
    long ka = a2[a2.length - 1];
    long kb = b2[b2.length - 2];
    if (ka != kb) {
      throw new OnnxException(n.where() + ": inner dimensions differ, " + show(a) + " times " + show(b));
    }
    long[] batch = broadcast(n, Arrays.copyOf(a2, a2.length - 2), Arrays.copyOf(b2, b2.length - 2));
    long[] out = Arrays.copyOf(batch, batch.length + 2);
    out[batch.length] = a2[a2.length - 2];
    out[batch.length + 1] = b2[b2.length - 1];
    if (a.length == 1 || b.length == 1) {
      long[] squeezed = new long[out.length - 1];
      int drop = a.length == 1 ? out.length - 2 : out.length - 1;
      for (int i = 0, j = 0; i < out.length; i++) {
        if (i != drop) {
          squeezed[j++] = out[i];
        }
      }
      return squeezed;
    }
    return out;
  }

  /** Reshape with ONNX's 0 (copy the input's dimension) and -1 (infer one dimension). */
  static long[] reshape(Node n, long[] in, double[] target, boolean allowZero) {
    long[] out = new long[target.length];
    int infer = -1;
    long known = 1;
    for (int i = 0; i < target.length; i++) {
      long t = (long) target[i];
      if (t != target[i] || t < -1) {
        throw new OnnxException(n.where() + ": shape value " + target[i] + " is not a dimension");
      }
      if (t == -1) {
        if (infer >= 0) {
          throw new OnnxException(n.where() + ": two -1 dimensions in the target shape");
        }
        infer = i;
        continue;
      }
      if (t == 0 && !allowZero) {
        if (i >= in.length) {
          throw new OnnxException(n.where() + ": shape value 0 copies dimension " + i + ", which input " + show(in) + " lacks");
        }
        t = in[i];
      }
      out[i] = t;
      known = Math.multiplyExact(known, t);
    }
    long total = Tensor.count(in);
    if (infer >= 0) {
      if (known == 0 || total % known != 0) {
        throw new OnnxException(n.where() + ": cannot reshape " + show(in) + " to " + Arrays.toString(target));
      }
      out[infer] = total / known;
    } else if (known != total) {
      throw new OnnxException(n.where() + ": cannot reshape " + show(in) + " (" + total + " elements) to " + show(out));
    }
    return out;
  }

  static int axis(Node n, long axis, int rank, boolean inclusive) {
    long a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a > (inclusive ? rank : rank - 1)) {
      throw new OnnxException(n.where() + ": axis " + axis + " is outside a rank-" + rank + " tensor");
    }
    return (int) a;
  }
}
