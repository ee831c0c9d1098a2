package dev.qrtl.spec;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Requantization by an unsigned m-bit fixed-point multiplier and a shift (a dyadic scale
 * M / 2^s): {@code q = clamp(R((acc + bias) * M / 2^s) + zp)}. m = 31 with half-up rounding is
 * TFLite's single-rounding form; m = 1 is a power of two.
 *
 * @param accBits signed accumulator width
 * @param out output format
 * @param mBits multiplier width m, 1..31: M is unsigned, 0 <= M < 2^m
 * @param rounding the rounding rule R of the division by 2^s
 * @param multiplier constant M, or empty for a run-time {@code multiplier} input (u(m))
 * @param shift constant s in 0..{@link #maxShift()}, or empty for a run-time {@code shift} input
 * @param zeroPoint constant output zero point, or empty for a run-time {@code zero_point} input
 * @param bias whether a {@code bias} input (accumulator-wide) is added first, exactly
 * @param pipeline registered stages
 * @param channels per-output-channel constant (M, s) pairs selected by a {@code channel} input
 *     (empty: per-tensor); an index past the table selects its last entry
 */
public record DyadicSpec(int accBits, OutputSpec out, int mBits, Rounding rounding, OptionalLong multiplier, OptionalInt shift,
    OptionalLong zeroPoint, boolean bias, int pipeline, List<ChannelPair> channels) implements QuantizerSpec {
  public static final int MAX_M_BITS = 31;

  public DyadicSpec {
    QuantizerSpec.checkCommon("dyadic", accBits, out, pipeline);
    if (mBits < 1 || mBits > MAX_M_BITS) {
      throw new IllegalArgumentException("dyadic: multiplier width m = " + mBits + " is outside 1.." + MAX_M_BITS);
    }
    channels = List.copyOf(channels);
    if (!channels.isEmpty() && (multiplier.isPresent() || shift.isPresent())) {
      throw new IllegalArgumentException("dyadic: give a per-tensor multiplier and shift or per-channel pairs, not both");
    }
    for (ChannelPair c : channels) {
      checkMultiplier(c.multiplier(), mBits);
      checkShift(c.shift(), accBits, mBits);
    }
    if (multiplier.isPresent()) {
      checkMultiplier(multiplier.getAsLong(), mBits);
    }
    if (shift.isPresent()) {
      checkShift(shift.getAsInt(), accBits, mBits);
    }
    if (zeroPoint.isPresent() && (zeroPoint.getAsLong() < out.min().longValue() || zeroPoint.getAsLong() > out.max().longValue())) {
      throw new IllegalArgumentException("dyadic: zero point " + zeroPoint.getAsLong() + " is outside the output range " + out.min() + ".."
          + out.max());
    }
  }

  private static void checkMultiplier(long m, int mBits) {
    if (m < 0 || m >= (1L << mBits)) {
      throw new IllegalArgumentException("dyadic: multiplier " + m + " does not fit " + mBits + " unsigned bits (0.." + ((1L << mBits) - 1) + ")");
    }
  }

  private static void checkShift(long s, int accBits, int mBits) {
    if (s < 0 || s > maxShift(accBits, mBits)) {
      throw new IllegalArgumentException("dyadic: shift " + s + " is outside 0.." + maxShift(accBits, mBits)
          + " (beyond it every product divides to 0 or -1)");
    }
  }

  /** The largest useful shift: the product's width, (accBits + 1) + m bits. */
  public static int maxShift(int accBits, int mBits) {
    return accBits + 1 + mBits;
  }

  public int maxShift() {
    return maxShift(accBits, mBits);
  }

  /** Bits of the run-time shift input: every value below 2^bits is defined (large ones divide to 0 or -1). */
  public int shiftBits() {
    return 32 - Integer.numberOfLeadingZeros(maxShift());
  }

  /** Bits of the {@code channel} input of a per-channel table. */
  public int channelBits() {
    return Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, channels.size() - 1)));
  }

  /** Width of the run-time zero-point input: one more than the output, so int and uint ranges fit. */
  public int zeroPointBits() {
    return out.bits() + 1;
  }

  /** The multiplier M and the shift s (constants, run-time inputs or per-channel tables), the zero point, the bias. */
  @Override
  public List<Param> params() {
    Param m = !channels.isEmpty() ? Param.table("multiplier", Param.Role.MULTIPLIER, mBits, false, "M", channels.stream().map(ChannelPair::multiplier).toList())
        : Param.of("multiplier", Param.Role.MULTIPLIER, mBits, false, "M", multiplier);
    Param s = !channels.isEmpty() ? Param.table("shift", Param.Role.SHIFT, shiftBits(), false, "s", channels.stream().map(c -> (long) c.shift()).toList())
        : Param.of("shift", Param.Role.SHIFT, shiftBits(), false, "s", shift.isPresent() ? OptionalLong.of(shift.getAsInt())
            : OptionalLong.empty());
    Param z = Param.of("zero_point", Param.Role.ZERO_POINT, zeroPointBits(), true, "z", zeroPoint);
    return QuantizerSpec.withBias(List.of(m, s, z), bias, accBits);
  }

  @Override
  public String scheme() {
    return "dyadic";
  }

  @Override
  public String moduleName() {
    String r = "_" + rounding.cliName().replace('-', '_');
    String ms;
    if (!channels.isEmpty()) {
      int h = 1;
      for (ChannelPair c : channels) {
        h = 31 * h + java.util.Arrays.hashCode(new long[] {c.multiplier(), c.shift()}); // the name's hash as ever
      }
      ms = "_mc" + channels.size() + "_" + Integer.toHexString(h); // one tag for the table of pairs
    } else {
      ms = params().get(0).nameTag() + params().get(1).nameTag();
    }
    String z = params().get(2).nameTag();
    return "requant_dyadic_m" + mBits + "_a" + accBits + "_" + out.tag() + r + ms + z + (bias ? "_bias" : "") + QuantizerSpec.pipeTag(pipeline);
  }
}
