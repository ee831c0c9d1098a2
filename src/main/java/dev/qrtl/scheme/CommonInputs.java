package dev.qrtl.scheme;

import dev.qrtl.golden.OutputRange;
import dev.qrtl.manifest.PortSpec;
import dev.qrtl.stimulus.ValueSampler;
import java.util.SplittableRandom;

/**
 * Test values of the run-time inputs several schemes share (bias, zero point, channel), and the
 * exponent a realistic spread asks for. Each method draws exactly what co-simulation has always
 * drawn for that input, so seeded runs stay reproducible.
 */
final class CommonInputs {
  private CommonInputs() {}

  /** A random bias: a quarter of the accumulator range. */
  static long randomBias(ValueSampler accs) {
    return accs.uniform() >> 2;
  }

  /** A bias fitted to data: within a quarter of its spread. */
  static long fittedBias(SplittableRandom rnd, double spread) {
    return Math.round(rnd.nextDouble(-0.25, 0.25) * spread);
  }

  static long randomZeroPoint(SplittableRandom rnd, OutputRange out) {
    return out.min() + rnd.nextLong(out.max() - out.min() + 1);
  }

  static long fittedZeroPoint(SplittableRandom rnd, OutputRange out) {
    return out.signed() ? rnd.nextInt(-4, 5) : rnd.nextInt(0, 9);
  }

  static long channel(PortSpec p, SplittableRandom rnd) {
    return rnd.nextLong(1L << p.width());
  }

  /** log2 of the scale-down that maps three spreads of the data onto the output's largest value. */
  static double log2Down(double spread, OutputRange out) {
    return Math.log(3 * spread / Math.max(1, out.max())) / Math.log(2);
  }

  static IllegalArgumentException noSuchInput(String scheme, PortSpec p) {
    return new IllegalArgumentException(scheme + ": no way to drive requantizer input '" + p.name() + "'");
  }
}
