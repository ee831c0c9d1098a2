package dev.qrtl.sim;

import dev.qrtl.manifest.PortSpec;
import dev.qrtl.tools.ToolException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads the top module's ports from {@code verilator --xml-only} output. Malformed XML, a
 * missing top module, an unknown type reference or a width that is not a number are one-line
 * errors naming the problem (no document type declarations are read, and the XML parser never
 * prints to stderr).
 */
public final class VerilatorXml {
  private VerilatorXml() {}

  public static Map<String, PortSpec> ports(byte[] xml, String top) {
    return ports(xml, top, null);
  }

  /** The ports of {@code module} (null: the top) in the XML of a design whose top is {@code top}. */
  public static Map<String, PortSpec> ports(byte[] xml, String top, String module) {
    Document doc;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      doc = b.parse(new java.io.ByteArrayInputStream(xml));
    } catch (Exception e) {
      throw new ToolException("cannot parse Verilator's XML for '" + top + "': " + oneLine(e.getMessage()));
    }
    Map<String, int[]> dtypes = new HashMap<>(); // id -> {width, signed}
    NodeList basics = doc.getElementsByTagName("basicdtype");
    for (int i = 0; i < basics.getLength(); i++) {
      Element b = (Element) basics.item(i);
      int width = 1;
      if (b.hasAttribute("left") || b.hasAttribute("right")) {
        long left = number(b.getAttribute("left"), "left", top);
        long right = number(b.getAttribute("right"), "right", top);
        long w = Math.abs(left - right) + 1;
        if (w > 1 << 20) {
          throw new ToolException("Verilator's XML for '" + top + "' gives a type " + w + " bits wide");
        }
        width = (int) w;
      }
      dtypes.put(b.getAttribute("id"), new int[] {width, "true".equals(b.getAttribute("signed")) ? 1 : 0});
    }
    NodeList modules = doc.getElementsByTagName("module");
    for (int i = 0; i < modules.getLength(); i++) {
      Element m = (Element) modules.item(i);
      boolean wanted = module == null ? "1".equals(m.getAttribute("topModule"))
          : module.equals(m.hasAttribute("origName") ? m.getAttribute("origName") : m.getAttribute("name"));
      if (!wanted) {
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
        int[] t = dtypes.get(var.getAttribute("dtype_id"));
        if (t == null) {
          throw new ToolException("Verilator's XML for '" + top + "' names an unknown type for port '" + oneLine(var.getAttribute("name")) + "'");
        }
        String name = var.getAttribute("name");
        try {
          ports.put(name, new PortSpec(name, dir.equals("input") ? "input" : "output", t[0], t[1] == 1));
        } catch (IllegalArgumentException e) {
          throw new ToolException("Verilator's XML for '" + top + "' has a bad port: " + oneLine(e.getMessage()));
        }
      }
      return ports;
    }
    throw new ToolException("Verilator's XML has no top module '" + top + "'");
  }

  private static long number(String text, String what, String top) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new ToolException("Verilator's XML for '" + top + "' has a type bound " + what + "='" + oneLine(text) + "' that is not a number");
    }
  }

  static String oneLine(String s) {
    if (s == null) {
      return "no details";
    }
    String t = s.replaceAll("[\\r\\n\\t]+", " ").strip();
    return t.length() > 200 ? t.substring(0, 200) + "..." : t;
  }
}
