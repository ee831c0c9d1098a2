package dev.qrtl.core;

/** Conversions of {@link Convert}. */
public enum ConvertOp {
  /** Sign- or zero-extension by the operand's signedness; exact. */
  EXTEND,
  /** The low bits, same signedness; wraps. */
  TRUNCATE,
  /** The same bits read with the other signedness. */
  REINTERPRET
}
