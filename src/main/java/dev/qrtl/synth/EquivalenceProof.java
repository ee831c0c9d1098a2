package dev.qrtl.synth;

import dev.qrtl.tools.ProcessResult;
import dev.qrtl.tools.ProcessRunner;
import dev.qrtl.tools.ToolException;
import dev.qrtl.tools.ToolPaths;
import dev.qrtl.util.AtomicFiles;
import dev.qrtl.util.Lifecycle;
import dev.qrtl.verilog.EmittedDesign;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Proves with Yosys's SAT solver that two combinational designs with the same ports compute the
 * same function for every input: both are read, flattened and joined by {@code miter -equiv};
 * {@code opt_merge} then shares every cell the two sides build identically from the same inputs
 * (above all the multiplier, which SAT cannot compare against a second copy in useful time), and
 * {@code sat -prove-asserts} either proves the miter's output constant or prints a counterexample.
 */
public final class EquivalenceProof {
  /** The outcome; {@code counterexample} is Yosys's port table when the proof fails. */
  public record Result(String gold, String gate, boolean proved, Duration time, String counterexample) {}

  private static final String SCRIPT = String.join("\n",
      "read_verilog %FILES%",
      "prep",
      "async2sync",
      "miter -equiv -flatten -make_assert %GOLD% %GATE% proof_miter",
      "hierarchy -top proof_miter",
      "opt -fast",
      "opt_merge -share_all",
      "opt_clean",
      "sat -verify -prove-asserts -show-ports proof_miter",
      "");

  private EquivalenceProof() {}

  /**
   * Proves the tops of {@code gold} and {@code gate} equivalent. Module names come from the
   * emitter (legal identifiers); the script names only fixed local files.
   */
  public static Result prove(EmittedDesign gold, EmittedDesign gate, Duration timeout) {
    if (gold.top().equals(gate.top())) {
      throw new IllegalArgumentException("the two designs share the module name " + gold.top());
    }
    try {
      Path work = Lifecycle.scratchDirectory(Path.of(System.getProperty("java.io.tmpdir")), "qrtl-prove-");
      try {
        List<String> files = new ArrayList<>();
        files.addAll(write(work, "gold", gold));
        files.addAll(write(work, "gate", gate));
        String script = SCRIPT.replace("%FILES%", String.join(" ", files))
            .replace("%GOLD%", gold.top()).replace("%GATE%", gate.top());
        AtomicFiles.writeString(work.resolve("prove.ys"), script);
        long start = System.nanoTime();
        ProcessResult r = ProcessRunner.run(
            List.of(ToolPaths.require("yosys").toString(), "-q", "-l", "prove.log", "-s", "prove.ys"), work, timeout);
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        String log = Files.readString(work.resolve("prove.log"));
        if (r.ok() && log.contains("SAT proof finished - no model found: SUCCESS!")) {
          return new Result(gold.top(), gate.top(), true, time, "");
        }
        if (log.contains("SAT proof finished - model found: FAIL!")) {
          return new Result(gold.top(), gate.top(), false, time, counterexample(log));
        }
        throw new ToolException("Yosys could not run the equivalence proof of " + gold.top() + " and " + gate.top()
            + " (exit " + r.exitCode() + ")\n" + r.tail(5));
      } finally {
        dev.qrtl.util.Trees.delete(work);
        Lifecycle.keep(work);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> write(Path work, String side, EmittedDesign d) throws IOException {
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, String> e : d.modules().entrySet()) {
      String file = side + "_" + e.getKey() + ".v";
      AtomicFiles.writeString(work.resolve(file), e.getValue());
      names.add(file);
    }
    return names;
  }

  /** The lines of Yosys's model table (signal, time, value) for the failing input. */
  private static String counterexample(String log) {
    List<String> lines = new ArrayList<>();
    boolean inTable = false;
    for (String l : log.split("\n")) {
      if (l.contains("Signal Name")) {
        inTable = true;
      } else if (inTable && l.isBlank() && lines.size() > 1) {
        break;
      }
      if (inTable && !l.isBlank()) {
        lines.add(l.strip());
      }
    }
    return String.join("\n", lines);
  }
}
