package dev.qrtl.core;

import java.math.BigInteger;
import java.util.List;

/**
 * The exact value of every IR operation on exact operand values: the single definition shared by
 * the IR evaluator and the DSL's constant folding. It is checked against Verilator by the
 * differential fuzz test.
 */
public final class Semantics {
  private Semantics() {}

  public static BigInteger unary(UnaryOp op, BigInteger a, HwType in) {
    return switch (op) {
      case NOT -> in.signed() ? a.not() : in.mask().subtract(a);
      case NEG -> a.negate();
      case AND_REDUCE -> bool(in.pattern(a).equals(in.mask()));
      case OR_REDUCE -> bool(a.signum() != 0);
      case XOR_REDUCE -> bool((in.pattern(a).bitCount() & 1) == 1);
    };
  }

  public static BigInteger binary(BinaryOp op, BigInteger a, BigInteger b) {
    return switch (op) {
      case ADD -> a.add(b);
      case SUB -> a.subtract(b);
      case MUL -> a.multiply(b);
      case AND -> a.and(b);
      case OR -> a.or(b);
      case XOR -> a.xor(b);
      case EQ -> bool(a.compareTo(b) == 0);
      case NE -> bool(a.compareTo(b) != 0);
      case LT -> bool(a.compareTo(b) < 0);
      case LE -> bool(a.compareTo(b) <= 0);
      case GT -> bool(a.compareTo(b) > 0);
      case GE -> bool(a.compareTo(b) >= 0);
      case SHL -> a.shiftLeft(b.intValueExact());
      // Amounts past the value's bit length all give the sign: avoid huge int conversions.
      case SHR -> a.shiftRight(b.bitLength() > 31 ? Integer.MAX_VALUE : b.intValue());
    };
  }

  public static BigInteger mux(BigInteger sel, BigInteger ifTrue, BigInteger ifFalse) {
    return sel.signum() != 0 ? ifTrue : ifFalse;
  }

  public static BigInteger slice(BigInteger a, HwType in, int hi, int lo) {
    return HwType.u(hi - lo + 1).pattern(in.pattern(a).shiftRight(lo));
  }

  public static BigInteger concat(List<BigInteger> values, List<HwType> types) {
    BigInteger acc = BigInteger.ZERO;
    for (int i = 0; i < values.size(); i++) {
      acc = acc.shiftLeft(types.get(i).width()).or(types.get(i).pattern(values.get(i)));
    }
    return acc;
  }

  public static BigInteger convert(ConvertOp op, BigInteger a, HwType out) {
    return switch (op) {
      case EXTEND -> a;
      case TRUNCATE, REINTERPRET -> out.wrap(a);
    };
  }

  private static BigInteger bool(boolean b) {
    return b ? BigInteger.ONE : BigInteger.ZERO;
  }
}
