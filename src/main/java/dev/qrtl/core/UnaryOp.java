package dev.qrtl.core;

/** Operators of {@link Unary}. */
public enum UnaryOp {
  NOT("~"),
  NEG("-"),
  AND_REDUCE("&"),
  OR_REDUCE("|"),
  XOR_REDUCE("^");

  private final String symbol;

  UnaryOp(String symbol) {
    this.symbol = symbol;
  }

  /** The Verilog operator. */
  public String symbol() {
    return symbol;
  }
}
