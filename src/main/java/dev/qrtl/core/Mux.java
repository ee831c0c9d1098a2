package dev.qrtl.core;

/** {@code select ? ifTrue : ifFalse}, with both arms extended to {@code type}. */
public record Mux(Expr select, Expr ifTrue, Expr ifFalse, HwType type) implements Expr {
  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitMux(this);
  }

  @Override
  public String toString() {
    return ExprPrinter.print(this, 200);
  }
}
