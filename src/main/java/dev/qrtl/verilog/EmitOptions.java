package dev.qrtl.verilog;

/**
 * How Verilog is written. {@code sourceLocators}: each named wire and register is annotated with
 * the generator's Java source line that declared it ({@code // @[TfliteGenerator.java:57]}), as
 * Chisel's and CIRCT's locators do; off by default, so files do not change when code moves.
 */
public record EmitOptions(boolean sourceLocators) {
  public static final EmitOptions DEFAULT = new EmitOptions(false);
}
