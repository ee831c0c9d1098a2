package dev.qrtl.onnx;

/** An operator (or an operator's domain) qrtl does not import: the one refusal {@code --skip-unknown} turns into a skipped node. */
final class UnknownOperator extends OnnxException {
  private static final long serialVersionUID = 1L;
  private final String domain;

  UnknownOperator(String message, String domain) {
    super(message);
    this.domain = domain;
  }

  /** " (domain 'D')", or "" for the default domain. */
  String domain() {
    return domain.isEmpty() ? "" : " (domain '" + Names.printable(domain) + "')";
  }
}
