package dev.qrtl.synth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qrtl.manifest.ManifestIo;
import dev.qrtl.tools.ToolException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mapped netlist as Yosys writes it with {@code write_json}: modules with ports (bit numbers)
 * and cells (type, port directions, connections to bits or the constants "0"/"1"/"x"/"z").
 * Module names lose Yosys's leading backslash.
 */
public record YosysNetlist(String creator, Map<String, NetModule> modules) {
  /** One module of the netlist. */
  public record NetModule(String name, Map<String, Port> ports, List<NetCell> cells) {}

  /** A module port: direction and bits. */
  public record Port(String name, String direction, List<String> bits) {}

  /** A cell: instance name, type, and per-port direction and bits. */
  public record NetCell(String name, String type, Map<String, String> directions, Map<String, List<String>> connections) {}

  public static YosysNetlist parse(String json, String source) {
    String what = "Yosys netlist";
    JsonNode root = JsonShape.parse(json, what, source);
    JsonNode mods = root.get("modules");
    if (mods == null || !mods.isObject()) {
      throw new ToolException("Yosys netlist " + source + " has no modules");
    }
    Map<String, NetModule> modules = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = mods.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> m = it.next();
      String mp = "modules." + m.getKey();
      if (!m.getValue().isObject()) {
        throw JsonShape.expected(what, source, mp, "an object");
      }
      JsonNode attrs = m.getValue().get("attributes");
      if (attrs != null && attrs.has("blackbox")) {
        continue;
      }
      Map<String, Port> ports = new LinkedHashMap<>();
      JsonNode ps = m.getValue().get("ports");
      if (ps != null) {
        if (!ps.isObject()) {
          throw JsonShape.expected(what, source, mp + ".ports", "an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> pi = ps.fields(); pi.hasNext(); ) {
          Map.Entry<String, JsonNode> p = pi.next();
          String pp = mp + ".ports." + p.getKey();
          if (!p.getValue().isObject()) {
            throw JsonShape.expected(what, source, pp, "an object");
          }
          String dir = JsonShape.text(p.getValue(), "direction", pp, what, source);
          ports.put(p.getKey(), new Port(p.getKey(), dir, bits(p.getValue().get("bits"), pp + ".bits", what, source)));
        }
      }
      List<NetCell> cells = new ArrayList<>();
      JsonNode cs = m.getValue().get("cells");
      if (cs != null) {
        if (!cs.isObject()) {
          throw JsonShape.expected(what, source, mp + ".cells", "an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> ci = cs.fields(); ci.hasNext(); ) {
          Map.Entry<String, JsonNode> c = ci.next();
          String cp = mp + ".cells." + c.getKey();
          if (!c.getValue().isObject()) {
            throw JsonShape.expected(what, source, cp, "an object");
          }
          Map<String, String> dirs = new LinkedHashMap<>();
          JsonNode pd = c.getValue().get("port_directions");
          if (pd != null) {
            if (!pd.isObject()) {
              throw JsonShape.expected(what, source, cp + ".port_directions", "an object");
            }
            pd.fields().forEachRemaining(e -> dirs.put(e.getKey(), e.getValue().asText()));
          }
          Map<String, List<String>> conns = new LinkedHashMap<>();
          JsonShape.object(c.getValue(), "connections", cp, what, source).fields()
              .forEachRemaining(e -> conns.put(e.getKey(), bits(e.getValue(), cp + ".connections." + e.getKey(), what, source)));
          cells.add(new NetCell(c.getKey(), unescape(JsonShape.text(c.getValue(), "type", cp, what, source)), dirs, conns));
        }
      }
      String name = unescape(m.getKey());
      modules.put(name, new NetModule(name, ports, cells));
    }
    JsonNode creator = root.get("creator");
    return new YosysNetlist(creator == null ? "" : creator.asText(), modules);
  }

  private static List<String> bits(JsonNode arr, String path, String what, String source) {
    if (arr == null || !arr.isArray()) {
      throw JsonShape.expected(what, source, path, "an array of bits");
    }
    List<String> out = new ArrayList<>();
    arr.forEach(b -> {
      if (!b.isValueNode()) {
        throw JsonShape.expected(what, source, path, "an array of bits");
      }
      out.add(b.asText());
    });
    return out;
  }

  static String unescape(String name) {
    return name.startsWith("\\") ? name.substring(1) : name;
  }
}
