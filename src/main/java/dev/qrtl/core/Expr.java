package dev.qrtl.core;

import java.math.BigInteger;
import java.util.List;

/**
 * An immutable hardware expression. Every expression denotes the exact mathematical value of its
 * operation, so its {@link #type()} is chosen wide enough for every result. The width rules:
 *
 * <ul>
 *   <li>{@code add}: max(wa, wb) + 1, operands of equal signedness, same signedness out.
 *   <li>{@code sub}: max(wa, wb) + 1, operands of equal signedness, always signed out (an unsigned
 *       difference can be negative).
 *   <li>{@code neg}: w + 1, signed out.
 *   <li>{@code mul}: wa + wb, operands of equal signedness.
 *   <li>{@code and/or/xor}: max(wa, wb), operands of equal signedness, each extended by its
 *       signedness; {@code not}: same type.
 *   <li>comparisons ({@code eq ne lt le gt ge}): operands of equal signedness, result u1.
 *   <li>reductions ({@code andR orR xorR}): u1 over the bit pattern.
 *   <li>constant {@code shl(n)}: w + n, exact; constant {@code shr(n)}: max(w - n, 1), floor
 *       division by 2^n (arithmetic for signed, logical for unsigned); {@code srl(n)} and
 *       {@code sra(n)} force logical or arithmetic on the bit pattern.
 *   <li>variable {@code shl(amount)}: w + 2^wamount - 1, exact; variable {@code shr(amount)}: w,
 *       floor division by 2^amount. Amounts are unsigned.
 *   <li>{@code mux(sel, a, b)}: sel is u1, a and b of equal signedness, width max(wa, wb).
 *   <li>{@code slice(hi, lo)}: u(hi - lo + 1) of the bit pattern; {@code cat}: u(sum of widths).
 *   <li>{@code extend(w)}: sign- or zero-extension by the operand's signedness, exact;
 *       {@code toSigned()}: u(w) to s(w + 1), exact; {@code truncate(w)}: the low w bits, same
 *       signedness (wraps: the only lossy arithmetic conversion); {@code asSigned()} and
 *       {@code asUnsigned()} reinterpret the bit pattern at the same width.
 * </ul>
 *
 * Mixing signed and unsigned operands, or assigning a wider value to a narrower signal, throws an
 * {@link HdlException} naming the operands, their types and the Java source line.
 */
public sealed interface Expr permits Signal, Lit, Unary, Binary, Mux, Slice, Concat, Convert {

  HwType type();

  <R> R accept(ExprVisitor<R> visitor);

  default int width() {
    return type().width();
  }

  default boolean signed() {
    return type().signed();
  }

  // ---- arithmetic -------------------------------------------------------------------------

  default Expr add(Expr other) {
    return Ops.add(this, other);
  }

  default Expr sub(Expr other) {
    return Ops.sub(this, other);
  }

  default Expr mul(Expr other) {
    return Ops.mul(this, other);
  }

  default Expr neg() {
    return Ops.neg(this);
  }

  // ---- bitwise ----------------------------------------------------------------------------

  default Expr and(Expr other) {
    return Ops.bitwise(BinaryOp.AND, this, other);
  }

  default Expr or(Expr other) {
    return Ops.bitwise(BinaryOp.OR, this, other);
  }

  default Expr xor(Expr other) {
    return Ops.bitwise(BinaryOp.XOR, this, other);
  }

  default Expr not() {
    return Ops.unary(UnaryOp.NOT, this, type());
  }

  default Expr andR() {
    return Ops.unary(UnaryOp.AND_REDUCE, this, HwType.u(1));
  }

  default Expr orR() {
    return Ops.unary(UnaryOp.OR_REDUCE, this, HwType.u(1));
  }

  default Expr xorR() {
    return Ops.unary(UnaryOp.XOR_REDUCE, this, HwType.u(1));
  }

  // ---- comparisons ------------------------------------------------------------------------

  default Expr eq(Expr other) {
    return Ops.compare(BinaryOp.EQ, this, other);
  }

  default Expr ne(Expr other) {
    return Ops.compare(BinaryOp.NE, this, other);
  }

  default Expr lt(Expr other) {
    return Ops.compare(BinaryOp.LT, this, other);
  }

  default Expr le(Expr other) {
    return Ops.compare(BinaryOp.LE, this, other);
  }

  default Expr gt(Expr other) {
    return Ops.compare(BinaryOp.GT, this, other);
  }

  default Expr ge(Expr other) {
    return Ops.compare(BinaryOp.GE, this, other);
  }

  // ---- shifts -----------------------------------------------------------------------------

  default Expr shl(int amount) {
    return Ops.shlConst(this, amount);
  }

  default Expr shr(int amount) {
    return Ops.shrConst(this, amount);
  }

  /** Logical right shift of the bit pattern; unsigned result. */
  default Expr srl(int amount) {
    return asUnsigned().shr(amount);
  }

  /** Arithmetic right shift of the bit pattern (the top bit is the sign); signed result. */
  default Expr sra(int amount) {
    return asSigned().shr(amount);
  }

  default Expr shl(Expr amount) {
    return Ops.shlVar(this, amount);
  }

  default Expr shr(Expr amount) {
    return Ops.shrVar(this, amount);
  }

  default Expr srl(Expr amount) {
    return asUnsigned().shr(amount);
  }

  default Expr sra(Expr amount) {
    return asSigned().shr(amount);
  }

  // ---- selection and bits -----------------------------------------------------------------

  /** {@code this ? ifTrue : ifFalse}; this must be u1. */
  default Expr select(Expr ifTrue, Expr ifFalse) {
    return Ops.mux(this, ifTrue, ifFalse);
  }

  default Expr slice(int hi, int lo) {
    return Ops.slice(this, hi, lo);
  }

  default Expr bit(int index) {
    return Ops.slice(this, index, index);
  }

  // ---- conversions ------------------------------------------------------------------------

  default Expr extend(int newWidth) {
    return Ops.extend(this, newWidth);
  }

  default Expr truncate(int newWidth) {
    return Ops.truncate(this, newWidth);
  }

  default Expr asSigned() {
    return Ops.reinterpret(this, true);
  }

  default Expr asUnsigned() {
    return Ops.reinterpret(this, false);
  }

  /** Exact conversion to a signed type: unsigned u(w) becomes s(w + 1); signed is unchanged. */
  default Expr toSigned() {
    return signed() ? this : extend(width() + 1).asSigned();
  }

  // ---- static helpers ---------------------------------------------------------------------

  /** Concatenation, most significant part first. */
  static Expr cat(Expr... parts) {
    return Ops.concat(List.of(parts));
  }

  static Expr cat(List<? extends Expr> parts) {
    return Ops.concat(List.copyOf(parts));
  }

  static Expr mux(Expr sel, Expr ifTrue, Expr ifFalse) {
    return Ops.mux(sel, ifTrue, ifFalse);
  }

  static Lit lit(long value, HwType type) {
    return new Lit(BigInteger.valueOf(value), type);
  }

  static Lit lit(BigInteger value, HwType type) {
    return new Lit(value, type);
  }
}
