package dev.qrtl.spec;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Float requantization {@code q = clamp(round_half_even(float32(acc + bias) * scale) + zp)} with
 * IEEE-754 binary32 round-to-nearest-even at the conversion and at the multiply.
 *
 * @param accBits signed accumulator width
 * @param out output format
 * @param scale constant binary32 scale (finite), or empty for a run-time {@code scale} input
 *     carrying the IEEE-754 bits
 * @param zeroPoint constant zero point, or empty for a run-time {@code zero_point} input
 * @param bias whether a {@code bias} input is added first (exactly, one bit wider)
 * @param pipeline registered stages
 */
public record Fp32ScaleSpec(int accBits, OutputSpec out, Optional<Float> scale, OptionalLong zeroPoint, boolean bias, int pipeline)
    implements QuantizerSpec {
  public Fp32ScaleSpec {
    QuantizerSpec.checkCommon("fp32-scale", accBits, out, pipeline);
    if (!out.saturate()) {
      throw new IllegalArgumentException("fp32-scale: only saturating outputs are supported (wrapping a float result is not a deployment form)");
    }
    if (scale.isPresent() && (scale.get().isNaN() || scale.get().isInfinite())) {
      throw new IllegalArgumentException("fp32-scale: scale " + scale.get() + " is not finite");
    }
    if (zeroPoint.isPresent()
        && (zeroPoint.getAsLong() < out.min().longValue() || zeroPoint.getAsLong() > out.max().longValue())) {
      throw new IllegalArgumentException("fp32-scale: zero point " + zeroPoint.getAsLong() + " is outside the output range "
          + out.min() + ".." + out.max());
    }
  }

  public int zeroPointBits() {
    return out.bits() + 1;
  }

  /** The binary32 scale (its IEEE-754 bits), the zero point, the bias. */
  @Override
  public java.util.List<Param> params() {
    Param s = scale.isPresent()
        ? new Param("scale", Param.Role.SCALE, 32, false, new ParamSource.Const(Integer.toUnsignedLong(Float.floatToRawIntBits(scale.get())),
            Float.toString(scale.get()) + " (0x" + Integer.toHexString(Float.floatToRawIntBits(scale.get())) + ")"), "f")
        : Param.port("scale", Param.Role.SCALE, 32, false, "f");
    Param z = Param.of("zero_point", Param.Role.ZERO_POINT, zeroPointBits(), true, "z", zeroPoint);
    return QuantizerSpec.withBias(java.util.List.of(s, z), bias, accBits);
  }

  @Override
  public String scheme() {
    return "fp32-scale";
  }

  @Override
  public String moduleName() {
    Param f = params().get(0);
    String s = f.isConst() ? "_f" + Long.toHexString(f.constant()) : f.nameTag(); // the scale's bits in hexadecimal
    String z = params().get(1).nameTag();
    return "requant_fp32_scale_a" + accBits + "_" + out.tag() + s + z + (bias ? "_bias" : "") + QuantizerSpec.pipeTag(pipeline);
  }
}
