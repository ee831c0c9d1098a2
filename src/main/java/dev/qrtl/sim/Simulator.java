package dev.qrtl.sim;

import java.util.Arrays;
import java.util.Locale;

/**
 * The RTL simulators qrtl co-simulates with, each with its backend. This is the one place that
 * names them: the command line's {@code --sim}, the reports' provenance and the choice of backend
 * all go through here.
 */
public enum Simulator {
  /** Verilator: 2-state, compiled to C++ (cached), a binary record stream: millions of vectors per second. */
  VERILATOR("verilator") {
    @Override
    public RtlSimulator backend() {
      return new VerilatorBackend();
    }
  },
  /** Icarus Verilog: 4-state, so X and Z on a checked output are mismatches; compiles in milliseconds. */
  ICARUS("icarus") {
    @Override
    public RtlSimulator backend() {
      return new IcarusBackend();
    }
  };

  private final String cliName;

  Simulator(String cliName) {
    this.cliName = cliName;
  }

  /** The name {@code --sim} takes. */
  public String cliName() {
    return cliName;
  }

  /** A new backend of this simulator. */
  public abstract RtlSimulator backend();

  /** The simulator {@code --sim NAME} names; one line listing the known ones otherwise. */
  public static Simulator parse(String name) {
    for (Simulator s : values()) {
      if (s.cliName.equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown simulator '" + dev.qrtl.util.Printable.of(name) + "'; use "
        + String.join(" or ", Arrays.stream(values()).map(Simulator::cliName).toList()));
  }

  @Override
  public String toString() {
    return cliName.toLowerCase(Locale.ROOT);
  }
}
