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
  private final String stage;

  Signal(String name, HwType type, SignalKind kind, SourceLocation declaredAt, Object owner, String stage) {
    this.name = name;
    this.type = type;
    this.kind = kind;
    this.declaredAt = declaredAt;
    this.owner = owner;
    this.stage = stage;
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

  /** The generator stage this signal was declared in ({@link ModuleBuilder#stage}), if any. */
  public java.util.Optional<String> stage() {
    return java.util.Optional.ofNullable(stage);
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
