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
