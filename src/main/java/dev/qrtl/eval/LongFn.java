package dev.qrtl.eval;

/** A compiled expression on the fast path: every value of the module fits a long, so slots are longs. */
@FunctionalInterface
interface LongFn {
  long eval(long[] slots);
}
