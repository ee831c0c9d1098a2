package dev.qrtl.scheme;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** The typed values of a scheme's options as the command line gave them (absent: not given). */
public interface OptionValues {
  boolean given(String name);

  default boolean flag(String name) {
    return given(name) && Boolean.TRUE.equals(value(name));
  }

  default OptionalInt integer(String name) {
    return given(name) ? OptionalInt.of((Integer) value(name)) : OptionalInt.empty();
  }

  default OptionalLong longValue(String name) {
    return given(name) ? OptionalLong.of((Long) value(name)) : OptionalLong.empty();
  }

  default Optional<Float> floatValue(String name) {
    return given(name) ? Optional.of((Float) value(name)) : Optional.empty();
  }

  default OptionalDouble real(String name) {
    return given(name) ? OptionalDouble.of((Double) value(name)) : OptionalDouble.empty();
  }

  default Optional<String> string(String name) {
    return given(name) ? Optional.of((String) value(name)) : Optional.empty();
  }

  default Optional<int[]> ints(String name) {
    return given(name) ? Optional.of((int[]) value(name)) : Optional.empty();
  }

  default Optional<long[]> longs(String name) {
    return given(name) ? Optional.of((long[]) value(name)) : Optional.empty();
  }

  default Optional<double[]> reals(String name) {
    return given(name) ? Optional.of((double[]) value(name)) : Optional.empty();
  }

  /** The raw value, of the type its {@link SchemeOption.Kind} names. */
  Object value(String name);

  /** No options given (specs built from code). */
  OptionValues NONE = new OptionValues() {
    @Override
    public boolean given(String name) {
      return false;
    }

    @Override
    public Object value(String name) {
      return null;
    }
  };
}
