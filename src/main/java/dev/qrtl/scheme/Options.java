package dev.qrtl.scheme;

import java.util.ArrayList;
import java.util.List;

/** Checks on the combinations of a scheme's options. */
final class Options {
  private Options() {}

  /** At most one of {@code options} may be given: two are a contradiction, named both. */
  static void exclusive(OptionValues v, SchemeOption... options) {
    List<String> given = new ArrayList<>();
    for (SchemeOption o : options) {
      if (o.kind() == SchemeOption.Kind.FLAG ? v.flag(o.name()) : v.given(o.name())) {
        given.add(o.name());
      }
    }
    if (given.size() > 1) {
      throw new IllegalArgumentException("give " + given.get(0) + " or " + given.get(1) + ", not both");
    }
  }

  /** {@code option} means nothing without {@code needed}. */
  static void requires(OptionValues v, SchemeOption option, SchemeOption needed) {
    boolean has = option.kind() == SchemeOption.Kind.FLAG ? v.flag(option.name()) : v.given(option.name());
    boolean hasNeeded = needed.kind() == SchemeOption.Kind.FLAG ? v.flag(needed.name()) : v.given(needed.name());
    if (has && !hasNeeded) {
      throw new IllegalArgumentException(option.name() + " is used only with " + needed.name());
    }
  }
}
