package dev.qrtl.scheme;

import dev.qrtl.golden.OutputRange;
import dev.qrtl.manifest.PortSpec;
import dev.qrtl.spec.Param;
import dev.qrtl.spec.QuantizerSpec;
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

  /** The parameter of {@code role} that {@code spec} declares; one line if it declares none. */
  static Param param(QuantizerSpec spec, Param.Role role) {
    return Param.withRole(spec.params(), role).orElseThrow(() -> new IllegalArgumentException(spec.scheme() + " declares no "
        + role.name().toLowerCase(java.util.Locale.ROOT) + " parameter"));
  }

  /** The value of the parameter of {@code role} for one operation (0 where the spec declares none, as a bias it does not add). */
  static long value(QuantizerSpec spec, Param.Role role, RequantizerModel.Inputs in) {
    return Param.withRole(spec.params(), role).map(p -> p.value(in::get)).orElse(0L);
  }

  /** Whether {@code p} is the per-channel table's selector. */
  static boolean isChannel(PortSpec p) {
    return p.name().equals(Param.CHANNEL);
  }

  /** The role of the declared run-time parameter that input {@code p} carries; one line if the spec declares no such input. */
  static Param.Role role(QuantizerSpec spec, PortSpec p) {
    for (Param x : spec.params()) {
      if (x.isPort() && x.name().equals(p.name())) {
        return x.role();
      }
    }
    throw noSuchInput(spec.scheme(), p);
  }

  /** Whether input {@code p} carries the declared run-time parameter of {@code role}. */
  static boolean carries(QuantizerSpec spec, PortSpec p, Param.Role role) {
    return spec.params().stream().anyMatch(x -> x.isPort() && x.role() == role && x.name().equals(p.name()));
  }

  /** The position of the run-time parameter of {@code role} in {@code names}, -1 where the spec declares none. */
  static int position(QuantizerSpec spec, Param.Role role, java.util.List<String> names) {
    return Param.withRole(spec.params(), role).map(p -> RequantizerModel.position(names, p.name())).orElse(-1);
  }

  /** The port name of the parameter of {@code role} ("" where none is declared, which no input matches). */
  static String name(QuantizerSpec spec, Param.Role role) {
    return Param.withRole(spec.params(), role).map(Param::name).orElse("");
  }

  static IllegalArgumentException noSuchInput(String scheme, PortSpec p) {
    return new IllegalArgumentException(scheme + ": no way to drive requantizer input '" + p.name() + "'");
  }
}
