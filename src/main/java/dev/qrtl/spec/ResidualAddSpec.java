package dev.qrtl.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A residual-add unit (docs/reference/residual-add.md): two quantized tensors {@code a} and
 * {@code b}, each with its own scale and zero point, summed into an output with a third scale and
 * zero point: {@code y = clamp(round((s_a (a - z_a) + s_b (b - z_b)) / s_y) + z_y)}, each scheme
 * with its own way of approximating the two scale ratios. Every scale parameter and zero point is
 * a run-time input, so one unit serves every add of a network.
 *
 * @param bits the width of a, b and y (int8: 8, signed)
 * @param rounding the rounding of the final shift (shift-round and dyadic; TFLite's is fixed)
 * @param mBits the dyadic multipliers' width (dyadic only; 0 otherwise)
 */
public record ResidualAddSpec(AddScheme scheme, int bits, boolean signed, Rounding rounding, int mBits) implements DesignSpec {
  /** TFLite's left shift for 8-bit adds: both inputs are moved up 20 bits before their multipliers. */
  public static final int TFLITE_LEFT_SHIFT = 20;
  /** The widest aligning shift of the shift-round add (4-bit inputs la, lb). */
  public static final int ALIGN_BITS = 4;

  /** How the scale ratios s_a / s_y and s_b / s_y are applied. */
  public enum AddScheme {
    /** Powers of two: {@code (a - z_a) << la} and {@code (b - z_b) << lb} added, one rounding right shift by k. */
    SHIFT_ROUND,
    /** TFLite's int8 Add: both inputs shifted left 20, each through its fixed-point multiplier, the sum through the output's. */
    TFLITE,
    /** Two m-bit multipliers over one shared power of two: {@code (ma (a - z_a) + mb (b - z_b)) >> k}, rounded. */
    DYADIC,
    /** binary32: each input times its float ratio, the two products added, each step rounded to binary32, then to an integer (ties to even). */
    FP32_SCALE;

    /** The scheme's name as the requantizers spell it: shift-round, tflite, dyadic, fp32-scale. */
    public String cliName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static AddScheme parse(String s) {
      for (AddScheme a : values()) {
        if (a.cliName().equals(s)) {
          return a;
        }
      }
      throw new IllegalArgumentException("unknown residual-add scheme '" + s + "'; use one of shift-round, tflite, dyadic, fp32-scale");
    }
  }

  public ResidualAddSpec {
    if (scheme == null || rounding == null) {
      throw new IllegalArgumentException("a residual add needs a scheme and a rounding");
    }
    if (bits < 2 || bits > 16) {
      throw new IllegalArgumentException("residual-add inputs are 2..16 bits, not " + bits);
    }
    if (scheme == AddScheme.TFLITE && bits > 8) {
      throw new IllegalArgumentException("the tflite residual add is TFLite's 8-bit kernel (inputs shifted left 20 into int32); " + bits
          + " bits do not fit");
    }
    if (scheme == AddScheme.DYADIC ? mBits < 2 || mBits > 16 : mBits != 0) {
      throw new IllegalArgumentException(scheme == AddScheme.DYADIC ? "dyadic multipliers are 2..16 bits, not " + mBits
          : "m_bits is the dyadic add's alone (" + scheme.cliName() + " takes 0, not " + mBits + ")");
    }
    if (scheme == AddScheme.TFLITE && rounding != Rounding.HALF_AWAY || scheme == AddScheme.FP32_SCALE && rounding != Rounding.HALF_EVEN) {
      throw new IllegalArgumentException("the " + scheme.cliName() + " add rounds " + (scheme == AddScheme.TFLITE ? "half-away (RDBPOT)"
          : "half-even (binary32)") + ", not " + rounding.cliName());
    }
  }

  /** The default unit of a scheme at {@code bits} (signed): shift-round and dyadic round half up; dyadic multipliers of 8 bits. */
  public static ResidualAddSpec of(AddScheme scheme, int bits) {
    return new ResidualAddSpec(scheme, bits, true, switch (scheme) {
      case TFLITE -> Rounding.HALF_AWAY;
      case FP32_SCALE -> Rounding.HALF_EVEN;
      default -> Rounding.HALF_UP;
    }, scheme == AddScheme.DYADIC ? 8 : 0);
  }

  /** The run-time parameters, in port order after {@code a} and {@code b}: zero points first, then the scheme's scale inputs. */
  public List<Param> params() {
    List<Param> p = new ArrayList<>();
    p.add(Param.port("za", Param.Role.ZERO_POINT, bits, signed, "input a's zero point"));
    p.add(Param.port("zb", Param.Role.ZERO_POINT, bits, signed, "input b's zero point"));
    p.add(Param.port("zy", Param.Role.ZERO_POINT, bits, signed, "the output's zero point"));
    switch (scheme) {
      case SHIFT_ROUND -> {
        p.add(Param.port("la", Param.Role.SHIFT, ALIGN_BITS, false, "a's aligning left shift"));
        p.add(Param.port("lb", Param.Role.SHIFT, ALIGN_BITS, false, "b's aligning left shift"));
        p.add(Param.port("k", Param.Role.SHIFT, 5, false, "the rounding right shift"));
      }
      case TFLITE -> {
        for (String s : new String[] {"a", "b", "y"}) {
          p.add(Param.port("m" + s, Param.Role.MULTIPLIER, 32, true, s + "'s quantized multiplier (Q31)"));
          p.add(Param.port("r" + s, Param.Role.SHIFT, 5, false, s + "'s right shift (minus TFLite's shift, which is <= 0)"));
        }
      }
      case DYADIC -> {
        p.add(Param.port("ma", Param.Role.MULTIPLIER, mBits, false, "a's multiplier"));
        p.add(Param.port("mb", Param.Role.MULTIPLIER, mBits, false, "b's multiplier"));
        p.add(Param.port("k", Param.Role.SHIFT, 6, false, "the shared right shift"));
      }
      case FP32_SCALE -> {
        p.add(Param.port("fa", Param.Role.SCALE, 32, false, "s_a / s_y as binary32"));
        p.add(Param.port("fb", Param.Role.SCALE, 32, false, "s_b / s_y as binary32"));
      }
      default -> throw new AssertionError(scheme);
    }
    return p;
  }

  public String moduleName() {
    return "radd_" + scheme.cliName().replace('-', '_') + "_" + (signed ? "s" : "u") + bits + (scheme == AddScheme.DYADIC ? "_m" + mBits
        : "") + (scheme == AddScheme.SHIFT_ROUND || scheme == AddScheme.DYADIC ? "_" + rounding.cliName().replace('-', '_') : "");
  }
}
