package dev.qrtl.kind;

import dev.qrtl.manifest.ManifestException;
import dev.qrtl.spec.ChannelPair;
import dev.qrtl.spec.DesignSpec;
import dev.qrtl.spec.Fp32ScaleSpec;
import dev.qrtl.spec.MacArraySpec;
import dev.qrtl.spec.MacForm;
import dev.qrtl.spec.OutputSpec;
import dev.qrtl.spec.QuantizerSpec;
import dev.qrtl.spec.Rounding;
import dev.qrtl.spec.ShiftRoundSpec;
import dev.qrtl.spec.TfliteSpec;
import dev.qrtl.spec.ThresholdSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads the specs of format-1 manifests, which users already have: their generator parameters
 * were strings ({@code "runtime"}, {@code "per-channel [1, 2]"}, {@code "0.5 (0x3f000000)"}), the
 * parts of MAC designs under key prefixes ({@code array_}, {@code epilogue_}, {@code conv_},
 * {@code bnq_}). Only the schemes that existed in format 1 appear here; this class is the one
 * place that reads those strings, and format 2 never needs it.
 */
final class Format1Specs {
  private Format1Specs() {}

  /** The spec of a format-1 manifest of kind {@code kind}, read by that kind ({@link DesignKind#fromFormat1}). */
  static DesignSpec of(String kind, Map<String, String> p, String source) {
    DesignKind<?> k = DesignKinds.find(kind).filter(x -> x.specType().isPresent()).orElseThrow(() -> new ManifestException("manifest "
        + source + ": no golden model for designs of kind '" + dev.qrtl.util.Printable.of(kind) + "'"));
    try {
      return k.fromFormat1(p);
    } catch (ManifestException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ManifestException("manifest " + source + " (format 1): its parameters do not describe a " + kind + " design: " + e.getMessage());
    }
  }

  private static String get(Map<String, String> p, String key) {
    String v = p.get(key);
    if (v == null) {
      throw new IllegalArgumentException("parameter '" + key + "' is missing");
    }
    return v;
  }

  static int integer(Map<String, String> p, String key) {
    return Integer.parseInt(get(p, key));
  }

  private static boolean flag(Map<String, String> p, String key, boolean dflt) {
    return p.containsKey(key) ? Boolean.parseBoolean(p.get(key)) : dflt;
  }

  static MacArraySpec array(Map<String, String> p, String pre) {
    int aBits = integer(p, pre + "a_bits");
    boolean aSigned = flag(p, pre + "a_signed", true);
    int wBits = integer(p, pre + "w_bits");
    boolean wSigned = flag(p, pre + "w_signed", true);
    int k = integer(p, pre + "k");
    int acc = integer(p, pre + "acc_bits");
    OptionalInt given = acc == MacArraySpec.requiredAccBits(aBits, aSigned, wBits, wSigned, k) ? OptionalInt.empty() : OptionalInt.of(acc);
    return new MacArraySpec(integer(p, pre + "rows"), integer(p, pre + "cols"), aBits, aSigned, wBits, wSigned, k, given,
        MacForm.parse(get(p, pre + "form")), integer(p, pre + "lanes"), flag(p, pre + "input_skew", true),
        flag(p, pre + "product_register", false));
  }

  static QuantizerSpec quantizer(Map<String, String> p, String pre) {
    String scheme = get(p, pre + "scheme");
    int acc = integer(p, pre + "acc_bits");
    OutputSpec out = new OutputSpec(integer(p, pre + "out_bits"), flag(p, pre + "out_signed", true), flag(p, pre + "relu", false),
        flag(p, pre + "saturate", true));
    boolean bias = flag(p, pre + "bias", false);
    int pipeline = p.containsKey(pre + "pipeline") ? integer(p, pre + "pipeline") : 0;
    String shift = p.getOrDefault(pre + "shift", "runtime");
    OptionalLong zp = p.getOrDefault(pre + "zero_point", "runtime").equals("runtime") ? OptionalLong.empty()
        : OptionalLong.of(Long.parseLong(p.get(pre + "zero_point")));
    switch (scheme) {
      case "shift-round", "floor" -> {
        Rounding r = Rounding.parse(p.getOrDefault(pre + "rounding", "floor"));
        boolean floor = scheme.equals("floor");
        if (shift.startsWith("per-channel")) {
          return new ShiftRoundSpec(acc, out, r, OptionalInt.empty(), bias, pipeline, floor, list(shift).stream().map(Long::intValue).toList());
        }
        return new ShiftRoundSpec(acc, out, r, shift.equals("runtime") ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(shift)),
            bias, pipeline, floor);
      }
      case "tflite-double", "tflite-single" -> {
        boolean single = scheme.equals("tflite-single");
        String m0 = p.getOrDefault(pre + "m0", "runtime");
        if (m0.startsWith("per-channel")) {
          List<Long> ms = list(m0);
          List<Long> ss = list(shift);
          List<ChannelPair> pairs = new ArrayList<>();
          for (int i = 0; i < ms.size(); i++) {
            pairs.add(new ChannelPair(ms.get(i).intValue(), ss.get(i).intValue()));
          }
          return new TfliteSpec(acc, out, single, OptionalInt.empty(), OptionalInt.empty(), zp, bias, pipeline, pairs);
        }
        return new TfliteSpec(acc, out, single, m0.equals("runtime") ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(m0)),
            shift.equals("runtime") ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(shift)), zp, bias, pipeline);
      }
      case "fp32-scale" -> {
        String f = p.getOrDefault(pre + "scale", "runtime");
        Optional<Float> scale = f.equals("runtime") ? Optional.empty()
            : Optional.of(Float.intBitsToFloat(Integer.parseUnsignedInt(f.substring(f.indexOf("0x") + 2, f.indexOf(')')), 16)));
        return new Fp32ScaleSpec(acc, out, scale, zp, bias, pipeline);
      }
      case "threshold" -> {
        String t = p.getOrDefault(pre + "thresholds", "runtime");
        Optional<List<Long>> th = t.equals("runtime") ? Optional.empty() : Optional.of(list(t));
        return new ThresholdSpec(acc, out, th, pipeline);
      }
      default -> throw new IllegalArgumentException("format 1 has no scheme '" + scheme + "'");
    }
  }

  private static List<Long> list(String text) {
    String inner = text.substring(text.indexOf('[') + 1, text.lastIndexOf(']'));
    return Arrays.stream(inner.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Long::parseLong).toList();
  }
}
