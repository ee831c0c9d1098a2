package dev.qrtl.scheme;

import java.util.function.LongUnaryOperator;

/**
 * A scheme's golden model with its parameters chosen from a real scale by the scheme's own rule:
 * the function from accumulator to output, and the parameters in words ({@code k=7},
 * {@code M0=1518500250 shift=-6}) for reports.
 */
public record RealScaleUnit(String parameters, LongUnaryOperator requantize) {}
