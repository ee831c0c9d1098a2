package dev.qrtl.kind;

import dev.qrtl.core.HdlException;
import dev.qrtl.core.Module;
import dev.qrtl.core.Signal;
import dev.qrtl.spec.Param;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a generated module's inputs against its spec's parameter declarations when the module is
 * built: every run-time parameter has its input, a per-channel table its {@code channel} input,
 * and no other input exists beside the kind's data inputs. A generator that makes a port the spec
 * declares a constant (or forgets one it declares a port) fails here, naming both.
 */
public final class ParamCheck {
  private ParamCheck() {}

  /** @param data the kind's own inputs ({@code acc} for a requantizer) */
  public static void check(Module m, List<Param> params, Set<String> data) {
    Set<String> expected = new LinkedHashSet<>(data);
    boolean table = false;
    for (Param p : params) {
      if (p.isPort()) {
        expected.add(p.name());
      }
      table |= p.isTable();
    }
    if (table) {
      expected.add(Param.CHANNEL);
    }
    Set<String> actual = new LinkedHashSet<>();
    for (Signal s : m.inputs()) {
      boolean control = m.clock().map(c -> c == s).orElse(false) || m.reset().map(r -> r == s).orElse(false);
      if (!control) {
        actual.add(s.name());
      }
    }
    for (String a : actual) {
      if (!expected.contains(a)) {
        String declared = params.stream().filter(p -> p.name().equals(a)).findFirst()
            .map(p -> "the spec declares " + a + " as " + (p.isConst() ? "the constant " + p.header() : "a per-channel table"))
            .orElse("the spec declares no parameter " + a);
        throw new HdlException("module " + m.name() + ": the generator made an input '" + a + "', but " + declared);
      }
    }
    for (String e : expected) {
      if (!actual.contains(e)) {
        throw new HdlException("module " + m.name() + ": the spec declares '" + e + "' a run-time input, but the generator made no such"
            + " port (its inputs: " + String.join(", ", actual) + ")");
      }
    }
  }
}
