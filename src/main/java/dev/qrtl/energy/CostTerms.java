package dev.qrtl.energy;

import java.util.List;

/**
 * The cost terms of the fast model, in the accumulator width A and output width B, and which
 * terms each scheme's hardware suggests: shifters cost A log2 A (a barrel shifter's stages),
 * adders and comparators A, multipliers by a fixed-width constant A (by a 31-bit M0) and
 * their wide product's rounding shift A^2-like growth, threshold units (2^B - 1) comparators of A
 * bits.
 */
public final class CostTerms {
  private CostTerms() {}

  public static List<String> forScheme(String scheme) {
    return switch (scheme) {
      case "shift-round", "floor", "fp32-scale" -> List.of("1", "A", "A*log2(A)", "B");
      case "shift-round-const" -> List.of("1", "A", "B");
      case "tflite-double", "tflite-single" -> List.of("1", "A", "A^2", "B");
      case "threshold" -> List.of("1", "(2^B-1)*A", "2^B-1");
      default -> throw new IllegalArgumentException("no cost terms for scheme '" + scheme + "'");
    };
  }

  public static double[] evaluate(List<String> terms, int a, int b) {
    double[] x = new double[terms.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = switch (terms.get(i)) {
        case "1" -> 1;
        case "A" -> a;
        case "B" -> b;
        case "A^2" -> (double) a * a;
        case "A*log2(A)" -> a * Math.log(a) / Math.log(2);
        case "(2^B-1)*A" -> ((1L << b) - 1) * (double) a;
        case "2^B-1" -> (1L << b) - 1;
        default -> throw new IllegalArgumentException("unknown cost term '" + terms.get(i) + "'");
      };
    }
    return x;
  }
}
