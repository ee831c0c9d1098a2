package dev.qrtl.core;

import java.util.List;

/** Concatenation of bit patterns, most significant part first; unsigned. */
public record Concat(List<Expr> parts, HwType type) implements Expr {
  public Concat {
    parts = List.copyOf(parts);
  }

  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitConcat(this);
  }

  @Override
  public String toString() {
    return ExprPrinter.print(this, 200);
  }
}
