package dev.qrtl.core;

import java.math.BigInteger;
import java.util.Optional;

/**
 * A D flip-flop bank on the module clock's rising edge: {@code q <= next} when {@code enable}
 * (if any) is 1; a synchronous, active-high reset (if any) loads {@code resetValue} first.
 */
public record Register(Signal q, Expr next, Optional<BigInteger> resetValue, Optional<Expr> enable) {}
