package dev.qrtl.spec;

import java.util.Locale;

/**
 * A processing element with per-group weight scales ({@code docs/reference/microscaling.md},
 * "Per-group scales"): one product {@code a * w} per valid cycle; every G consecutive products of a
 * dot product sum to a group sum, which is scaled by its group's scale before it joins the
 * accumulator. The scale is exact, so the accumulator is a wide fixed-point number: a power-of-two
 * scale shifts the group sum ({@code SHIFT}, as MX), a {@code DYADIC} one multiplies it by an m-bit
 * integer (the common 2^-k applied after the dot product), an {@code FP16} one by the half
 * precision value's significand, shifted by its exponent (units of 2^-24; no infinity or NaN: the
 * top exponent field is read as a number). With granularity {@code TENSOR} there are no group
 * scales: the plain MAC, whose one scale comes after the whole dot product.
 *
 * @param k the dot product's length the accumulator is sized for
 * @param group G, the products sharing a scale (unused for TENSOR)
 * @param scaleBits the scale code's width: the shift's (SHIFT), m (DYADIC), 16 (FP16)
 */
public record GroupPeSpec(int aBits, int wBits, int k, Granularity granularity, int group, GroupScale scale, int scaleBits, int pipeline)
    implements DesignSpec {
  /** Where the scale applies. */
  public enum Granularity {
    /** One scale for the whole dot product, after it: the plain MAC. */
    TENSOR,
    /** A scale per group of G products along K. */
    GROUP
  }

  /** How a group's scale is applied. */
  public enum GroupScale {
    SHIFT, DYADIC, FP16;

    public String cliName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public GroupPeSpec {
    if (aBits < 2 || aBits > 16 || wBits < 2 || wBits > 16) {
      throw new IllegalArgumentException("activation and weight widths must be 2..16 bits, not " + aBits + " and " + wBits);
    }
    if (k < 1 || k > 1 << 20) {
      throw new IllegalArgumentException("K " + k + " is outside 1..2^20");
    }
    if (granularity == Granularity.GROUP) {
      if (group < 2 || group > k || k % group != 0) {
        throw new IllegalArgumentException("group size " + group + ": a group is 2..K products and divides K (" + k + ")");
      }
      int lo = scale == GroupScale.FP16 ? 16 : 1;
      int hi = scale == GroupScale.FP16 ? 16 : scale == GroupScale.SHIFT ? 5 : 16;
      if (scaleBits < lo || scaleBits > hi) {
        throw new IllegalArgumentException(scale.cliName() + " group scales are " + lo + ".." + hi + " bits, not " + scaleBits);
      }
    }
    if (pipeline != 0) {
      throw new IllegalArgumentException("the group-scaled PE is one registered stage; pipeline " + pipeline + " is not offered");
    }
  }

  /** Bits of a group sum: the signed product's and log2(G) of growth. */
  public int groupSumBits() {
    return aBits + wBits + ceilLog2(granularity == Granularity.GROUP ? group : k);
  }

  /** Bits of a scaled group sum. */
  public int scaledBits() {
    int g = groupSumBits();
    if (granularity == Granularity.TENSOR) {
      return g;
    }
    return switch (scale) {
      case SHIFT -> g + (1 << scaleBits) - 1;
      case DYADIC -> g + scaleBits + 1;
      case FP16 -> g + 1 + 11 + 30;
    };
  }

  /** The accumulator: a scaled group sum and log2(K / G) bits of growth. */
  public int accBits() {
    return granularity == Granularity.TENSOR ? groupSumBits() : scaledBits() + ceilLog2(k / group);
  }

  static int ceilLog2(long v) {
    return v <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(v - 1);
  }

  public String moduleName() {
    String g = granularity == Granularity.TENSOR ? "tensor" : "g" + group + "_" + scale.cliName() + scaleBits;
    return "gpe_a" + aBits + "_w" + wBits + "_k" + k + "_" + g;
  }
}
