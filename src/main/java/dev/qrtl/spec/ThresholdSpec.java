package dev.qrtl.spec;

import java.util.Arrays;
import java.util.Optional;

/**
 * FINN-style multi-threshold requantizer: {@code q = out.min + #{i : acc >= T_i}} with
 * {@code 2^bits - 1} ascending thresholds.
 *
 * @param accBits signed accumulator width
 * @param out output format (ReLU and saturation are whatever the thresholds encode)
 * @param thresholds constant thresholds, or empty for run-time {@code thr_<i>} inputs
 * @param pipeline registered stages
 */
public record ThresholdSpec(int accBits, OutputSpec out, Optional<java.util.List<Long>> thresholds, int pipeline) implements QuantizerSpec {
  /** Constant thresholds as numbers. */
  public static Optional<java.util.List<Long>> constants(long... t) {
    return Optional.of(Arrays.stream(t).boxed().toList());
  }

  public ThresholdSpec {
    QuantizerSpec.checkCommon("threshold", accBits, out, pipeline);
    if (out.bits() > 8) {
      throw new IllegalArgumentException("threshold: " + out.bits() + "-bit output needs " + ((1L << out.bits()) - 1)
          + " comparators; the threshold scheme supports up to 8 bits");
    }
    if (thresholds.isPresent()) {
      long[] t = thresholds.get().stream().mapToLong(Long::longValue).toArray();
      if (t.length != count(out)) {
        throw new IllegalArgumentException("threshold: " + out.bits() + "-bit output needs " + count(out)
            + " thresholds, not " + t.length);
      }
      for (int i = 1; i < t.length; i++) {
        if (t[i] < t[i - 1]) {
          throw new IllegalArgumentException("threshold: thresholds must ascend, but T_" + i + " = " + t[i]
              + " < T_" + (i - 1) + " = " + t[i - 1]);
        }
      }
      thresholds = Optional.of(java.util.List.copyOf(thresholds.get()));
    }
  }

  public static int count(OutputSpec out) {
    return (1 << out.bits()) - 1;
  }

  @Override
  public String scheme() {
    return "threshold";
  }

  /** The 2^b - 1 thresholds {@code thr_<i>}, each a constant or a run-time input. */
  @Override
  public java.util.List<Param> params() {
    java.util.List<Param> p = new java.util.ArrayList<>();
    for (int i = 0; i < count(out); i++) {
      p.add(Param.of("thr_" + i, Param.Role.THRESHOLD, accBits, true, "t", thresholds.isPresent()
          ? java.util.OptionalLong.of(thresholds.get().get(i)) : java.util.OptionalLong.empty()));
    }
    return java.util.List.copyOf(p);
  }

  @Override
  public String moduleName() {
    String t = thresholds.map(v -> "_t" + Integer.toHexString(v.hashCode())).orElse("_trt"); // a List<Long> hashes as long[] does
    return "requant_threshold_a" + accBits + "_" + out.tag() + t + QuantizerSpec.pipeTag(pipeline);
  }
}
