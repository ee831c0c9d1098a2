package dev.qrtl.testing;

import dev.qrtl.core.Expr;
import dev.qrtl.core.HwType;
import dev.qrtl.core.Module;
import dev.qrtl.core.ModuleBuilder;
import dev.qrtl.core.Signal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random circuits for differential testing: random expression trees over inputs,
 * registers and literals of widths 1..70, signed and unsigned, using every operator and
 * conversion of the DSL. Values wider than 70 bits are truncated back before reuse.
 */
public final class RandomCircuits {
  public static final int MAX_WIDTH = 70;
  private final Random rnd;

  public RandomCircuits(long seed) {
    this.rnd = new Random(seed);
  }

  public Module next(String name) {
    ModuleBuilder m = new ModuleBuilder(name).description("random differential-test circuit");
    List<Expr> leaves = new ArrayList<>();
    int inputs = 1 + rnd.nextInt(4);
    for (int i = 0; i < inputs; i++) {
      leaves.add(m.input("i" + i, randomType()));
    }
    int regCount = rnd.nextInt(3);
    List<Signal> regs = new ArrayList<>();
    for (int i = 0; i < regCount; i++) {
      HwType t = randomType();
      Signal r = rnd.nextBoolean()
          ? m.reg("r" + i + "_q", t, randomValue(t))
          : m.reg("r" + i + "_q", t);
      regs.add(r);
      leaves.add(r);
    }
    for (Signal r : regs) {
      Expr d = fitInto(expr(leaves, 3), r.type());
      if (rnd.nextInt(3) == 0) {
        m.next(r, d, expr(leaves, 1).orR());
      } else {
        m.next(r, d);
      }
    }
    int outputs = 1 + rnd.nextInt(3);
    for (int i = 0; i < outputs; i++) {
      Expr e = expr(leaves, 2 + rnd.nextInt(3));
      if (rnd.nextInt(4) == 0) {
        e = m.wire("w" + i, e);
      }
      int extra = rnd.nextInt(3) == 0 ? rnd.nextInt(4) : 0;
      Signal o = m.output("o" + i, e.type().withWidth(Math.min(HwType.MAX_WIDTH, e.width() + extra)));
      m.assign(o, e);
    }
    return m.build();
  }

  private HwType randomType() {
    int w = rnd.nextInt(5) == 0 ? 1 + rnd.nextInt(MAX_WIDTH) : 1 + rnd.nextInt(16);
    return new HwType(w, rnd.nextBoolean());
  }

  private BigInteger randomValue(HwType t) {
    return t.wrap(new BigInteger(t.width(), rnd));
  }

  private Expr fitInto(Expr e, HwType t) {
    Expr x = e.signed() == t.signed() ? e : (t.signed() ? e.asSigned() : e.asUnsigned());
    return x.width() > t.width() ? x.truncate(t.width()) : x.extend(t.width());
  }

  private Expr leaf(List<Expr> leaves) {
    if (rnd.nextInt(6) == 0) {
      HwType t = randomType();
      return Expr.lit(randomValue(t), t);
    }
    return leaves.get(rnd.nextInt(leaves.size()));
  }

  /** Makes {@code b} match {@code a}'s signedness, in one of the explicit ways. */
  private Expr sameSign(Expr a, Expr b) {
    if (a.signed() == b.signed()) {
      return b;
    }
    if (a.signed()) {
      return rnd.nextBoolean() ? b.toSigned() : b.asSigned();
    }
    return b.asUnsigned();
  }

  private Expr narrow(Expr e) {
    return e.width() > MAX_WIDTH ? e.truncate(1 + rnd.nextInt(MAX_WIDTH)) : e;
  }

  Expr expr(List<Expr> leaves, int depth) {
    if (depth == 0 || rnd.nextInt(5) == 0) {
      return leaf(leaves);
    }
    Expr a = expr(leaves, depth - 1);
    int op = rnd.nextInt(26);
    Expr r;
    switch (op) {
      case 0, 1 -> r = a.add(sameSign(a, expr(leaves, depth - 1)));
      case 2, 3 -> r = a.sub(sameSign(a, expr(leaves, depth - 1)));
      case 4 -> r = a.mul(sameSign(a, expr(leaves, depth - 1)));
      case 5 -> r = a.neg();
      case 6 -> r = a.and(sameSign(a, expr(leaves, depth - 1)));
      case 7 -> r = a.or(sameSign(a, expr(leaves, depth - 1)));
      case 8 -> r = a.xor(sameSign(a, expr(leaves, depth - 1)));
      case 9 -> r = a.not();
      case 10 -> {
        Expr b = sameSign(a, expr(leaves, depth - 1));
        r = switch (rnd.nextInt(6)) {
          case 0 -> a.eq(b);
          case 1 -> a.ne(b);
          case 2 -> a.lt(b);
          case 3 -> a.le(b);
          case 4 -> a.gt(b);
          default -> a.ge(b);
        };
      }
      case 11 -> r = switch (rnd.nextInt(3)) {
        case 0 -> a.andR();
        case 1 -> a.orR();
        default -> a.xorR();
      };
      case 12 -> r = a.shl(rnd.nextInt(8));
      case 13 -> r = a.shr(rnd.nextInt(a.width() + 3));
      case 14 -> r = rnd.nextBoolean() ? a.srl(rnd.nextInt(a.width() + 2)) : a.sra(rnd.nextInt(a.width() + 2));
      case 15 -> r = a.shl(amount(leaves, depth));
      case 16 -> r = a.shr(amount(leaves, depth));
      case 17 -> r = rnd.nextBoolean() ? a.srl(amount(leaves, depth)) : a.sra(amount(leaves, depth));
      case 18 -> {
        Expr sel = expr(leaves, depth - 1);
        Expr bit = sel.width() == 1 && !sel.signed() ? sel : sel.orR();
        r = Expr.mux(bit, a, sameSign(a, expr(leaves, depth - 1)));
      }
      case 19 -> {
        int lo = rnd.nextInt(a.width());
        int hi = lo + rnd.nextInt(a.width() - lo);
        r = a.slice(hi, lo);
      }
      case 20 -> r = Expr.cat(a, expr(leaves, depth - 1));
      case 21 -> r = a.extend(a.width() + rnd.nextInt(8));
      case 22 -> r = a.truncate(1 + rnd.nextInt(a.width()));
      case 23 -> r = a.signed() ? a.asUnsigned() : a.asSigned();
      case 24 -> r = a.toSigned();
      default -> r = a.bit(rnd.nextInt(a.width()));
    }
    return narrow(r);
  }

  private Expr amount(List<Expr> leaves, int depth) {
    Expr amt = expr(leaves, depth - 1).asUnsigned();
    return amt.width() > 3 ? amt.truncate(1 + rnd.nextInt(3)) : amt;
  }

  /** A random bit pattern for each data input. */
  public static BigInteger randomPattern(Random rnd, HwType t) {
    return new BigInteger(t.width(), rnd);
  }
}
