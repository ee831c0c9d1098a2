package dev.qrtl.cosim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A stimulus source, parsed from {@code --stimulus}: {@code auto} (exhaustive when the input space
 * fits the vector count, else corner cases then uniform), {@code exhaustive}, {@code corners},
 * {@code uniform}, {@code gaussian:sigma=S}, {@code laplace:b=B},
 * {@code products:k=K,a_bits=8,w_bits=8,sparsity=0.5,w_sigma=S} (accumulators summed from K
 * products of ReLU-sparse activations and Gaussian weights), or a NumPy {@code .npy} file.
 */
public record Stimulus(Kind kind, Map<String, Double> params, Path file) {
  /** The kinds of source. */
  public enum Kind { AUTO, EXHAUSTIVE, CORNERS, UNIFORM, GAUSSIAN, LAPLACE, PRODUCTS, FILE }

  public static Stimulus parse(String text) {
    if (text == null || text.isBlank() || text.equals("auto")) {
      return new Stimulus(Kind.AUTO, Map.of(), null);
    }
    if (text.endsWith(".npy")) {
      Path p = Path.of(text);
      if (!Files.isReadable(p)) {
        throw new IllegalArgumentException("stimulus file " + text + " does not exist or cannot be read");
      }
      return new Stimulus(Kind.FILE, Map.of(), p);
    }
    String[] parts = text.split(":", 2);
    Kind kind;
    try {
      kind = Kind.valueOf(parts[0].toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown stimulus '" + parts[0]
          + "'; use auto, exhaustive, corners, uniform, gaussian:sigma=S, laplace:b=B, products:k=K,... or a .npy file");
    }
    Map<String, Double> params = new LinkedHashMap<>();
    if (parts.length == 2 && !parts[1].isBlank()) {
      for (String kv : parts[1].split(",")) {
        String[] p = kv.split("=", 2);
        if (p.length != 2) {
          throw new IllegalArgumentException("stimulus parameter '" + kv + "' is not name=value");
        }
        try {
          params.put(p[0].trim(), Double.parseDouble(p[1].trim()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("stimulus parameter " + p[0] + " = '" + p[1] + "' is not a number");
        }
      }
    }
    Stimulus s = new Stimulus(kind, params, null);
    if (kind == Kind.GAUSSIAN) {
      s.positive("sigma", 1000);
    } else if (kind == Kind.LAPLACE) {
      s.positive("b", 1000);
    }
    return s;
  }

  /** A parameter, its default, checked positive. */
  public double positive(String name, double dflt) {
    double v = params.getOrDefault(name, dflt);
    if (!(v > 0)) {
      throw new IllegalArgumentException("stimulus parameter " + name + " must be positive, not " + v);
    }
    return v;
  }

  /** Whether the values follow a realistic distribution (so parameters should fit its spread). */
  public boolean realistic() {
    return kind == Kind.GAUSSIAN || kind == Kind.LAPLACE || kind == Kind.PRODUCTS || kind == Kind.FILE;
  }

  /**
   * The shift a per-layer shift-round unit would be given for this stimulus: the one that maps
   * three spreads of the values onto the output's largest value (the rule run-time shifts are
   * drawn around in co-simulation and energy runs).
   */
  public int fittedShift(int accBits, long outMax) {
    double spread = new ValueSampler(this, accBits, 0).spread();
    long k = Math.round(Math.log(3 * spread / Math.max(1, outMax)) / Math.log(2));
    return (int) Math.max(0, Math.min(accBits - 1, k));
  }

  @Override
  public String toString() {
    if (kind == Kind.FILE) {
      return file.toString();
    }
    return kind.name().toLowerCase(Locale.ROOT) + (params.isEmpty() ? "" : ":" + params.toString().replaceAll("[{} ]", ""));
  }
}
