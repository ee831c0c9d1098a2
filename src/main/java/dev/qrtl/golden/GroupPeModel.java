package dev.qrtl.golden;

import dev.qrtl.spec.GroupPeSpec;
import dev.qrtl.spec.GroupPeSpec.Granularity;
import java.math.BigInteger;

/**
 * The group-scaled PE's golden model, cycle by cycle from its definition: the products of a dot
 * product, summed per group of G, each group sum times its scale (exactly: a shift, an integer,
 * or a binary16 value in units of 2^-24), added into the accumulator; {@code first} starts a new
 * dot product, an invalid cycle holds everything.
 */
public final class GroupPeModel {
  private final GroupPeSpec s;
  private BigInteger groupSum = BigInteger.ZERO;
  private int inGroup;
  private BigInteger acc = BigInteger.ZERO;
  private boolean fresh = true;

  public GroupPeModel(GroupPeSpec s) {
    this.s = s;
  }

  /** One clock edge; returns the accumulator after it. */
  public BigInteger step(boolean valid, boolean first, long a, long w, long scale) {
    if (!valid) {
      return acc;
    }
    BigInteger p = BigInteger.valueOf(a).multiply(BigInteger.valueOf(w));
    if (s.granularity() == Granularity.TENSOR) {
      acc = first ? p : acc.add(p);
      return acc;
    }
    if (first) {
      groupSum = BigInteger.ZERO;
      inGroup = 0;
      fresh = true;
    }
    groupSum = groupSum.add(p);
    inGroup++;
    if (inGroup == s.group()) {
      BigInteger scaled = scaled(groupSum, scale);
      acc = fresh ? scaled : acc.add(scaled);
      fresh = false;
      groupSum = BigInteger.ZERO;
      inGroup = 0;
    }
    return acc;
  }

  /** The group sum times the scale code's value, in the accumulator's units. */
  BigInteger scaled(BigInteger g, long code) {
    return switch (s.scale()) {
      case SHIFT -> g.shiftLeft((int) code);
      case DYADIC -> g.multiply(BigInteger.valueOf(code));
      case FP16 -> {
        int field = (int) ((code >>> 10) & 0x1F);
        long mant = code & 0x3FF;
        long sig = field == 0 ? mant : mant | 0x400;
        BigInteger v = g.multiply(BigInteger.valueOf(sig)).shiftLeft(Math.max(field, 1) - 1); // sig * 2^(max(field, 1) - 25) in 2^-24
        yield (code & 0x8000) != 0 ? v.negate() : v;
      }
    };
  }
}
