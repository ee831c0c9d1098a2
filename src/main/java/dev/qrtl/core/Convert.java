package dev.qrtl.core;

/** A width or signedness conversion; see {@link ConvertOp}. */
public record Convert(ConvertOp op, Expr operand, HwType type) implements Expr {
  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitConvert(this);
  }

  @Override
  public String toString() {
    return ExprPrinter.print(this, 200);
  }
}
