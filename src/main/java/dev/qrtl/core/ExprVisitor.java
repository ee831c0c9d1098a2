package dev.qrtl.core;

/**
 * A pass over expressions that must handle every node kind: adding a kind adds a method here, so
 * no pass can skip it silently (Java 17 has no exhaustive pattern switch).
 */
public interface ExprVisitor<R> {
  R visitSignal(Signal s);

  R visitLit(Lit l);

  R visitUnary(Unary u);

  R visitBinary(Binary b);

  R visitMux(Mux m);

  R visitSlice(Slice s);

  R visitConcat(Concat c);

  R visitConvert(Convert c);
}
