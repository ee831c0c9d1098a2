package dev.qrtl.stimulus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stimulus source: one record per distribution. {@link #parse} reads the command-line form
 * ({@code auto}, {@code exhaustive}, {@code corners}, {@code uniform}, {@code gaussian:sigma=S},
 * {@code laplace:b=B}, {@code products:k=K,a_bits=8,w_bits=8,sparsity=0.5,a_sigma=S,w_sigma=S},
 * or a {@code .npy} file); {@link #text} writes it back in the same form.
 */
public sealed interface Stimulus
    permits AutoStimulus, ExhaustiveStimulus, CornersStimulus, UniformStimulus, GaussianStimulus, LaplaceStimulus,
        ProductsStimulus, NpyStimulus {

  /** Values of {@code bits} bits: requantizer accumulators, or a MAC array's operands. */
  ValueSampler sampler(int bits, long seed);

  /** A MAC array's activations (by default the same distribution as {@link #sampler}). */
  default ValueSampler activations(int bits, long seed) {
    return sampler(bits, seed);
  }

  /** A MAC array's weights (by default the same distribution as {@link #sampler}). */
  default ValueSampler weights(int bits, long seed) {
    return sampler(bits, seed);
  }

  /** Whether the values follow a realistic distribution, so run-time parameters are fitted to their spread. */
  default boolean realistic() {
    return false;
  }

  /** The command-line form, which {@link #parse} reads back. */
  String text();

  /**
   * The shift a per-layer power-of-two unit would be given for this stimulus: the one that maps
   * three spreads of the values onto the output's largest value.
   */
  default int fittedShift(int accBits, long outMax) {
    double spread = sampler(accBits, 0).spread();
    long k = Math.round(Math.log(3 * spread / Math.max(1, outMax)) / Math.log(2));
    return (int) Math.max(0, Math.min(accBits - 1, k));
  }

  /** The one converter from the command-line text; a malformed text is an {@link IllegalArgumentException} naming it. */
  static Stimulus parse(String text) {
    if (text == null || text.isBlank() || text.equals("auto")) {
      return new AutoStimulus();
    }
    if (text.endsWith(".npy")) {
      Path p = Path.of(text);
      if (!Files.isReadable(p) || Files.isDirectory(p)) {
        throw new IllegalArgumentException("stimulus file " + text + " does not exist or cannot be read");
      }
      return new NpyStimulus(p);
    }
    String[] parts = text.split(":", 2);
    Map<String, Double> params = new LinkedHashMap<>();
    if (parts.length == 2 && !parts[1].isBlank()) {
      for (String kv : parts[1].split(",")) {
        String[] p = kv.split("=", 2);
        if (p.length != 2 || p[0].isBlank()) {
          throw new IllegalArgumentException("stimulus parameter '" + kv + "' is not name=value");
        }
        try {
          double v = Double.parseDouble(p[1].trim());
          if (params.put(p[0].trim(), v) != null) {
            throw new IllegalArgumentException("stimulus parameter " + p[0].trim() + " is given twice");
          }
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("stimulus parameter " + p[0].trim() + " = '" + p[1].trim() + "' is not a number");
        }
      }
    }
    Params given = new Params(parts[0], params);
    Stimulus s = switch (parts[0]) {
      case "exhaustive" -> new ExhaustiveStimulus();
      case "corners" -> new CornersStimulus();
      case "uniform" -> new UniformStimulus();
      case "gaussian" -> new GaussianStimulus(given.number("sigma", 1000));
      case "laplace" -> new LaplaceStimulus(given.number("b", 1000));
      case "products" -> ProductsStimulus.of(given);
      default -> throw new IllegalArgumentException("unknown stimulus '" + parts[0]
          + "'; use auto, exhaustive, corners, uniform, gaussian:sigma=S, laplace:b=B, products:k=K,... or a .npy file");
    };
    given.requireAllUsed();
    return s;
  }

  /** The name=value parameters of one stimulus text, each read at most once; unknown ones are refused. */
  final class Params {
    private final String kind;
    private final Map<String, Double> values;
    private final java.util.Set<String> used = new java.util.HashSet<>();

    Params(String kind, Map<String, Double> values) {
      this.kind = kind;
      this.values = values;
    }

    double number(String name, double dflt) {
      used.add(name);
      return values.getOrDefault(name, dflt);
    }

    boolean has(String name) {
      used.add(name);
      return values.containsKey(name);
    }

    void requireAllUsed() {
      for (String n : values.keySet()) {
        if (!used.contains(n)) {
          throw new IllegalArgumentException("stimulus " + kind + " has no parameter '" + n + "'"
              + (used.isEmpty() ? " (it takes none)" : "; it takes " + String.join(", ", used)));
        }
      }
    }
  }

  /** A number as the text form writes it: integers without a fraction. */
  static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
