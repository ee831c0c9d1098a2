package dev.qrtl.spec;

/**
 * A requantizer to generate: one record per scheme, validated when built. Not sealed: a new
 * scheme brings its own record (see {@code dev.qrtl.scheme.Schemes}).
 */
public interface QuantizerSpec extends DesignSpec {
  int MIN_ACC_BITS = 2;
  int MAX_ACC_BITS = 64;
  int MAX_PIPELINE = 8;

  /** The scheme's command-line name ({@code shift-round}, {@code tflite-double}, ...). */
  String scheme();

  int accBits();

  OutputSpec out();


  /** Registered stages (0 = combinational); the latency in cycles. */
  int pipeline();

  /** The module name, derived from every parameter that changes the logic. */
  String moduleName();

  /**
   * The scheme's parameters, each declared once with where its value comes from (constant,
   * run-time input, per-channel table), in the order the header lists them; the bias, where
   * there is one, last. Ports, the golden model's reading, test vectors, header and module name
   * follow from this list.
   */
  default java.util.List<Param> params() {
    return java.util.List.of();
  }

  /** The bias input a spec declares, if any. */
  static java.util.List<Param> withBias(java.util.List<Param> params, boolean bias, int bits) {
    if (!bias) {
      return params;
    }
    java.util.List<Param> all = new java.util.ArrayList<>(params);
    all.add(Param.port("bias", Param.Role.BIAS, bits, true, "bias"));
    return java.util.List.copyOf(all);
  }

  /** Checks what every scheme shares. */
  static void checkCommon(String scheme, int accBits, OutputSpec out, int pipeline) {
    if (accBits < MIN_ACC_BITS || accBits > MAX_ACC_BITS) {
      throw new IllegalArgumentException(scheme + ": accumulator width " + accBits + " is outside "
          + MIN_ACC_BITS + ".." + MAX_ACC_BITS + " bits");
    }
    if (out.bits() > accBits) {
      throw new IllegalArgumentException(scheme + ": output width " + out.bits()
          + " is wider than the accumulator (" + accBits + " bits)");
    }
    if (pipeline < 0 || pipeline > MAX_PIPELINE) {
      throw new IllegalArgumentException(scheme + ": pipeline " + pipeline + " is outside 0.." + MAX_PIPELINE);
    }
  }

  static String pipeTag(int pipeline) {
    return pipeline == 0 ? "" : "_p" + pipeline;
  }
}
