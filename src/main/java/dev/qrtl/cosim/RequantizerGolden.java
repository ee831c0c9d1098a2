package dev.qrtl.cosim;

import dev.qrtl.golden.Fp32ScaleModel;
import dev.qrtl.golden.OutputRange;
import dev.qrtl.golden.ShiftRoundModel;
import dev.qrtl.golden.ThresholdModel;
import dev.qrtl.golden.TfliteModel;
import dev.qrtl.manifest.ManifestException;
import dev.qrtl.spec.Rounding;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A requantizer's golden model configured from a manifest's parameters (optionally under a prefix,
 * for the epilogues of unified and conventional modules), and the meaning of its run-time inputs.
 * {@link #apply} takes the accumulator and the values of the run-time inputs by port name.
 */
public final class RequantizerGolden {
  private final String scheme;
  private final int accBits;
  private final OutputRange out;
  private final Rounding rounding;
  private final Integer shift;
  private final List<Long> channelShifts;
  private final Integer m0;
  private final List<Long> channelM0;
  private final Long zeroPoint;
  private final Float scale;
  private final long[] thresholds;
  private final boolean bias;
  private final int latency;

  private RequantizerGolden(Map<String, String> p, String prefix) {
    this.scheme = get(p, prefix, "scheme");
    this.accBits = Integer.parseInt(get(p, prefix, "acc_bits"));
    int bits = Integer.parseInt(get(p, prefix, "out_bits"));
    boolean signed = Boolean.parseBoolean(get(p, prefix, "out_signed"));
    boolean relu = Boolean.parseBoolean(p.getOrDefault(prefix + "relu", "false"));
    boolean saturate = Boolean.parseBoolean(p.getOrDefault(prefix + "saturate", "true"));
    this.out = new OutputRange(bits, signed, relu, saturate);
    this.bias = Boolean.parseBoolean(p.getOrDefault(prefix + "bias", "false"));
    this.latency = Integer.parseInt(p.getOrDefault(prefix + "pipeline", "0"));
    String sh = p.getOrDefault(prefix + "shift", "runtime");
    this.rounding = p.containsKey(prefix + "rounding") ? Rounding.parse(p.get(prefix + "rounding")) : Rounding.FLOOR;
    this.channelShifts = sh.startsWith("per-channel") ? list(sh) : null;
    this.shift = sh.equals("runtime") || channelShifts != null ? null : Integer.parseInt(sh);
    String m = p.getOrDefault(prefix + "m0", "runtime");
    this.channelM0 = m.startsWith("per-channel") ? list(m) : null;
    this.m0 = m.equals("runtime") || channelM0 != null ? null : Integer.parseInt(m);
    String z = p.getOrDefault(prefix + "zero_point", "runtime");
    this.zeroPoint = z.equals("runtime") ? null : Long.parseLong(z);
    String f = p.getOrDefault(prefix + "scale", "runtime");
    this.scale = f.equals("runtime") ? null
        : Float.intBitsToFloat(Integer.parseUnsignedInt(f.substring(f.indexOf("0x") + 2, f.indexOf(')')), 16));
    String t = p.getOrDefault(prefix + "thresholds", "runtime");
    this.thresholds = t.equals("runtime") ? null : list(t).stream().mapToLong(Long::longValue).toArray();
    if (!List.of("shift-round", "floor", "tflite-double", "tflite-single", "fp32-scale", "threshold").contains(scheme)) {
      throw new ManifestException("no golden model for scheme '" + scheme + "'");
    }
  }

  /** The golden model of the requantizer described by {@code params} (keys under {@code prefix}). */
  public static RequantizerGolden fromParams(Map<String, String> params, String prefix) {
    try {
      return new RequantizerGolden(params, prefix);
    } catch (RuntimeException e) {
      if (e instanceof ManifestException me) {
        throw me;
      }
      throw new ManifestException("manifest parameters do not describe a requantizer" + (prefix.isEmpty() ? "" : " under '" + prefix + "'")
          + ": " + e.getMessage());
    }
  }

  private static String get(Map<String, String> p, String prefix, String key) {
    String v = p.get(prefix + key);
    if (v == null) {
      throw new ManifestException("manifest parameter '" + prefix + key + "' is missing");
    }
    return v;
  }

  private static List<Long> list(String text) {
    String inner = text.substring(text.indexOf('[') + 1, text.lastIndexOf(']'));
    return Arrays.stream(inner.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Long::parseLong).toList();
  }

  public String scheme() {
    return scheme;
  }

  public int accBits() {
    return accBits;
  }

  public OutputRange out() {
    return out;
  }

  public int latency() {
    return latency;
  }

  public boolean runtimeShift() {
    return shift == null && channelShifts == null && (scheme.equals("shift-round") || scheme.equals("floor")
        || scheme.startsWith("tflite") && channelM0 == null);
  }

  public Integer constantShift() {
    return shift;
  }

  public int thresholdCount() {
    return (1 << out.bits()) - 1;
  }

  /**
   * This model with its run-time inputs resolved to positions in a value array (the order of
   * {@code names}): the fast path of co-simulation, with no lookups by name per vector.
   */
  public java.util.function.ToLongFunction<long[]> bind(List<String> names) {
    int acc = names.indexOf("acc");
    int[] pos = new int[names.size()];
    java.util.Map<String, Integer> byName = new java.util.HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      byName.put(names.get(i), i);
    }
    java.util.function.ToIntFunction<String> at = n -> {
      Integer i = byName.get(n);
      if (i == null) {
        throw new ManifestException("the golden model needs input '" + n + "', which the design lacks");
      }
      return i;
    };
    boolean sr = scheme.equals("shift-round") || scheme.equals("floor");
    if (sr && shift == null && channelShifts == null) {
      int b = bias ? at.applyAsInt("bias") : -1;
      int k = at.applyAsInt("shift");
      Rounding r = rounding;
      OutputRange o = out;
      return v -> ShiftRoundModel.requantize(v[acc], b < 0 ? 0 : v[b], (int) v[k], r, o);
    }
    if (scheme.startsWith("tflite") && m0 == null && shift == null && channelM0 == null && zeroPoint == null) {
      int b = bias ? at.applyAsInt("bias") : -1;
      int mi = at.applyAsInt("m0");
      int si = at.applyAsInt("shift");
      int zi = at.applyAsInt("zero_point");
      boolean single = scheme.equals("tflite-single");
      OutputRange o = out;
      return v -> TfliteModel.requantize(v[acc], b < 0 ? 0 : v[b], (int) v[mi], (int) v[si], v[zi], single, o);
    }
    if (scheme.equals("threshold") && thresholds == null) {
      int[] t = new int[thresholdCount()];
      for (int i = 0; i < t.length; i++) {
        t[i] = at.applyAsInt("thr_" + i);
      }
      long offset = out.min();
      return v -> {
        long a = v[acc];
        long count = 0;
        for (int ti : t) {
          count += a >= v[ti] ? 1 : 0;
        }
        return offset + count;
      };
    }
    if (scheme.equals("fp32-scale") && scale == null && zeroPoint == null) {
      int b = bias ? at.applyAsInt("bias") : -1;
      int fi = at.applyAsInt("scale");
      int zi = at.applyAsInt("zero_point");
      OutputRange o = out;
      return v -> Fp32ScaleModel.requantize(v[acc] + (b < 0 ? 0 : v[b]), Float.intBitsToFloat((int) v[fi]), v[zi], o);
    }
    // General case: resolve names through the map (slower, still correct).
    return v -> apply(v[acc], n -> v[at.applyAsInt(n)]);
  }

  /** The expected output for {@code acc} with run-time input values read by name from {@code in}. */
  public long apply(long acc, Inputs in) {
    long b = bias ? in.get("bias") : 0;
    switch (scheme) {
      case "shift-round":
      case "floor":
        {
          int k = shift != null ? shift
              : channelShifts != null ? channelShifts.get(channelIndex(in, channelShifts.size())).intValue()
              : (int) in.get("shift");
          return ShiftRoundModel.requantize(acc, b, k, rounding, out);
        }
      case "tflite-double":
      case "tflite-single":
        {
          boolean single = scheme.equals("tflite-single");
          int mm;
          int ss;
          if (channelM0 != null) {
            int c = channelIndex(in, channelM0.size());
            mm = channelM0.get(c).intValue();
            ss = channelShifts.get(c).intValue();
          } else {
            mm = m0 != null ? m0 : (int) in.get("m0");
            ss = shift != null ? shift : (int) in.get("shift");
          }
          long zp = zeroPoint != null ? zeroPoint : in.get("zero_point");
          return TfliteModel.requantize(acc, b, mm, ss, zp, single, out);
        }
      case "fp32-scale":
        {
          float f = scale != null ? scale : Float.intBitsToFloat((int) in.get("scale"));
          long zp = zeroPoint != null ? zeroPoint : in.get("zero_point");
          return Fp32ScaleModel.requantize(acc + b, f, zp, out);
        }
      case "threshold":
        {
          long[] t = thresholds;
          if (t == null) {
            t = new long[thresholdCount()];
            for (int i = 0; i < t.length; i++) {
              t[i] = in.get("thr_" + i);
            }
          }
          return ThresholdModel.requantize(acc, t, out.min());
        }
      default:
        throw new AssertionError(scheme);
    }
  }

  private static int channelIndex(Inputs in, int size) {
    return (int) Math.min(in.get("channel"), size - 1);
  }

  /** Run-time input values by port name. */
  @FunctionalInterface
  public interface Inputs {
    long get(String port);
  }
}
