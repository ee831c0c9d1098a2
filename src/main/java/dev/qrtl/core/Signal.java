package dev.qrtl.core;

/**
 * A named net of a module: a port, a wire, a register output or an instance output. Signals
 * compare by identity: two signals of the same name in different modules are different nets.
 */
public final class Signal implements Expr {
  private final String name;
  private final HwType type;
  private final SignalKind kind;
  private final SourceLocation declaredAt;
  private final Object owner;

  Signal(String name, HwType type, SignalKind kind, SourceLocation declaredAt, Object owner) {
    this.name = name;
    this.type = type;
    this.kind = kind;
    this.declaredAt = declaredAt;
    this.owner = owner;
  }

  public String name() {
    return name;
  }

  @Override
  public HwType type() {
    return type;
  }

  public SignalKind kind() {
    return kind;
  }

  /** The user source line that declared this signal. */
  public SourceLocation declaredAt() {
    return declaredAt;
  }

  Object owner() {
    return owner;
  }

  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitSignal(this);
  }

  @Override
  public String toString() {
    return name;
  }
}
