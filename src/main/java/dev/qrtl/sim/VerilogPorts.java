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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads the top module's ports from the Verilog itself ({@code verilator --xml-only}) and checks
 * them against a manifest, so a manifest that does not describe its Verilog is refused with a
 * list of the differences instead of failing deep inside a C++ build.
 */
public final class VerilogPorts {
  private VerilogPorts() {}

  public static Map<String, PortSpec> read(String top, List<Path> files) {
    Path xml = null;
    try {
      xml = Files.createTempFile("qrtl-ports", ".xml");
      List<String> cmd = new ArrayList<>(List.of(ToolPaths.require("verilator").toString(), "--xml-only",
          "--xml-output", xml.toString(), "-Wno-fatal", "--top-module", top));
      files.forEach(f -> cmd.add(f.toString()));
      ProcessResult r = ProcessRunner.run(cmd, null, Duration.ofMinutes(5));
      if (!r.ok()) {
        throw new ToolException("Verilator cannot read the Verilog of '" + top + "': " + r.tail(8));
      }
      return parse(Files.readAllBytes(xml), top);
    } catch (IOException e) {
      throw new ToolException("cannot read Verilator's XML for '" + top + "': " + e.getMessage());
    } finally {
      if (xml != null) {
        xml.toFile().delete();
      }
    }
  }

  static Map<String, PortSpec> parse(byte[] xml, String top) {
    Document doc;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      javax.xml.parsers.DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null); // errors become the exception below, not "[Fatal Error]" lines on stderr
      doc = b.parse(new java.io.ByteArrayInputStream(xml));
    } catch (Exception e) {
      throw new ToolException("cannot parse Verilator's XML: " + e.getMessage());
    }
    Map<String, int[]> dtypes = new HashMap<>(); // id -> {width, signed}
    NodeList basics = doc.getElementsByTagName("basicdtype");
    for (int i = 0; i < basics.getLength(); i++) {
      Element b = (Element) basics.item(i);
      int width = b.hasAttribute("left")
          ? Math.abs(Integer.parseInt(b.getAttribute("left")) - Integer.parseInt(b.getAttribute("right"))) + 1 : 1;
      dtypes.put(b.getAttribute("id"), new int[] {width, "true".equals(b.getAttribute("signed")) ? 1 : 0});
    }
    NodeList modules = doc.getElementsByTagName("module");
    for (int i = 0; i < modules.getLength(); i++) {
      Element m = (Element) modules.item(i);
      if (!"1".equals(m.getAttribute("topModule"))) {
        continue;
      }
      Map<String, PortSpec> ports = new LinkedHashMap<>();
      NodeList vars = m.getElementsByTagName("var");
      for (int v = 0; v < vars.getLength(); v++) {
        Element var = (Element) vars.item(v);
        String dir = var.getAttribute("dir");
        if (dir.isEmpty() || var.getParentNode() != m) {
          continue;
        }
        int[] t = dtypes.getOrDefault(var.getAttribute("dtype_id"), new int[] {1, 0});
        String name = var.getAttribute("name");
        ports.put(name, new PortSpec(name, dir.equals("input") ? "input" : "output", t[0], t[1] == 1));
      }
      return ports;
    }
    throw new ToolException("Verilator's XML has no top module '" + top + "'");
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
