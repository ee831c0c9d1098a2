package dev.qrtl.core;

/** Operators of {@link Binary}. SHL and SHR are the variable shifts. */
public enum BinaryOp {
  ADD("+"),
  SUB("-"),
  MUL("*"),
  AND("&"),
  OR("|"),
  XOR("^"),
  EQ("=="),
  NE("!="),
  LT("<"),
  LE("<="),
  GT(">"),
  GE(">="),
  SHL("<<"),
  SHR(">>");

  private final String symbol;

  BinaryOp(String symbol) {
    this.symbol = symbol;
  }

  /** The Verilog operator (SHR becomes {@code >>>} on signed operands). */
  public String symbol() {
    return symbol;
  }

  public boolean isComparison() {
    return this == EQ || this == NE || this == LT || this == LE || this == GT || this == GE;
  }
}
