package dev.qrtl.energy;

import java.util.List;
import java.util.Map;

/**
 * Evaluates the fast model's cost terms. A term is a product of factors joined by {@code *}:
 * {@code 1}, {@code A} (accumulator bits), {@code B} (output bits), {@code A^2},
 * {@code log2(A)}, {@code 2^B-1} (also in brackets), or a variable of the scheme's form such as
 * {@code m} (multiplier bits) and its square {@code m^2}. Each scheme declares the terms its
 * hardware suggests ({@code dev.qrtl.scheme.Scheme#costTerms}): shifters A log2 A (a barrel
 * shifter's stages), adders and comparators A, a multiplier by an m-bit constant A m.
 */
public final class CostTerms {
  private CostTerms() {}

  public static double[] evaluate(List<String> terms, int a, int b, Map<String, Integer> variables) {
    double[] x = new double[terms.size()];
    for (int i = 0; i < x.length; i++) {
      double v = 1;
      for (String f : terms.get(i).split("\\*")) {
        v *= factor(f.trim(), a, b, variables, terms.get(i));
      }
      x[i] = v;
    }
    return x;
  }

  private static double factor(String f, int a, int b, Map<String, Integer> vars, String term) {
    return switch (f) {
      case "1" -> 1;
      case "A" -> a;
      case "B" -> b;
      case "A^2" -> (double) a * a;
      case "log2(A)" -> Math.log(a) / Math.log(2);
      case "2^B-1", "(2^B-1)" -> (1L << b) - 1;
      default -> {
        String name = f.endsWith("^2") ? f.substring(0, f.length() - 2) : f;
        Integer v = vars.get(name);
        if (v == null) {
          throw new IllegalArgumentException("unknown cost term '" + term + "' (no variable '" + name + "' here)");
        }
        yield f.endsWith("^2") ? (double) v * v : v;
      }
    };
  }
}
