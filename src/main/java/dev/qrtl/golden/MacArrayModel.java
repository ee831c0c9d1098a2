package dev.qrtl.golden;

import java.util.function.IntFunction;
import java.util.function.LongUnaryOperator;

/**
 * Transaction-level models of the MAC datapath: a tile in, a tile out. The array computes
 * {@code C = A W} exactly; the unified module applies one requantizer per output; the
 * conventional pipeline requantizes, applies an integer batch norm, requantizes again and applies
 * ReLU.
 */
public final class MacArrayModel {
  private MacArrayModel() {}

  /** {@code C[i][j] = sum_t A[i][t] * W[t][j]}, exactly (every sum must fit a long). */
  public static long[][] multiply(long[][] a, long[][] w) {
    int rows = a.length;
    int k = w.length;
    int cols = w[0].length;
    long[][] c = new long[rows][cols];
    for (int i = 0; i < rows; i++) {
      if (a[i].length != k) {
        throw new IllegalArgumentException("row " + i + " of A has " + a[i].length + " terms, W has " + k + " rows");
      }
      for (int j = 0; j < cols; j++) {
        long sum = 0;
        for (int t = 0; t < k; t++) {
          sum = Math.addExact(sum, Math.multiplyExact(a[i][t], w[t][j]));
        }
        c[i][j] = sum;
      }
    }
    return c;
  }

  /** One requantizer per output; {@code requantizerOfColumn} gives column j's (bias included). */
  public static long[][] unified(long[][] acc, IntFunction<LongUnaryOperator> requantizerOfColumn) {
    long[][] q = new long[acc.length][];
    for (int i = 0; i < acc.length; i++) {
      q[i] = new long[acc[i].length];
      for (int j = 0; j < acc[i].length; j++) {
        q[i][j] = requantizerOfColumn.apply(j).applyAsLong(acc[i][j]);
      }
    }
    return q;
  }

  /**
   * The conventional pipeline per output: {@code q1 = conv_j(acc)}, {@code y = q1 * mul_j + add_j},
   * {@code q2 = bn_j(y)}, {@code q = max(q2, 0)}.
   */
  public static long[][] conventional(long[][] acc, IntFunction<LongUnaryOperator> conv, long[] bnMul, long[] bnAdd,
      IntFunction<LongUnaryOperator> bn) {
    long[][] q = new long[acc.length][];
    for (int i = 0; i < acc.length; i++) {
      q[i] = new long[acc[i].length];
      for (int j = 0; j < acc[i].length; j++) {
        long q1 = conv.apply(j).applyAsLong(acc[i][j]);
        long y = q1 * bnMul[j] + bnAdd[j];
        long q2 = bn.apply(j).applyAsLong(y);
        q[i][j] = Math.max(q2, 0);
      }
    }
    return q;
  }
}
