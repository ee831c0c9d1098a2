package dev.qrtl.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.manifest.StablePrettyPrinter;
import java.io.PrintWriter;

/** Prints a report as stable JSON ({@code --json}) or as its text form. */
final class ReportPrinter {
  private ReportPrinter() {}

  static void print(Object report, String text, boolean json, PrintWriter out) {
    if (json) {
      out.println(json(report));
    } else {
      out.print(text);
    }
    out.flush();
  }

  /** The report as stable JSON (the form {@code --json} prints and {@code --out} writes). */
  static String json(Object report) {
    try {
      return ManifestIo.mapper().writer(new StablePrettyPrinter()).writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report as JSON", e);
    }
  }
}
