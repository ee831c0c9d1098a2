package dev.qrtl.core;

/** What declared a signal, and so what may drive it. */
public enum SignalKind {
  INPUT,
  OUTPUT,
  WIRE,
  REG,
  /** A parent-side net driven by an output port of a child instance. */
  INSTANCE_OUTPUT
}
