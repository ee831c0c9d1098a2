package dev.qrtl.core;

import java.math.BigInteger;

/** A constant of a given type. */
public record Lit(BigInteger value, HwType type) implements Expr {
  public Lit {
    if (!type.fits(value)) {
      throw new HdlException(
          "literal " + value + " does not fit " + type + " (at " + SourceLocation.caller() + ")");
    }
  }

  /** The narrowest literal of the given signedness holding {@code value}. */
  public static Lit fitting(long value, boolean signed) {
    BigInteger v = BigInteger.valueOf(value);
    return new Lit(v, HwType.fitting(v, v, signed));
  }

  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitLit(this);
  }

  @Override
  public String toString() {
    return value + ":" + type;
  }
}
