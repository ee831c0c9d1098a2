package dev.qrtl.sim;

import dev.qrtl.manifest.Manifest;
import dev.qrtl.manifest.ManifestException;
import dev.qrtl.manifest.PortSpec;
import dev.qrtl.tools.ProcessResult;
import dev.qrtl.tools.ProcessRunner;
import dev.qrtl.tools.ToolException;
import dev.qrtl.tools.ToolPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the top module's ports from the Verilog itself ({@code verilator --xml-only}) and checks
 * them against a manifest, so a manifest that does not describe its Verilog is refused with a
 * list of the differences instead of failing deep inside a C++ build.
 */
public final class VerilogPorts {
  private VerilogPorts() {}

  public static Map<String, PortSpec> read(String top, List<Path> files) {
    return readAll(top, files, List.of(top)).get(top);
  }

  /** The ports of each of {@code modules}, from one {@code verilator --xml-only} run on the design under {@code top}. */
  public static Map<String, Map<String, PortSpec>> readAll(String top, List<Path> files, List<String> modules) {
    Path xml = null;
    try {
      xml = dev.qrtl.util.Lifecycle.scratchFile("qrtl-ports", ".xml");
      List<String> cmd = new ArrayList<>(List.of(ToolPaths.require("verilator").toString(), "--xml-only",
          "--xml-output", xml.toString(), "-Wno-fatal", "--top-module", top));
      files.forEach(f -> cmd.add(f.toString()));
      ProcessResult r = ProcessRunner.run(cmd, null, Duration.ofMinutes(5));
      if (!r.ok()) {
        throw ToolException.failed("verilator --xml-only", top, r);
      }
      byte[] bytes = Files.readAllBytes(xml);
      Map<String, Map<String, PortSpec>> out = new java.util.LinkedHashMap<>();
      for (String module : modules) {
        out.put(module, module.equals(top) ? parse(bytes, top) : VerilatorXml.ports(bytes, top, module));
      }
      return out;
    } catch (IOException e) {
      throw new ToolException("cannot read Verilator's XML for '" + top + "': " + e.getMessage());
    } finally {
      if (xml != null) {
        xml.toFile().delete();
      }
    }
  }

  static Map<String, PortSpec> parse(byte[] xml, String top) {
    return VerilatorXml.ports(xml, top);
  }

  /** Throws a {@link ManifestException} listing every difference between the manifest and the Verilog. */
  public static void check(Manifest m, List<Path> files) {
    Map<String, PortSpec> actual = read(m.top(), files);
    List<String> problems = new ArrayList<>();
    for (PortSpec p : m.ports()) {
      PortSpec a = actual.get(p.name());
      if (a == null) {
        problems.add("port '" + p.name() + "' is in the manifest but not in the Verilog");
      } else if (!a.equals(p)) {
        problems.add("port '" + p.name() + "' is " + describe(p) + " in the manifest but " + describe(a) + " in the Verilog");
      }
    }
    for (String name : actual.keySet()) {
      if (m.ports().stream().noneMatch(p -> p.name().equals(name))) {
        problems.add("port '" + name + "' is in the Verilog but not in the manifest");
      }
    }
    if (!problems.isEmpty()) {
      throw new ManifestException("the manifest of '" + m.top() + "' does not match its Verilog: " + String.join("; ", problems));
    }
  }

  private static String describe(PortSpec p) {
    return p.direction() + " " + (p.signed() ? "s" : "u") + p.width();
  }
}
