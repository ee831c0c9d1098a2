package dev.qrtl.golden;

import dev.qrtl.spec.BlockDotSpec;
import dev.qrtl.spec.MxFormat;
import java.math.BigInteger;

/**
 * The block dot product's golden model, from {@code docs/reference/microscaling.md} ("MX dot
 * product") in exact integer arithmetic: every element is an integer count of its quantum, so the
 * sum of products is an exact integer and the scales only move its exponent. NaN scales or NaN
 * elements give NaN; E5M2's infinities follow IEEE (infinity times zero and opposite infinities are
 * NaN). The binary32 form adds the exact block result to the accumulator and rounds once, to
 * nearest even, overflowing to infinity; an exactly zero result is +0 and every NaN is 0x7FC00000.
 */
public final class MxDotModel {
  private MxDotModel() {}

  /** What the block result is besides a finite number. */
  public enum Special { FINITE, POS_INF, NEG_INF, NAN }

  /** The exact block result {@code sum * 2^exponent} (both 0 unless finite). */
  public record Exact(BigInteger sum, int exponent, Special special) {}

  /** The canonical NaN the binary32 form writes. */
  public static final int FLOAT_NAN = 0x7FC00000;

  /** An element as {@code n * 2^quantum}: n, or a special. */
  private record Element(long n, Special special) {}

  private static Element element(MxFormat f, int code) {
    if (f.integer()) {
      return new Element((byte) code, Special.FINITE);
    }
    double v = f.smallFloat().decode(code);
    if (Double.isNaN(v)) {
      return new Element(0, Special.NAN);
    }
    if (Double.isInfinite(v)) {
      return new Element(0, v > 0 ? Special.POS_INF : Special.NEG_INF);
    }
    return new Element((long) Math.scalb(v, -f.quantumExponent()), Special.FINITE); // exact: v is a multiple of the quantum
  }

  /** The plain int8 dot product: the codes as signed bytes. */
  public static long plain(int[] a, int[] b) {
    long s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (long) (byte) a[i] * (byte) b[i];
    }
    return s;
  }

  /** {@code X_A * X_B * sum_i P_A[i] * P_B[i]}, exactly. */
  public static Exact exact(BlockDotSpec s, int scaleA, int[] a, int scaleB, int[] b) {
    MxFormat f = s.format();
    boolean nan = scaleA == MxFormat.SCALE.nanCode() || scaleB == MxFormat.SCALE.nanCode();
    boolean posInf = false;
    boolean negInf = false;
    BigInteger sum = BigInteger.ZERO;
    for (int i = 0; i < a.length; i++) {
      Element x = element(f, a[i]);
      Element y = element(f, b[i]);
      if (x.special() == Special.NAN || y.special() == Special.NAN) {
        nan = true;
        continue;
      }
      boolean xInf = x.special() != Special.FINITE;
      boolean yInf = y.special() != Special.FINITE;
      if (xInf || yInf) {
        boolean otherZero = xInf ? !yInf && y.n() == 0 : x.n() == 0;
        if (otherZero) {
          nan = true; // infinity times zero
          continue;
        }
        boolean negative = sign(x) != sign(y);
        posInf |= !negative;
        negInf |= negative;
        continue;
      }
      sum = sum.add(BigInteger.valueOf(x.n()).multiply(BigInteger.valueOf(y.n())));
    }
    if (nan || posInf && negInf) {
      return new Exact(BigInteger.ZERO, 0, Special.NAN);
    }
    if (posInf || negInf) {
      return new Exact(BigInteger.ZERO, 0, posInf ? Special.POS_INF : Special.NEG_INF);
    }
    int exponent = (scaleA - 127) + (scaleB - 127) + 2 * f.quantumExponent();
    return new Exact(sum, exponent, Special.FINITE);
  }

  private static boolean sign(Element e) {
    return e.special() == Special.NEG_INF || e.n() < 0;
  }

  /** {@code RNE_binary32(acc + dot)} as bits. */
  public static int fp32(BlockDotSpec s, int acc, int scaleA, int[] a, int scaleB, int[] b) {
    Exact d = exact(s, scaleA, a, scaleB, b);
    float af = Float.intBitsToFloat(acc);
    if (Float.isNaN(af) || d.special() == Special.NAN) {
      return FLOAT_NAN;
    }
    if (Float.isInfinite(af)) {
      boolean accNeg = af < 0;
      if (d.special() == Special.POS_INF && accNeg || d.special() == Special.NEG_INF && !accNeg) {
        return FLOAT_NAN;
      }
      return acc;
    }
    if (d.special() != Special.FINITE) {
      return d.special() == Special.POS_INF ? 0x7F800000 : 0xFF800000;
    }
    // acc = m * 2^(e - 150) exactly
    int field = (acc >>> 23) & 0xFF;
    long mant = acc & 0x7FFFFF;
    long sig = field == 0 ? mant : mant | 0x800000;
    int accExp = Math.max(field, 1) - 150;
    BigInteger accN = BigInteger.valueOf(acc < 0 ? -sig : sig);
    int lo = Math.min(accExp, d.exponent());
    BigInteger total = accN.shiftLeft(accExp - lo).add(d.sum().shiftLeft(d.exponent() - lo));
    return roundToFloat(total, lo);
  }

  /** {@code n * 2^e} rounded to binary32, to nearest even, overflowing to infinity; zero is +0. */
  public static int roundToFloat(BigInteger n, int e) {
    if (n.signum() == 0) {
      return 0;
    }
    int sign = n.signum() < 0 ? 0x80000000 : 0;
    BigInteger m = n.abs();
    int top = m.bitLength() - 1 + e;
    if (top >= 128) {
      return sign | 0x7F800000;
    }
    int q = Math.max(top - 23, -149);
    int drop = q - e;
    BigInteger r;
    if (drop <= 0) {
      r = m.shiftLeft(-drop);
    } else {
      r = m.shiftRight(drop);
      BigInteger rem = m.subtract(r.shiftLeft(drop));
      BigInteger half = BigInteger.ONE.shiftLeft(drop - 1);
      int c = rem.compareTo(half);
      if (c > 0 || c == 0 && r.testBit(0)) {
        r = r.add(BigInteger.ONE);
      }
    }
    if (r.bitLength() > 24) { // rounded up to 2^24
      r = r.shiftRight(1);
      q++;
    }
    if (r.bitLength() < 24) {
      return sign | r.intValueExact(); // subnormal (q = -149), or the smallest normal reached by rounding (bit 23 set)
    }
    int field = q + 23 + 127;
    if (field >= 255) {
      return sign | 0x7F800000;
    }
    return sign | (field << 23) | (r.intValueExact() & 0x7FFFFF);
  }
}
