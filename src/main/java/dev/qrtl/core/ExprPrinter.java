package dev.qrtl.core;

/**
 * A bounded one-line dump of an expression for messages and IR tests: signals by name, literals
 * as {@code value:type}, operators in Verilog spelling. Output longer than the limit ends in
 * "...".
 */
public final class ExprPrinter implements ExprVisitor<Void> {
  private final StringBuilder out = new StringBuilder();
  private final int limit;

  private ExprPrinter(int limit) {
    this.limit = limit;
  }

  public static String print(Expr e, int limit) {
    ExprPrinter p = new ExprPrinter(limit);
    e.accept(p);
    return p.out.length() > limit ? p.out.substring(0, limit) + "..." : p.out.toString();
  }

  private boolean full() {
    return out.length() > limit;
  }

  private void sub(Expr e) {
    if (!full()) {
      e.accept(this);
    }
  }

  @Override
  public Void visitSignal(Signal s) {
    out.append(s.name());
    return null;
  }

  @Override
  public Void visitLit(Lit l) {
    out.append(l.value()).append(':').append(l.type());
    return null;
  }

  @Override
  public Void visitUnary(Unary u) {
    out.append('(').append(u.op().symbol());
    sub(u.operand());
    out.append(')');
    return null;
  }

  @Override
  public Void visitBinary(Binary b) {
    out.append('(');
    sub(b.left());
    out.append(' ').append(b.op().symbol()).append(' ');
    sub(b.right());
    out.append(')');
    return null;
  }

  @Override
  public Void visitMux(Mux m) {
    out.append('(');
    sub(m.select());
    out.append(" ? ");
    sub(m.ifTrue());
    out.append(" : ");
    sub(m.ifFalse());
    out.append(')');
    return null;
  }

  @Override
  public Void visitSlice(Slice s) {
    sub(s.operand());
    out.append('[').append(s.hi()).append(':').append(s.lo()).append(']');
    return null;
  }

  @Override
  public Void visitConcat(Concat c) {
    out.append('{');
    for (int i = 0; i < c.parts().size() && !full(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      sub(c.parts().get(i));
    }
    out.append('}');
    return null;
  }

  @Override
  public Void visitConvert(Convert c) {
    String name =
        switch (c.op()) {
          case EXTEND -> "extend";
          case TRUNCATE -> "truncate";
          case REINTERPRET -> c.type().signed() ? "asSigned" : "asUnsigned";
        };
    out.append(name).append('<').append(c.type()).append(">(");
    sub(c.operand());
    out.append(')');
    return null;
  }
}
