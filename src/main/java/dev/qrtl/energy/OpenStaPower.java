package dev.qrtl.energy;

import dev.qrtl.tools.ProcessResult;
import dev.qrtl.tools.ProcessRunner;
import dev.qrtl.tools.ToolException;
import dev.qrtl.tools.ToolPaths;
import dev.qrtl.util.AtomicFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cross-check of qrtl's energy: OpenSTA's {@code report_power} on the same netlist, library
 * and clock period, its inputs switching as in qrtl's run (uniformly random inputs: activity 0.5,
 * duty 0.5); OpenSTA propagates that activity probabilistically, qrtl simulates it.
 */
public final class OpenStaPower {
  private OpenStaPower() {}

  /** OpenSTA's power, converted to energy per cycle (pJ). */
  public record Result(double internalPj, double switchingPj, double leakagePj) {
    public double totalPj() {
      return internalPj + switchingPj + leakagePj;
    }
  }

  /**
   * OpenSTA's power with every input port switching {@code activity} times per cycle at duty 0.5,
   * propagated through the netlist by OpenSTA itself. (Debian 12's OpenSTA 2.0.17 accepts
   * {@code -pins} and {@code -global} activities but ignores them - the power does not change with
   * the value - so the input activity is the one entry point that works there.)
   */
  public static Result run(Path liberty, Path netlistVerilog, String top, double clockNs, double activity, Path work, Duration timeout) {
    StringBuilder tcl = new StringBuilder();
    tcl.append("read_liberty ").append(brace(liberty.toAbsolutePath().toString())).append('\n');
    tcl.append("read_verilog ").append(brace(netlistVerilog.toAbsolutePath().toString())).append('\n');
    tcl.append("link_design ").append(top).append('\n');
    tcl.append(String.format(Locale.ROOT, "create_clock -name vclk -period %.6f%n", clockNs));
    tcl.append("set_input_delay 0 -clock vclk [all_inputs]\n"); // without a clock the inputs' activity means nothing to OpenSTA
    tcl.append(String.format(Locale.ROOT, "set_power_activity -input -activity %.6f -duty 0.5%n", activity));
    tcl.append("report_power -digits 6\n");
    Path script = work.resolve("power.tcl");
    AtomicFiles.writeString(script, tcl.toString());
    ProcessResult p = ProcessRunner.runChecked(List.of(ToolPaths.require("sta").toString(), "-no_splash", "-exit", script.toString()),
        work, timeout);
    Matcher m = Pattern.compile("(?m)^Total\\s+([0-9.eE+-]+)\\s+([0-9.eE+-]+)\\s+([0-9.eE+-]+)\\s+([0-9.eE+-]+)").matcher(p.stdout());
    if (!m.find()) {
      throw new ToolException("OpenSTA printed no power total; its output: " + p.stdout() + p.stderr());
    }
    double toPj = clockNs * 1e3; // W x ns = 1e-9 J = 1e3 pJ
    return new Result(Double.parseDouble(m.group(1)) * toPj, Double.parseDouble(m.group(2)) * toPj,
        Double.parseDouble(m.group(3)) * toPj);
  }

  private static String brace(String s) {
    return "{" + s + "}";
  }
}
