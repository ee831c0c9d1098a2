package dev.qrtl.core;

/** A binary operation; built through {@link Expr}'s methods, which fix {@code type}. */
public record Binary(BinaryOp op, Expr left, Expr right, HwType type) implements Expr {
  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitBinary(this);
  }

  @Override
  public String toString() {
    return ExprPrinter.print(this, 200);
  }
}
