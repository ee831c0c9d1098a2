package dev.qrtl.core;

/** A unary operation; built through {@link Expr}'s methods, which fix {@code type}. */
public record Unary(UnaryOp op, Expr operand, HwType type) implements Expr {
  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitUnary(this);
  }

  @Override
  public String toString() {
    return ExprPrinter.print(this, 200);
  }
}
