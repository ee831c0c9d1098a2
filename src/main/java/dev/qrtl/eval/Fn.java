package dev.qrtl.eval;

import java.math.BigInteger;

/** A compiled expression: reads slot values, returns the node's exact value. */
@FunctionalInterface
interface Fn {
  BigInteger eval(BigInteger[] slots);
}
