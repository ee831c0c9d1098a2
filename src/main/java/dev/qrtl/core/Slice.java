package dev.qrtl.core;

/** Bits {@code hi..lo} of the operand's bit pattern, as an unsigned value. */
public record Slice(Expr operand, int hi, int lo) implements Expr {
  public Slice {
    if (lo < 0 || hi < lo || hi >= operand.width()) {
      throw new HdlException(
          "slice ["
              + hi
              + ":"
              + lo
              + "] is outside "
              + Ops.describe(operand)
              + " of "
              + operand.width()
              + " bits (at "
              + SourceLocation.caller()
              + ")");
    }
  }

  @Override
  public HwType type() {
    return HwType.u(hi - lo + 1);
  }

  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitSlice(this);
  }

  @Override
  public String toString() {
    return ExprPrinter.print(this, 200);
  }
}
