package dev.qrtl.cli;

import dev.qrtl.tools.Doctor;
import dev.qrtl.tools.ToolStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code qrtl doctor}: which tools this machine has, their versions, and how to get the rest. */
@Command(name = "doctor", description = "Report the external tools qrtl uses, their versions and how to install missing ones.")
public final class DoctorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<ToolStatus> all = Doctor.forThisMachine().check();
    out.printf("%-10s %-10s %-4s %-34s %s%n", "tool", "version", "ok", "used for", "path / note");
    for (ToolStatus s : all) {
      String where = s.path().isEmpty() ? "" : s.path();
      String note = s.note().isEmpty() ? "" : (where.isEmpty() ? "" : "; ") + s.note();
      out.printf("%-10s %-10s %-4s %-34s %s%n", s.tool(), s.version().isEmpty() ? "-" : s.version(),
          s.usable() ? "yes" : "NO", s.neededFor(), where + note);
    }
    List<ToolStatus> missing = all.stream().filter(s -> !s.usable()).toList();
    if (missing.isEmpty()) {
      out.println("all tools found.");
      return 0;
    }
    out.println();
    out.println("to install what is missing:");
    missing.forEach(s -> out.println("  " + s.install()));
    return 1;
  }
}
