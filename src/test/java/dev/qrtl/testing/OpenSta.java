package dev.qrtl.testing;

import dev.qrtl.tools.ProcessResult;
import dev.qrtl.tools.ProcessRunner;
import dev.qrtl.tools.ToolPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** OpenSTA ({@code sta}, Debian {@code opensta}) run on a mapped netlist, for the cross-checks. */
public final class OpenSta {
  private OpenSta() {}

  /** Tcl braces around a path (the paths are the tests' own temporary ones). */
  static String brace(Path p) {
    return "{" + p.toAbsolutePath() + "}";
  }

  /** The common head: library, netlist, link, input transition, wire load left to the library's default. */
  static String head(Path liberty, Path netlist, String top, double inputSlewNs) {
    return String.join("\n", "read_liberty " + brace(liberty), "read_verilog " + brace(netlist), "link_design " + top,
        String.format(Locale.ROOT, "set_input_transition %.6f [all_inputs]", inputSlewNs), "");
  }

  /**
   * The critical path as qrtl defines it (the latest output arrival, or register input arrival
   * plus setup): {@code period - worst slack} with a 100 ns clock ({@code clk} if the design has
   * one, with {@code set_clock_transition} at the input slew; else a virtual clock), input and
   * output delays 0.
   */
  public static double criticalPathNs(Path liberty, Path netlist, String top, List<String> dataInputs, boolean clocked,
      double inputSlewNs, Path work) throws IOException {
    StringBuilder tcl = new StringBuilder(head(liberty, netlist, top, inputSlewNs));
    if (clocked) {
      tcl.append("create_clock -name clk -period 100 [get_ports clk]\n");
      tcl.append(String.format(Locale.ROOT, "set_clock_transition %.6f [all_clocks]%n", inputSlewNs));
    } else {
      tcl.append("create_clock -name clk -period 100\n");
    }
    tcl.append("set_input_delay 0 -clock clk [get_ports {").append(String.join(" ", dataInputs)).append("}]\n");
    tcl.append("set_output_delay 0 -clock clk [all_outputs]\n");
    tcl.append("report_checks -path_delay max -digits 6\n");
    String out = run(tcl.toString(), work.resolve(top + "-timing.tcl"), work);
    Matcher m = Pattern.compile("(-?[0-9.]+)\\s+slack \\((MET|VIOLATED)\\)").matcher(out);
    if (!m.find()) {
      throw new AssertionError("OpenSTA printed no slack:\n" + out);
    }
    return 100 - Double.parseDouble(m.group(1));
  }

  /** OpenSTA's {@code report_power} totals (internal, switching, leakage) in W, inputs at the activity and duty given. */
  public static double[] power(Path liberty, Path netlist, String top, boolean clocked, double clockNs, double inputSlewNs, double activity,
      Path work) throws IOException {
    StringBuilder tcl = new StringBuilder(head(liberty, netlist, top, inputSlewNs));
    tcl.append(String.format(Locale.ROOT, "create_clock -name clk -period %.6f%s%n", clockNs, clocked ? " [get_ports clk]" : ""));
    if (clocked) {
      tcl.append(String.format(Locale.ROOT, "set_clock_transition %.6f [all_clocks]%n", inputSlewNs));
    }
    tcl.append("set_input_delay 0 -clock clk [all_inputs]\n"); // a warning for the clock port itself, which OpenSTA skips
    tcl.append(String.format(Locale.ROOT, "set_power_activity -input -activity %.6f -duty 0.5%n", activity));
    tcl.append("report_power -digits 8\n");
    String out = run(tcl.toString(), work.resolve(top + "-power.tcl"), work);
    Matcher m = Pattern.compile("(?m)^Total\\s+([0-9.eE+-]+)\\s+([0-9.eE+-]+)\\s+([0-9.eE+-]+)").matcher(out);
    if (!m.find() || out.contains("Error")) {
      throw new AssertionError("OpenSTA printed no power total, or an error:\n" + out);
    }
    return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))};
  }

  private static String run(String tcl, Path script, Path work) throws IOException {
    Files.writeString(script, tcl + "exit\n");
    ProcessResult p = ProcessRunner.runChecked(List.of(ToolPaths.require("sta").toString(), "-no_splash", "-exit", script.toString()), work,
        Duration.ofMinutes(5));
    return p.stdout() + p.stderr();
  }
}
