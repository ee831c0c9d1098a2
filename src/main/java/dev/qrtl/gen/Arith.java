package dev.qrtl.gen;

import dev.qrtl.core.Expr;
import dev.qrtl.core.HwType;
import dev.qrtl.core.ModuleBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The structures number-format hardware is made of, for every generator: leading-one detection
 * (priority encoding) as a chain or as a tree, and normalisation (the leading one moved to the
 * top). The rounding shifter with saturation to an output format is {@code gen.quant.RoundingShift}
 * with {@code gen.quant.OutputStage}.
 */
public final class Arith {
  private Arith() {}

  /** Bits needed to hold the unsigned value {@code max}. */
  public static int bitsFor(long max) {
    return Math.max(1, 64 - Long.numberOfLeadingZeros(max));
  }

  /**
   * The index of the most significant 1 of an unsigned value (0 when the value is 0), as a
   * priority chain of multiplexers from bit 0 upward: w - 1 levels, what fp32-scale's
   * conversions have always used.
   */
  public static Expr leadingOneChain(Expr x) {
    int w = x.width();
    HwType t = HwType.u(Math.max(1, 32 - Integer.numberOfLeadingZeros(w - 1)));
    Expr index = Expr.lit(0, t);
    for (int i = 1; i < w; i++) {
      index = x.bit(i).select(Expr.lit(i, t), index);
    }
    return index;
  }

  /**
   * The same index as a balanced tree (ceil(log2 w) levels): each node of two halves takes the
   * upper half's index, with the half's select bit on top, when the upper half has a one, the
   * lower half's otherwise; also whether any bit is set. Named wires {@code <name>_l<level>_<i>}.
   *
   * @return {index (u(ceil(log2 w))), any (u1)}
   */
  public static Expr[] leadingOneTree(ModuleBuilder m, String name, Expr x) {
    int w = x.width();
    int levels = Math.max(1, 32 - Integer.numberOfLeadingZeros(w - 1));
    int size = 1 << levels;
    Expr padded = w == size ? x : x.extend(size);
    // level 0: each bit is a node with index width 0 (represented as null) and 'any' = the bit
    List<Expr> any = new ArrayList<>();
    List<Expr> index = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      any.add(padded.bit(i));
      index.add(null);
    }
    for (int level = 1; level <= levels; level++) {
      List<Expr> nextAny = new ArrayList<>();
      List<Expr> nextIndex = new ArrayList<>();
      for (int i = 0; i < any.size(); i += 2) {
        Expr hiAny = any.get(i + 1);
        Expr loAny = any.get(i);
        Expr hiIdx = index.get(i + 1);
        Expr loIdx = index.get(i);
        Expr low = hiIdx == null ? null : hiAny.select(hiIdx, loIdx);
        Expr idx = low == null ? hiAny : Expr.cat(hiAny, low);
        Expr a = hiAny.or(loAny);
        String n = name + "_l" + level + "_" + (i / 2);
        nextAny.add(level == levels ? a : m.wire(n + "_any", a));
        nextIndex.add(level == levels ? idx : m.wire(n + "_idx", idx));
      }
      any = nextAny;
      index = nextIndex;
    }
    return new Expr[] {m.wire(name, index.get(0)), m.wire(name + "_any", any.get(0))};
  }

  /** {@code x} shifted left so that its leading one (at {@code msb}) lands on the top bit; zero stays zero. */
  public static Expr normalize(Expr x, Expr msb) {
    int w = x.width();
    int bits = bitsFor(w - 1);
    Expr lz = Expr.lit(w - 1, HwType.u(bits)).sub(msb).asUnsigned().truncate(bits);
    return x.shl(lz).truncate(w);
  }

  /**
   * {@code x << amount} kept to x's width, built as a right shift of x's bits reversed (so no
   * intermediate grows by the amount's range: a variable {@code shl} widens its result by up to
   * 2^bits - 1); bits shifted past the top are dropped.
   */
  public static Expr shiftLeftWithin(Expr x, Expr amount) {
    return reverse(reverse(x.asUnsigned()).shr(amount));
  }

  /** The bits of x in the opposite order (wiring only), unsigned. */
  public static Expr reverse(Expr x) {
    List<Expr> bits = new ArrayList<>();
    for (int i = 0; i < x.width(); i++) {
      bits.add(x.bit(i));
    }
    return Expr.cat(bits);
  }

  /** The low {@code amount} bits set, {@code width} wide (amount 0..width), as a right shift of ones: no intermediate grows. */
  public static Expr lowOnes(int width, Expr amount) {
    int bits = bitsFor(width);
    Expr ones = Expr.lit(HwType.u(width).max(), HwType.u(width));
    Expr back = Expr.lit(width, HwType.u(bits + 1)).sub(amount.extend(bits + 1).asUnsigned()).asUnsigned().truncate(bits + 1);
    return ones.shr(back);
  }

  /**
   * {@code sel ? a : b} as AND and OR with {@code sel} replicated, not a multiplexer: the same
   * logic, but Yosys's {@code share} pass, which tries every pair of shifters and multipliers
   * behind multiplexers for mutually exclusive use with a SAT solver, has nothing to try (64 MX
   * element shifters behind saturation multiplexers kept it busy for over 15 minutes). Same
   * signedness; the narrower operand is extended.
   */
  public static Expr choose(Expr sel, Expr a, Expr b) {
    int w = Math.max(a.width(), b.width());
    boolean signed = a.signed();
    Expr pa = a.extend(w).asUnsigned();
    Expr pb = b.extend(w).asUnsigned();
    List<Expr> bits = new ArrayList<>();
    for (int i = 0; i < w; i++) {
      bits.add(sel);
    }
    Expr mask = Expr.cat(bits);
    Expr out = pa.and(mask).or(pb.and(mask.not()));
    return signed ? out.asSigned() : out;
  }
}
